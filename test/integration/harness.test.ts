import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import * as smokeActivities from '../fixtures/smoke-activities';
import type { smokeGreetWorkflow, smokeSleepWorkflow } from '../fixtures/smoke-workflows';
import { createDevEnv, createTestWorker, createTimeSkippingEnv, uniqueTaskQueue } from '../helpers/temporal';

describe('harness: a real Temporal dev server', () => {
  let env: TestWorkflowEnvironment;
  before(async () => {
    env = await createDevEnv();
  });
  after(async () => {
    await env?.teardown();
  });

  it('runs a workflow that calls one activity', async () => {
    const taskQueue = uniqueTaskQueue('smoke');
    const worker = await createTestWorker(env, { taskQueue, activities: smokeActivities });
    const result = await worker.runUntil(
      env.client.workflow.execute<typeof smokeGreetWorkflow>('smokeGreetWorkflow', { args: ['temporal'], taskQueue, workflowId: taskQueue }),
    );
    assert.equal(result, 'hello temporal from greet');
    assert.equal(env.supportsTimeSkipping, false);
  });

  it('has the Supervity search attributes registered', async () => {
    const response = await env.connection.operatorService.listSearchAttributes({ namespace: env.namespace ?? 'default' });
    assert.ok(response.customAttributes['SupervityRunId'], 'SupervityRunId is registered');
    assert.ok(response.customAttributes['SupervityRunStatus'], 'SupervityRunStatus is registered');
  });
});

describe('harness: a real time-skipping test server', () => {
  let env: TestWorkflowEnvironment;
  before(async () => {
    env = await createTimeSkippingEnv();
  });
  after(async () => {
    await env?.teardown();
  });

  it('completes a 30-day sleep in seconds of wall time', async () => {
    const taskQueue = uniqueTaskQueue('sleep');
    const worker = await createTestWorker(env, { taskQueue, activities: smokeActivities });
    const serverStart = await env.currentTimeMs();
    const wallStart = Date.now();
    const result = await worker.runUntil(
      env.client.workflow.execute<typeof smokeSleepWorkflow>('smokeSleepWorkflow', { args: ['30 days'], taskQueue, workflowId: taskQueue }),
    );
    const skippedMs = (await env.currentTimeMs()) - serverStart;
    const wallMs = Date.now() - wallStart;
    console.log(`[temporal] 30-day sleep: server clock moved ${(skippedMs / 86_400_000).toFixed(2)} days in ${wallMs} ms of wall time`);
    assert.equal(result, 'slept 30 days');
    assert.ok(skippedMs >= 30 * 86_400_000, `server time advanced ${skippedMs} ms`);
    assert.equal(env.supportsTimeSkipping, true);
  });
});
