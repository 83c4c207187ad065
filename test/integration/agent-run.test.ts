import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WorkflowFailedError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { request } from 'undici';
import { createActivities } from '../../src/activities';
import { startSimulator, type Simulator } from '../../src/simulator';
import type { Scenario } from '../../src/simulator/scenario-types';
import { reviewDecisionSignal, runUpdatedSignal, submitReviewUpdate } from '../../src/workflows/messages';
import type { agentRunWorkflow } from '../../src/workflows/agent-run';
import type { AgentRunInput } from '../../src/workflows/types';
import { fastPolling, fastRetry, waitForStatus } from '../helpers/agent-run';
import { eventCount, recordHistory } from '../helpers/histories';
import { createDevEnv, createTestWorker, uniqueTaskQueue } from '../helpers/temporal';

const token = 'test-token';
const scenarios: Record<string, Scenario> = {
  'test.review': {
    steps: [
      { status: 'running', durationMs: 30 },
      {
        review: {
          step: 'approval', prompt: 'Approve the summary?', allowedActions: ['approve', 'reject'],
          failOn: { reject: { reason: 'review_rejected', step: 'approval', message: 'Rejected by {{review.comment}}', retryable: false } },
        },
      },
      { status: 'running', durationMs: 30 },
    ],
    outputs: { decision: '{{review.action}}', topic: '{{inputs.topic}}' },
  },
  'test.always-retryable': {
    steps: [{ status: 'running', durationMs: 20 }],
    fail: { reason: 'upstream_timeout', step: 'generate', message: 'LLM provider timed out', retryable: true },
  },
};

