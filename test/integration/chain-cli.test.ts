import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { chainCommand } from '../../src/cli/chain';
import { ExitCode, type CliIO } from '../../src/cli/command';
import { runCli } from '../../src/cli/main';
import type { AgentChainInput } from '../../src/workflows/chain-types';
import { chainStatusQuery, submitStepReviewUpdate } from '../../src/workflows/messages';
import { fastPolling } from '../helpers/agent-run';
import { startChainTestEnv, type ChainTestEnv } from '../helpers/chain-env';

/** Collects what a command writes. */
class Capture extends Writable {
  text = '';

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

const example = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'chain.json'), 'utf8')) as AgentChainInput;

describe('supervity-temporal chain', () => {
  let ctx: ChainTestEnv;
  let dir: string;
  before(async () => {
    ctx = await startChainTestEnv();
    dir = mkdtempSync(path.join(os.tmpdir(), 'chain-cli-'));
  });
  after(async () => {
    await ctx?.teardown();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Writes a chain file (with fast polling on every step) and returns its name relative to the temp dir. */
  function chainFile(name: string, chain: AgentChainInput): string {
    const fast = { ...chain, steps: chain.steps.map((step) => ({ ...step, run: { ...step.run, polling: fastPolling } })) };
    writeFileSync(path.join(dir, name), JSON.stringify(fast));
    return name;
  }

  function cli(args: string[], taskQueue: string) {
    const stdout = new Capture();
    const stderr = new Capture();
    const env = { TEMPORAL_ADDRESS: ctx.env.address, TEMPORAL_NAMESPACE: 'default', TEMPORAL_TASK_QUEUE: taskQueue };
    const io: CliIO = { stdout, stderr, env, cwd: dir };
    return { stdout, stderr, exit: runCli(['chain', ...args], io, [chainCommand]) };
  }

  it('follows the example chain step by step, shows the pending review, and exits 0 once approved through the chain', async () => {
    await ctx.withWorker(async (taskQueue) => {
      const { stdout, exit } = cli(['--file', chainFile('example.json', example), '--follow', '--json', '--id', 'cli-example'], taskQueue);
      const events = () => stdout.text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
      for (let tries = 0; !events().some((event) => event.step === 'approve' && event.state === 'waiting'); tries++) {
        assert.ok(tries < 300, `no waiting event for the approve step in:\n${stdout.text}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const waiting = events().find((event) => event.state === 'waiting');
      assert.equal(waiting?.workflowId, 'cli-example/approve');
      assert.deepEqual((waiting?.review as { allowedActions?: string[] }).allowedActions, ['approve', 'reject']);
      const chain = ctx.env.client.workflow.getHandle('cli-example');
      await chain.executeUpdate(submitStepReviewUpdate, { args: [{ step: 'approve', decision: { action: 'approve' } }] });

      assert.equal(await exit, ExitCode.Ok);
      const all = events();
      assert.deepEqual(all[0], { event: 'started', workflowId: 'cli-example', runId: all[0].runId, steps: ['research', 'draft', 'approve', 'publish'] });
      const completedSteps = all.filter((event) => event.event === 'step' && event.state === 'completed').map((event) => event.step);
      assert.deepEqual(completedSteps.sort(), ['approve', 'draft', 'publish', 'research']);
      const last = all[all.length - 1] as { event: string; result: { status: string; outputs: { publish: { inputs: unknown } } } };
      assert.equal(last.event, 'completed');
      assert.deepEqual(last.result.outputs.publish.inputs, { text: 'Draft based on: Research summary on durable AI agents', decision: 'approve' });
    });
  });

  it('prints one line per step change and a summary; exits 1 when a step failed', async () => {
    await ctx.withWorker(async (taskQueue) => {
      const file = chainFile('fatal.json', {
        steps: [
          { name: 'research', run: { workflowId: 'demo.research', inputs: { topic: 'cli-fatal' } } },
          { name: 'parse', run: { workflowId: 'demo.fatal', inputs: { doc: { $from: 'research.outputs.summary' } } } },
        ],
      });
      const { stdout, exit } = cli(['-f', file, '--follow', '--id', 'cli-fatal'], taskQueue);
      assert.equal(await exit, ExitCode.Failed);
      const lines = stdout.text.split('\n');
      assert.equal(lines[0], 'chain cli-fatal started on task queue ' + taskQueue + ': research, parse');
      assert.ok(lines.some((line) => /^ {2}research +completed +run run_/.test(line)), stdout.text);
      assert.ok(lines.some((line) => /^ {2}parse +failed +SupervityRunFailed: .*could not be parsed/.test(line)), stdout.text);
      assert.match(stdout.text, /chain cli-fatal failed: SupervityRunFailed: chain step "parse" failed/);
    });
  });

  it('without --follow, starts the chain and exits 0 at once', async () => {
    await ctx.withWorker(async (taskQueue) => {
      const file = chainFile('one.json', { steps: [{ name: 'only', run: { workflowId: 'demo.research', inputs: { topic: 'cli-start' } } }] });
      const { stdout, exit } = cli(['--file', file, '--id', 'cli-start'], taskQueue);
      assert.equal(await exit, ExitCode.Ok);
      assert.match(stdout.text, /^chain cli-start started on task queue/);
      const result = (await ctx.env.client.workflow.getHandle('cli-start').result()) as { status: string };
      assert.equal(result.status, 'completed');
      assert.equal((await ctx.env.client.workflow.getHandle('cli-start').query(chainStatusQuery)).steps[0].workflowId, 'cli-start/only');
    });
  });

  it('refuses a chain file with a cycle or a bad $from before starting anything (exit 3, the message names step and path)', async () => {
    const executes = ctx.sim.stats().calls.execute;
    const cycle = chainFile('cycle.json', {
      steps: [
        { name: 'a', run: { workflowId: 'demo.draft', inputs: { summary: { $from: 'b.outputs.draft' } } } },
        { name: 'b', run: { workflowId: 'demo.draft' }, dependsOn: ['a'] },
      ],
    });
    const first = cli(['--file', cycle], 'unused');
    assert.equal(await first.exit, ExitCode.Config);
    assert.match(first.stderr.text, /--file cycle.json: steps form a cycle: a -> b \(\$from "b.outputs.draft" in input "summary"\)/);

    const badRef = chainFile('bad-ref.json', { steps: [{ name: 'a', run: { workflowId: 'demo.draft', inputs: { summary: { $from: 'a.output.x' } } } }] });
    const second = cli(['--file', badRef], 'unused');
    assert.equal(await second.exit, ExitCode.Config);
    assert.match(second.stderr.text, /step "a" input "summary": bad \$from "a.output.x"/);
    assert.equal(ctx.sim.stats().calls.execute, executes);
  });

  it('answers usage errors with exit 2 and --help with the usage', async () => {
    assert.equal(await cli([], 'unused').exit, ExitCode.Usage);
    assert.equal(await cli(['--file', 'x.json', '--bogus'], 'unused').exit, ExitCode.Usage);
    const help = cli(['--help'], 'unused');
    assert.equal(await help.exit, ExitCode.Ok);
    assert.match(help.stdout.text, /Usage: supervity-temporal chain --file chain.json/);
    const missing = cli(['--file', 'nope.json'], 'unused');
    assert.equal(await missing.exit, ExitCode.Config);
    assert.match(missing.stderr.text, /--file nope.json: cannot read it/);
  });
});
