import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createActivities } from '../../src/activities';
import { startSimulator, type Simulator } from '../../src/simulator';
import { reviewDecisionSignal } from '../../src/workflows/messages';
import type { agentRunWorkflow } from '../../src/workflows/agent-run';
import { waitForStatus } from '../helpers/agent-run';
import { eventCount, executionChain, recordHistory } from '../helpers/histories';
import { createDevEnv, createTestWorker, createTimeSkippingEnv, uniqueTaskQueue } from '../helpers/temporal';

const token = 'test-token';
const day = 86_400_000;

describe('cost of waiting: a run running 60 s, then completed (default polling)', () => {
  let env: TestWorkflowEnvironment;
  let sim: Simulator;
  before(async () => {
    // The simulator's clock runs 10x faster, so 60 simulated seconds take 6 real ones; history is
    // what is counted, and it does not depend on how fast the clock runs.
    const origin = Date.now();
    const clock = () => origin + (Date.now() - origin) * 10;
    const scenarios = { 'test.sixty': { steps: [{ status: 'running' as const, durationMs: 60_000 }], outputs: { ok: true } } };
    [env, sim] = await Promise.all([createDevEnv(), startSimulator({ port: 0, token, scenarios, clock })]);
  });
  after(async () => {
    await Promise.all([sim?.close(), env?.teardown()]);
  });

  it('stays within 40 history events', async () => {
    const taskQueue = uniqueTaskQueue('sixty');
    const worker = await createTestWorker(env, { taskQueue, activities: createActivities({ apiUrl: sim.url, token }) });
    const handle = await env.client.workflow.start<typeof agentRunWorkflow>('agentRunWorkflow', {
      taskQueue, workflowId: taskQueue, args: [{ workflowId: 'test.sixty' }],
    });
    const result = await worker.runUntil(handle.result());
    const events = eventCount(await handle.fetchHistory());
    console.log(`[figure] running 60 s then completed: ${events} history events, ${sim.stats().polls[result.runId]} get-run calls`);
    assert.equal(result.outputs.ok, true);
    assert.ok(events <= 40, `${events} events`);
  });
});

describe('cost of waiting: a 30-day review on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  let sim: Simulator;
  const scenarios = {
    'test.long-review': {
      steps: [{ status: 'running' as const, durationMs: 10 }, { review: { allowedActions: ['approve', 'reject'] } }],
      outputs: { decision: '{{review.action}}' },
    },
  };
  before(async () => {
    [env, sim] = await Promise.all([createTimeSkippingEnv(), startSimulator({ port: 0, token, scenarios })]);
  });
  after(async () => {
    await Promise.all([sim?.close(), env?.teardown()]);
  });

  it('continues as new, creates the run once, and returns the outputs after the decision', async () => {
    const taskQueue = uniqueTaskQueue('thirty-days');
    const worker = await createTestWorker(env, { taskQueue, activities: createActivities({ apiUrl: sim.url, token }) });
    const handle = await env.client.workflow.start<typeof agentRunWorkflow>('agentRunWorkflow', {
      taskQueue, workflowId: taskQueue, args: [{ workflowId: 'test.long-review' }],
    });
    const result = await worker.runUntil(async () => {
      await waitForStatus(handle, (s) => s.status === 'waiting');
      await env.sleep(30 * day);
      await handle.signal(reviewDecisionSignal, { action: 'approve', reviewer: 'late-reviewer' });
      return await handle.result();
    });
    const chain = await executionChain(env.client, handle.workflowId, handle.firstExecutionRunId);
    const perExecution = chain.map(eventCount);
    const total = perExecution.reduce((a, b) => a + b, 0);
    const stats = sim.stats();
    const apiCalls = Object.values(stats.calls).reduce((a, b) => a + b, 0);
    console.log(`[figure] 30-day review wait: ${chain.length} executions, events per execution ${perExecution.join('+')} = ${total}, ${apiCalls} API calls (${JSON.stringify(stats.calls)})`);
    assert.equal(result.outputs.decision, 'approve');
    assert.equal(stats.runsCreated, 1, 'continue-as-new never re-executes the run');
    assert.ok(chain.length >= 3, `continued as new ${chain.length - 1} times`);
    assert.ok(total <= 100, `${total} events in all`);
    assert.ok(apiCalls <= 1500, `${apiCalls} API calls`);
    await recordHistory(env.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId), 'agent-run-continue-as-new');
  });
});