describe('agentRunWorkflow on a real Temporal dev server and the simulator', () => {
  let env: TestWorkflowEnvironment;
  let sim: Simulator;
  let worker: Worker;
  let taskQueue: string;
  let workerRun: Promise<void>;
  let counter = 0;

  before(async () => {
    [env, sim] = await Promise.all([createDevEnv(), startSimulator({ port: 0, token, scenarios })]);
    taskQueue = uniqueTaskQueue('agent-run');
    worker = await createTestWorker(env, { taskQueue, activities: createActivities({ apiUrl: sim.url, token }) });
    workerRun = worker.run();
  });
  after(async () => {
    worker?.shutdown();
    await workerRun;
    await Promise.all([sim?.close(), env?.teardown()]);
  });

  /** Starts agentRunWorkflow; `topic` makes the inputs unique so simulator attempts don't mix between tests. */
  async function start(input: AgentRunInput): Promise<WorkflowHandle<typeof agentRunWorkflow>> {
    counter += 1;
    const inputs = { topic: `t${counter}`, ...input.inputs };
    return await env.client.workflow.start<typeof agentRunWorkflow>('agentRunWorkflow', {
      taskQueue,
      workflowId: `agent-run-${counter}-${Date.now()}`,
      args: [{ polling: fastPolling, retry: fastRetry, ...input, inputs }],
    });
  }

  async function failureOf(handle: WorkflowHandle): Promise<ApplicationFailure> {
    const err = await handle.result().then(() => assert.fail('expected the workflow to fail'), (e: unknown) => e);
    assert.ok(err instanceof WorkflowFailedError, `got ${String(err)}`);
    assert.ok(err.cause instanceof ApplicationFailure, `cause: ${String(err.cause)}`);
    return err.cause;
  }

  /** An update the validator refused: the reason is in the failure's cause. */
  async function rejectsUpdate(update: Promise<unknown>, reason: RegExp): Promise<void> {
    const err = await update.then(() => assert.fail('expected the update to be rejected'), (e: unknown) => e);
    assert.ok(err instanceof WorkflowUpdateFailedError, String(err));
    assert.match(String(err.cause?.message), reason);
  }

  const waiting = (handle: WorkflowHandle) => waitForStatus(handle, (s) => s.status === 'waiting' && !!s.review);

  describe('completion', () => {
    it('returns the outputs of a run that completes', async () => {
      const handle = await start({ workflowId: 'demo.summarize', inputs: { query: 'Summarize this document', max_tokens: 300 } });
      const result = await handle.result();
      assert.equal(result.status, 'completed');
      assert.ok(result.outputs.summary, 'outputs carry the summary');
      assert.equal(result.attempts.length, 1);
      assert.equal(sim.stats().runs[result.runId].status, 'completed');
      console.log(`[figure] completed run: ${eventCount(await handle.fetchHistory())} history events`);
      await recordHistory(handle, 'agent-run-complete');
    });
  });

  describe('human review', () => {
    it('relays a reviewDecision signal once and returns the outputs', async () => {
      const handle = await start({ workflowId: 'test.review' });
      const status = await waiting(handle);
      assert.deepEqual(status.review?.allowedActions, ['approve', 'reject']);
      const signalledAt = Date.now();
      await handle.signal(reviewDecisionSignal, { action: 'approve', comment: 'fine', reviewer: 'ana' });
      await handle.signal(reviewDecisionSignal, { action: 'approve', reviewer: 'duplicate' });
      await waitForStatus(handle, (s) => s.status !== 'waiting', 10_000);
      console.log(`[figure] signal -> workflow saw the new run state: ${Date.now() - signalledAt} ms`);
      const result = await handle.result();
      assert.equal(result.outputs.decision, 'approve');
      assert.deepEqual(result.reviews.map((r) => [r.formId, r.action, r.reviewer]), [[status.review.formId, 'approve', 'ana']]);
      assert.equal(sim.stats().calls.submitReview >= 1, true);
      await recordHistory(handle, 'agent-run-review-approve');
    });

    it('answers a submitReview update with the receipt, and its validator rejects bad decisions', async () => {
      const handle = await start({ workflowId: 'test.review' });
      const status = await waiting(handle);
      await rejectsUpdate(handle.executeUpdate(submitReviewUpdate, { args: [{ action: 'escalate' }] }), /'escalate' is not allowed by form .*; allowed: approve, reject/);
      const receipt = await handle.executeUpdate(submitReviewUpdate, { args: [{ action: 'reject', comment: 'no' }] });
      assert.equal(receipt.formId, status.review!.formId);
      assert.equal(receipt.action, 'reject');
      const failure = await failureOf(handle);
      assert.equal(failure.type, 'SupervityRunFailed');
      const [details] = failure.details as [{ reason: string; retryable: boolean }];
      assert.equal(details.retryable, false);
      assert.equal(details.reason, 'review_rejected');
    });

    it('rejects an update when the run is not waiting', async () => {
      const handle = await start({ workflowId: 'demo.slow', inputs: {} });
      await waitForStatus(handle, (s) => s.status === 'running');
      await rejectsUpdate(handle.executeUpdate(submitReviewUpdate, { args: [{ action: 'approve' }] }), /the run is running, not waiting/);
      await handle.cancel();
    });

    it('re-reads the run at once on runUpdated after the decision was made in Supervity', async () => {
      const handle = await start({ workflowId: 'test.review' });
      const status = await waiting(handle);
      const submit = await request(`${sim.url}/api/v1/user-forms/${status.review!.formId}/submit`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'approve' }),
      });
      assert.equal(submit.statusCode, 200);
      await submit.body.dump();
      await handle.signal(runUpdatedSignal, { runId: status.runId });
      const result = await handle.result();
      assert.equal(result.outputs.decision, 'approve');
      assert.deepEqual(result.reviews, [], 'the workflow relayed nothing itself');
    });

    it('fails with SupervityReviewTimedOut and leaves the run waiting (onTimeout: fail)', async () => {
      const handle = await start({ workflowId: 'test.review', review: { timeout: '1s' } });
      const failure = await failureOf(handle);
      assert.equal(failure.type, 'SupervityReviewTimedOut');
      const [details] = failure.details as [{ runId: string; runCancelled: boolean }];
      assert.equal(details.runCancelled, false);
      assert.equal(sim.stats().runs[details.runId].status, 'waiting');
    });

    it('cancels the run on review timeout with onTimeout: cancel-run', async () => {
      const handle = await start({ workflowId: 'test.review', review: { timeout: '1s', onTimeout: 'cancel-run' } });
      const failure = await failureOf(handle);
      assert.equal(failure.type, 'SupervityReviewTimedOut');
      assert.match(failure.message, /the Supervity run was cancelled/);
      const [details] = failure.details as [{ runId: string }];
      assert.equal(sim.stats().runs[details.runId].status, 'cancelled');
    });
  });

  describe('failures and re-execution', () => {
    it('re-executes a retry-eligible failure and returns the next run', async () => {
      const handle = await start({ workflowId: 'demo.flaky' });
      const result = await handle.result();
      assert.equal(result.attempts.length, 2);
      assert.equal(result.attempts[0].status, 'failed');
      assert.equal(result.attempts[0].error?.retryable, true);
      assert.notEqual(result.attempts[0].runId, result.runId);
      await recordHistory(handle, 'agent-run-retry-then-complete');
    });

    it('fails with SupervityRunFailed at once when the run is not eligible', async () => {
      const handle = await start({ workflowId: 'demo.fatal' });
      const failure = await failureOf(handle);
      assert.equal(failure.type, 'SupervityRunFailed');
      const [details] = failure.details as [{ retryable: boolean; attempts: unknown[]; reason: string; message: string }];
      assert.equal(details.retryable, false);
      assert.equal(details.attempts.length, 1);
      assert.ok(details.reason && details.message);
      await recordHistory(handle, 'agent-run-fatal');
    });

    it('stops after retry.maximumAttempts runs', async () => {
      const handle = await start({ workflowId: 'test.always-retryable', retry: { ...fastRetry, maximumAttempts: 2 } });
      const failure = await failureOf(handle);
      assert.equal(failure.type, 'SupervityRunFailed');
      assert.match(failure.message, /attempts exhausted \(2 of 2\)/);
      const [details] = failure.details as [{ attempts: { runId: string }[]; step: string }];
      assert.equal(details.attempts.length, 2);
      assert.equal(details.step, 'generate');
    });
  });

  describe('refused at execute', () => {
    it('surfaces 403 as SupervityPermissionDenied with the violation text', async () => {
      const handle = await start({ workflowId: 'demo.forbidden' });
      const failure = await failureOf(handle);
      assert.equal(failure.type, 'SupervityPermissionDenied');
      assert.equal(failure.nonRetryable, true);
      assert.match(JSON.stringify(failure.details) + failure.message, /violation|policy|permission/i);
    });

    it('surfaces 422 as SupervityInvalidInput naming the field', async () => {
      const handle = await start({ workflowId: 'demo.summarize', inputs: { max_tokens: 'lots' } });
      const failure = await failureOf(handle);
      assert.equal(failure.type, 'SupervityInvalidInput');
      assert.match(failure.message, /query|max_tokens/);
    });

    it('fails fast on a bad workflow input, naming the field', async () => {
      const handle = await start({ workflowId: 'demo.summarize', review: { onTimeout: 'shrug' as 'fail' } });
      const failure = await failureOf(handle);
      assert.equal(failure.type, 'SupervityInvalidInput');
      assert.match(failure.message, /review.onTimeout/);
    });
  });

  describe('nothing lost to an API outage', () => {
    it('creates the run once when the connection drops after Supervity created it', async () => {
      const before = sim.stats().runsCreated;
      sim.setFaults([{ route: 'execute', reset: 'after-create', times: 1 }, { route: 'getRun', status: 503, times: 3 }]);
      try {
        const handle = await start({ workflowId: 'demo.summarize', inputs: { query: 'Summarize this document' } });
        const result = await handle.result();
        assert.equal(result.status, 'completed');
        const stats = sim.stats();
        assert.equal(stats.runsCreated - before, 1, 'one run for one attempt');
        assert.ok(stats.idempotentReplays >= 1, 'the retried execute was answered from its idempotency key');
      } finally {
        sim.setFaults([]);
      }
    });
  });

  describe('cancellation', () => {
    it('cancels the Supervity run and ends cancelled', async () => {
      const handle = await start({ workflowId: 'test.review' });
      const status = await waiting(handle);
      await handle.cancel();
      const err = await handle.result().then(() => assert.fail('expected cancellation'), (e: unknown) => e);
      assert.ok(err instanceof WorkflowFailedError && err.cause instanceof CancelledFailure, String(err));
      assert.equal(sim.stats().runs[status.runId].status, 'cancelled');
    });
  });
});
