import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { createActivities } from '../../src/activities';
import type { ProgressHeartbeat } from '../../src/activities';
import { FailureType } from '../../src/failure-types';
import { startSimulator, type Simulator } from '../../src/simulator';
import { SupervityClient } from '../../src/supervity/client';
import type { SupervityActivities } from '../../src/activities/types';
import { readUntil } from '../fixtures/client/poll';

const token = 'tok-activities-SECRET-77c';

describe('the activities in a MockActivityEnvironment, against the simulator', () => {
  let sim: Simulator;
  let activities: SupervityActivities;
  let reader: SupervityClient;
  const logLines: string[] = [];
  const failures: unknown[] = [];
  const logger = new DefaultLogger('TRACE', (entry) => void logLines.push(`${entry.message} ${inspect(entry.meta, { depth: 5 })}`));

  const environment = (info: ConstructorParameters<typeof MockActivityEnvironment>[0] = {}) => new MockActivityEnvironment(info, { logger });
  const invoke = <K extends keyof SupervityActivities>(env: MockActivityEnvironment, name: K, ...args: Parameters<SupervityActivities[K]>) => {
    const activity = activities[name].bind(activities) as (...input: unknown[]) => Promise<unknown>;
    return env.run<unknown[], unknown, typeof activity>(activity, ...args) as ReturnType<SupervityActivities[K]>;
  };
  const failure = async (promise: Promise<unknown>): Promise<unknown> => {
    const error = await promise.then(() => assert.fail('expected a failure'), (caught: unknown) => caught);
    failures.push(error);
    return error;
  };
  const applicationFailure = async (promise: Promise<unknown>): Promise<ApplicationFailure> => {
    const error = await failure(promise);
    assert.ok(error instanceof ApplicationFailure, `expected an ApplicationFailure, got ${inspect(error)}`);
    return error;
  };
  const start = (workflowId: string, inputs: Record<string, string>) => reader.executeRun(workflowId, inputs, { idempotencyKey: `setup-${JSON.stringify(inputs)}` });

  before(async () => {
    sim = await startSimulator({ port: 0, token });
    activities = createActivities({ apiUrl: sim.url, token });
    reader = new SupervityClient({ apiUrl: sim.url, token });
  });
  beforeEach(() => sim.setFaults([]));
  after(async () => {
    await reader?.close();
    await sim?.close();
  });

  describe('executeRun', () => {
    const input = { workflowId: 'demo.echo', inputs: { case: 'execute' }, attempt: 1, firstExecutionRunId: 'first-run-1' };

    it('sends one derived key per logical attempt: a repeat returns the same run, a new attempt creates another', async () => {
      const env = environment({ workflowExecution: { workflowId: 'wf-execute', runId: 'current-run' } });
      const before = sim.stats();
      const first = await invoke(env, 'executeRun', input);
      const repeat = await invoke(env, 'executeRun', input);
      const second = await invoke(env, 'executeRun', { ...input, attempt: 2 });
      assert.equal(repeat.runId, first.runId);
      assert.notEqual(second.runId, first.runId);
      assert.equal(sim.stats().runsCreated - before.runsCreated, 2);
      assert.equal(sim.stats().idempotentReplays - before.idempotentReplays, 1);
    });

    it('fails retryably when the connection resets after the run was created; the retry finds that run, not a new one', async () => {
      const env = environment({ workflowExecution: { workflowId: 'wf-reset', runId: 'current-run' } });
      sim.setFaults([{ route: 'execute', reset: 'after-create', times: 1 }]);
      const before = sim.stats();
      const reset = await applicationFailure(invoke(env, 'executeRun', { ...input, inputs: { case: 'reset' } }));
      assert.deepEqual([reset.type, reset.nonRetryable], [FailureType.ApiUnavailable, false]);
      const retried = await invoke(env, 'executeRun', { ...input, inputs: { case: 'reset' } });
      assert.equal(sim.stats().runsCreated - before.runsCreated, 1);
      assert.ok(sim.stats().runs[retried.runId]);
    });

    it('fails non-retryably with the violation on 403', async () => {
      const denied = await applicationFailure(invoke(environment(), 'executeRun', { ...input, workflowId: 'demo.forbidden' }));
      assert.deepEqual([denied.type, denied.nonRetryable], [FailureType.PermissionDenied, true]);
      assert.match((denied.details?.[0] as { violation: string }).violation, /policy "no-external-send"/);
    });

    it('fails retryably on 429 with Retry-After as the next retry delay', async () => {
      sim.setFaults([{ route: 'execute', status: 429, retryAfterSeconds: 2, times: 1 }]);
      const limited = await applicationFailure(invoke(environment(), 'executeRun', { ...input, inputs: { case: '429' } }));
      assert.deepEqual([limited.type, limited.nonRetryable, limited.nextRetryDelay], [FailureType.ApiUnavailable, false, 2_000]);
    });
  });

  describe('awaitRunProgress', () => {
    it('polls with backoff until the run completes, heartbeating its last seen state', async () => {
      const created = await start('demo.summarize', { query: 'progress' });
      const env = environment();
      const beats: ProgressHeartbeat[] = [];
      env.on('heartbeat', (details: ProgressHeartbeat) => beats.push(details));
      const run = await invoke(env, 'awaitRunProgress', { runId: created.runId, budget: '1 minute', polling: { initialInterval: 100, maxInterval: 400 } });
      assert.equal(run.status, 'completed');
      assert.ok(beats.length >= 2, `${beats.length} heartbeats`);
      assert.equal(beats.at(-1)?.status, 'completed');
      assert.deepEqual(beats.slice(0, 3).map((beat) => beat.nextIntervalMs), [150, 225, 337.5].slice(0, Math.min(3, beats.length)));
      assert.ok(beats.every((beat) => beat.runId === created.runId && beat.deadline === beats[0]?.deadline));
      assert.equal(sim.stats().polls[created.runId], beats.length);
    });

    it('given the status last seen, stops at the first change instead (scheduled -> running)', async () => {
      const created = await start('demo.slow', { case: 'first-change' });
      const run = await invoke(environment(), 'awaitRunProgress', { runId: created.runId, status: 'scheduled', budget: '1 minute', polling: { initialInterval: 50 } });
      assert.equal(run.status, 'running');
    });

    it('returns the last seen run when the budget is spent', async () => {
      const created = await start('demo.slow', { case: 'budget' });
      const run = await invoke(environment(), 'awaitRunProgress', { runId: created.runId, budget: 300, polling: { initialInterval: 50 } });
      assert.ok(run.status === 'scheduled' || run.status === 'running');
      assert.ok((sim.stats().polls[created.runId] ?? 0) >= 2);
    });

    it('heartbeats through a long interval, so a short heartbeat timeout never expires between polls', async () => {
      const created = await start('demo.slow', { case: 'slices' });
      const env = environment({ heartbeatTimeoutMs: 200 });
      let beats = 0;
      env.on('heartbeat', () => (beats += 1));
      await invoke(env, 'awaitRunProgress', { runId: created.runId, budget: 500, polling: { initialInterval: 600 } });
      assert.equal(sim.stats().polls[created.runId], 2, 'one poll at once, one when the budget was spent');
      assert.ok(beats >= 5, `${beats} heartbeats: one per poll and one per 100 ms slice of the 500 ms wait`);
    });

    it('resumes from its heartbeat after a retry: the recorded deadline and interval, not a new budget', async () => {
      const created = await start('demo.slow', { case: 'resume' });
      const deadline = Date.now() + 200;
      const heartbeatDetails: ProgressHeartbeat = { runId: created.runId, status: 'running', nextIntervalMs: 60_000, deadline };
      const env = environment({ heartbeatDetails, attempt: 2 });
      const beats: ProgressHeartbeat[] = [];
      env.on('heartbeat', (details: ProgressHeartbeat) => beats.push(details));
      const run = await invoke(env, 'awaitRunProgress', { runId: created.runId, budget: '1 hour' });
      assert.ok(run.status === 'scheduled' || run.status === 'running');
      assert.ok(beats.every((beat) => beat.deadline === deadline), 'the deadline came from the heartbeat');
      assert.equal(sim.stats().polls[created.runId], 2, 'one poll at once, one when the recorded deadline passed');
      assert.ok(logLines.some((line) => line.startsWith('resuming run poll from heartbeat')));
    });

    it('stops promptly on cancellation between polls, rethrowing the CancelledFailure', async () => {
      const created = await start('demo.slow', { case: 'cancel-sleep' });
      const env = environment();
      env.once('heartbeat', () => env.cancel());
      const cancelled = await failure(invoke(env, 'awaitRunProgress', { runId: created.runId, budget: '1 hour', polling: { initialInterval: '30s' } }));
      assert.ok(cancelled instanceof CancelledFailure, inspect(cancelled));
      assert.equal(sim.stats().polls[created.runId], 1);
    });

    it('stops promptly on cancellation during a request', async () => {
      const created = await start('demo.slow', { case: 'cancel-request' });
      sim.setFaults([{ route: 'getRun', latencyMs: 10_000, times: 1 }]);
      const env = environment();
      setTimeout(() => env.cancel(), 100);
      const cancelled = await failure(invoke(env, 'awaitRunProgress', { runId: created.runId, budget: '1 hour' }));
      assert.ok(cancelled instanceof CancelledFailure, inspect(cancelled));
    });
  });

  describe('awaitRunChange', () => {
    it('fails retryably (no delay of its own) while the run is as last seen, and returns it once it changed', async () => {
      const created = await start('demo.slow', { case: 'change' });
      await readUntil(reader, created.runId, ['running']);
      const unchanged = await applicationFailure(invoke(environment(), 'awaitRunChange', { runId: created.runId, status: 'running' }));
      assert.deepEqual([unchanged.type, unchanged.nonRetryable, unchanged.nextRetryDelay, unchanged.category], [FailureType.RunUnchanged, false, undefined, 'BENIGN']);
      assert.equal((await invoke(environment(), 'awaitRunChange', { runId: created.runId, status: 'scheduled' })).status, 'running');
    });

    it('counts a new review form as a change', async () => {
      const created = await start('demo.review', { case: 'form-change' });
      const waiting = await readUntil(reader, created.runId, ['waiting']);
      const formId = waiting.review?.formId;
      await applicationFailure(invoke(environment(), 'awaitRunChange', { runId: created.runId, status: 'waiting', formId }));
      assert.equal((await invoke(environment(), 'awaitRunChange', { runId: created.runId, status: 'waiting', formId: 'form_older' })).review?.formId, formId);
    });
  });

  describe('the other calls', () => {
    it('relays a review, reads and cancels a run; a missing run is SupervityNotFound', async () => {
      const created = await start('demo.review', { case: 'relay' });
      const formId = (await readUntil(reader, created.runId, ['waiting'])).review?.formId ?? assert.fail('no form');
      const receipt = await invoke(environment(), 'submitReview', { formId, decision: { action: 'approve', reviewer: 'ana' } });
      assert.equal(receipt.status, 'submitted');
      assert.equal((await invoke(environment(), 'getRun', created.runId)).runId, created.runId);
      const slow = await start('demo.slow', { case: 'relay-cancel' });
      assert.equal((await invoke(environment(), 'cancelRun', slow.runId)).status, 'cancelled');
      const missing = await applicationFailure(invoke(environment(), 'getRun', 'run_missing'));
      assert.deepEqual([missing.type, missing.nonRetryable], [FailureType.NotFound, true]);
    });
  });

  it('never puts the token in a failure or a log line', () => {
    assert.ok(failures.length >= 6);
    for (const error of failures) assert.ok(!inspect(error, { depth: 10 }).includes(token) && !JSON.stringify(error).includes(token));
    assert.ok(logLines.length > 0);
    assert.ok(logLines.every((line) => !line.includes(token)));
  });
});
