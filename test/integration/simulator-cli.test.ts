import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { simulatorCommand } from '../../src/cli/simulator';
import { ExitCode, type CliIO } from '../../src/cli/command';
import { runCli } from '../../src/cli/main';
import { pause, simClient } from '../fixtures/simulator/client';

const root = path.join(__dirname, '..', '..');
const fixtures = path.join(root, 'test', 'fixtures', 'simulator');

function captureIO(): CliIO & { out: () => string } {
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stdout, stderr: new PassThrough(), env: {}, cwd: fixtures, out: () => Buffer.concat(chunks).toString() };
}

async function exitCodeOf(argv: string[]): Promise<{ code: number; message: string }> {
  try {
    return { code: await simulatorCommand.run(argv, captureIO()), message: '' };
  } catch (err) {
    return { code: (err as { exitCode: number }).exitCode, message: (err as Error).message };
  }
}

/** Starts the command in its own process and resolves once it printed its URL. */
function spawnSimulator(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(fixtures, 'cli-entry.ts'), ...args], { cwd: fixtures, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`simulator exited (${code}) before listening: ${stdout}`)));
  });
  return { child, url, exited, stdout: () => stdout };
}

describe('supervity-temporal simulator (CLI)', () => {
  it('prints its usage for --help', async () => {
    const io = captureIO();
    assert.equal(await runCli(['simulator', '--help'], io, [simulatorCommand]), ExitCode.Ok);
    assert.match(io.out(), /Usage: supervity-temporal simulator \[--port 8787\]/);
    assert.match(io.out(), /demo\.review/);
  });

  it('refuses unknown flags (usage) and bad values (config, naming the flag)', async () => {
    assert.equal((await exitCodeOf(['--nope'])).code, ExitCode.Usage);
    const port = await exitCodeOf(['--port', 'eighty']);
    assert.equal(port.code, ExitCode.Config);
    assert.match(port.message, /--port must be an integer from 0 to 65535/);
  });

  it('names the file and each bad field of an invalid scenario file', async () => {
    const { code, message } = await exitCodeOf(['--port', '0', '--scenarios', 'invalid.json']);
    assert.equal(code, ExitCode.Config);
    assert.match(message, /invalid\.json/);
    assert.match(message, /scenarios\["bad\.flow"\]\.steps\[0\]\.durationMs must be a number >= 0/);
    assert.match(message, /faults\[0\] does nothing/);
  });

  describe('with a port already taken', () => {
    let blocker: Server;
    before(async () => {
      blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    });
    after(() => blocker?.close());

    it('says which port and how to fix it', async () => {
      const port = String((blocker.address() as { port: number }).port);
      const { code, message } = await exitCodeOf(['--port', port]);
      assert.equal(code, ExitCode.Config);
      assert.match(message, new RegExp(`127\\.0\\.0\\.1:${port} \\(EADDRINUSE\\): pick another --port`));
    });
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`serves the scenarios and faults of --scenarios, then stops cleanly on ${signal}`, async () => {
      const sim = spawnSimulator(['--port', '0', '--token', 'cli-token', '--scenarios', 'custom.json']);
      try {
        const api = simClient(await sim.url, 'cli-token');
        assert.equal((await api.execute('custom.quick', { name: 'Ada' })).status, 503, 'the file fault fires once');
        const runId = (await api.execute('custom.quick', { name: 'Ada' })).body.runId as string;
        let run = (await api.getRun(runId)).body;
        for (let poll = 0; poll < 100 && run.status !== 'completed'; poll++) {
          await pause(10);
          run = (await api.getRun(runId)).body;
        }
        assert.deepEqual(run.outputs, { greeting: 'Hello Ada', attempt: 1 });
        assert.equal((await simClient(await sim.url, 'wrong').get('/_sim/stats')).status, 401);
        assert.doesNotMatch(sim.stdout(), /cli-token/, 'a token given by flag is not printed');
      } finally {
        sim.child.kill(signal);
      }
      assert.equal(await sim.exited, 0);
      assert.match(sim.stdout(), new RegExp(`simulator: stopped \\(${signal}\\)`));
    });
  }
});
