// The runnable worker (`supervity-temporal worker`): start-up checks, and a graceful SIGTERM.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startAgentRun } from '../../src/client';
import { ExitCode } from '../../src/cli/command';
import { startSimulator, type Simulator } from '../../src/simulator';
import { waitForStatus } from '../helpers/agent-run';
import { createDevEnv, uniqueTaskQueue } from '../helpers/temporal';
import { cleanEnv, runCliToEnd, spawnCli, token } from './cli-harness';

describe('supervity-temporal worker: start-up settings', () => {
  it('stops at once on a missing SUPERVITY_TOKEN: one line naming it, exit 3, no stack', async () => {
    const out = await runCliToEnd(['worker'], cleanEnv({ SUPERVITY_API_URL: 'http://127.0.0.1:9' }));
    assert.equal(out.code, ExitCode.Config);
    assert.equal(out.stdout, '');
    assert.match(out.stderr, /^supervity-temporal worker: SUPERVITY_TOKEN is not set: export SUPERVITY_TOKEN=/);
    assert.equal(out.stderr.trim().split('\n').length, 1, out.stderr);
  });

  it('says Temporal is unreachable with exit 4 (and never prints the token)', async () => {
    const out = await runCliToEnd(['worker'], cleanEnv({ SUPERVITY_API_URL: 'http://127.0.0.1:9', SUPERVITY_TOKEN: 'very-secret', TEMPORAL_ADDRESS: '127.0.0.1:1' }));
    assert.equal(out.code, ExitCode.Unavailable);
    assert.match(out.stderr, /Temporal at 127\.0\.0\.1:1 could not be reached/);
    assert.doesNotMatch(out.stdout + out.stderr, /very-secret/);
  });
});

describe('supervity-temporal worker: SIGTERM during a running activity', () => {
  let env: TestWorkflowEnvironment;
  let sim: Simulator;
  before(async () => {
    env = await createDevEnv();
    // Long enough that the first worker is surely mid-poll when it is told to stop.
    sim = await startSimulator({ port: 0, token, scenarios: { 'test.long': { steps: [{ status: 'running', durationMs: 4000 }], outputs: { done: true } } } });
  });
  after(async () => {
    await sim?.close();
    await env?.teardown();
  });

  it('exits 0; a new worker completes the workflow, and the run was created once', async () => {
    const taskQueue = uniqueTaskQueue('sigterm');
    const workerEnv = cleanEnv({
      TEMPORAL_ADDRESS: env.address, TEMPORAL_TASK_QUEUE: taskQueue, SUPERVITY_API_URL: sim.url, SUPERVITY_TOKEN: token,
      SUPERVITY_SHUTDOWN_GRACE_TIME: '1s', SUPERVITY_LOG_LEVEL: 'WARN',
    });
    const first = spawnCli(['worker'], workerEnv);
    await first.waitFor(/worker: polling task queue/);
    const handle = await startAgentRun(env.client, { workflowId: 'test.long', inputs: { case: 'sigterm' } }, { taskQueue });
    const { runId } = await waitForStatus(handle, (s) => s.status === 'running');
    first.child.kill('SIGTERM');
    const stopped = await first.exited;
    assert.equal(stopped.code, ExitCode.Ok, stopped.stderr);
    assert.match(stopped.stdout, /worker: stopped/);
    assert.equal((await handle.describe()).status.name, 'RUNNING', 'the workflow outlives the worker');

    const second = spawnCli(['worker'], workerEnv);
    try {
      const result = await handle.result();
      assert.equal(result.runId, runId);
      assert.deepEqual(result.outputs, { done: true });
      assert.equal(result.attempts.length, 1);
      const created = Object.values(sim.stats().runs).filter((r) => r.workflowId === 'test.long');
      assert.equal(created.length, 1, 'the run was created exactly once');
    } finally {
      second.child.kill('SIGTERM');
      assert.equal((await second.exited).code, ExitCode.Ok);
    }
  });
});
