import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { WorkflowFailedError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createActivities } from '../../src/activities';
import { FailureType } from '../../src/failure-types';
import { startSimulator, type Simulator } from '../../src/simulator';
import type { activityRoundTripWorkflow } from '../fixtures/activity-workflows';
import { createDevEnv, createTestWorker, uniqueTaskQueue } from '../helpers/temporal';

const token = 'tok-worker-SECRET-31d';

describe('the activities in a real worker on the dev server', () => {
  let env: TestWorkflowEnvironment;
  let sim: Simulator;

  before(async () => {
    sim = await startSimulator({ port: 0, token });
    env = await createDevEnv();
  });
  beforeEach(() => sim.setFaults([]));
  after(async () => {
    await env?.teardown();
    await sim?.close();
  });

  const run = async (workflowId: string, inputs: Record<string, string>) => {
    const taskQueue = uniqueTaskQueue('activities');
    const worker = await createTestWorker(env, { taskQueue, activities: createActivities({ apiUrl: sim.url, token }) });
    return await worker.runUntil(
      env.client.workflow.execute<typeof activityRoundTripWorkflow>('activityRoundTripWorkflow', { args: [workflowId, inputs], taskQueue, workflowId: taskQueue }),
    );
  };

  it('starts, watches and finishes a run; a reset after create is retried by Temporal onto the same run', async () => {
    sim.setFaults([{ route: 'execute', reset: 'after-create', times: 1 }]);
    const before = sim.stats();
    const result = await run('demo.summarize', { query: 'temporal worker' });
    const after = sim.stats();
    assert.equal(after.calls.execute - before.calls.execute, 2, 'the activity was retried once');
    assert.equal(after.runsCreated - before.runsCreated, 1, 'exactly one run');
    assert.equal(after.idempotentReplays - before.idempotentReplays, 1);
    assert.notEqual(result.changed.status, result.created.status);
    assert.equal(result.final.status, 'completed');
    assert.equal(result.final.runId, result.created.runId);
  });

  it('fails the workflow with the non-retryable SupervityPermissionDenied and its violation, after one call', async () => {
    const before = sim.stats().calls.execute;
    const error = await run('demo.forbidden', {}).then(() => assert.fail('expected the workflow to fail'), (caught: unknown) => caught);
    assert.ok(error instanceof WorkflowFailedError);
    assert.ok(error.cause instanceof ActivityFailure);
    const failure = error.cause.cause;
    assert.ok(failure instanceof ApplicationFailure);
    assert.deepEqual([failure.type, failure.nonRetryable], [FailureType.PermissionDenied, true]);
    assert.match((failure.details?.[0] as { violation: string }).violation, /policy "no-external-send"/);
    assert.ok(!JSON.stringify(failure.details).includes(token) && !failure.message.includes(token));
    assert.equal(sim.stats().calls.execute - before, 1, 'a non-retryable failure is not retried');
  });
});
