import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { commands } from '../../src/cli';
import { ExitCode, type CliIO } from '../../src/cli/command';
import { runCli } from '../../src/cli/main';

function capture(env: NodeJS.ProcessEnv = {}): { io: CliIO; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: '', err: '' };
  stdout.on('data', (c: Buffer) => (chunks.out += c.toString()));
  stderr.on('data', (c: Buffer) => (chunks.err += c.toString()));
  return { io: { stdout, stderr, env, cwd: '/tmp' }, out: () => chunks.out, err: () => chunks.err };
}

describe('supervity-temporal: top level', () => {
  it('lists every command in --help', async () => {
    const { io, out } = capture();
    assert.equal(await runCli(['--help'], io, commands), ExitCode.Ok);
    for (const name of ['demo', 'dev', 'worker', 'simulator', 'run', 'review', 'status', 'cancel', 'list', 'chain']) {
      assert.match(out(), new RegExp(`^  ${name} +\\S`, 'm'), `${name} listed`);
    }
  });

  it('prints the package version', async () => {
    const { io, out } = capture();
    assert.equal(await runCli(['--version'], io, commands), ExitCode.Ok);
    assert.match(out(), /^\d+\.\d+\.\d+\n$/);
  });

  it('exits 2 for no command or an unknown one', async () => {
    const none = capture();
    assert.equal(await runCli([], none.io, commands), ExitCode.Usage);
    const unknown = capture();
    assert.equal(await runCli(['frobnicate'], unknown.io, commands), ExitCode.Usage);
    assert.match(unknown.err(), /unknown command "frobnicate"/);
  });
});

describe('supervity-temporal: every command', () => {
  for (const command of commands) {
    it(`${command.name} --help prints its usage and exits 0`, async () => {
      const { io, out } = capture();
      assert.equal(await runCli([command.name, '--help'], io, commands), ExitCode.Ok);
      assert.match(out(), new RegExp(`Usage: supervity-temporal ${command.name}`));
    });
  }
});

describe('supervity-temporal: usage and setting errors', () => {
  const cases: Array<[string[], number, RegExp]> = [
    [['run'], ExitCode.Usage, /missing the Supervity workflow id/],
    [['run', 'demo.summarize', '--bogus'], ExitCode.Usage, /Unknown option '--bogus'.*run --help/],
    [['run', 'demo.summarize', '--wait', '--follow'], ExitCode.Usage, /--wait and --follow are exclusive/],
    [['run', 'demo.summarize', '-i', 'nonsense'], ExitCode.Config, /input "nonsense" is not name=value/],
    [['review', 'wf-1'], ExitCode.Usage, /missing the action/],
    [['review', 'wf-1', 'approve', '--data', '[1]'], ExitCode.Config, /--data must be a JSON object/],
    [['status'], ExitCode.Usage, /missing the Temporal workflow id/],
    [['cancel', 'a', 'b'], ExitCode.Usage, /unexpected argument "b"/],
    [['list'], ExitCode.Usage, /--waiting/],
    [['dev', '--port', 'x'], ExitCode.Config, /--port x is not a port number/],
    [['worker'], ExitCode.Config, /SUPERVITY_API_URL is not set/],
    [['status', 'wf-1'], ExitCode.Config, /TEMPORAL_ADDRESS="nowhere" is not host:port/],
  ];
  for (const [argv, code, message] of cases) {
    it(`${argv.join(' ')} -> exit ${code}, one line naming the problem`, async () => {
      const { io, err } = capture({ TEMPORAL_ADDRESS: argv[0] === 'status' ? 'nowhere' : undefined });
      assert.equal(await runCli(argv, io, commands), code);
      assert.match(err(), message);
      assert.equal(err().trim().split('\n').length, 1, `one line: ${err()}`);
    });
  }
});
