// Case 3: a 30-day `waiting` with no message, on the time-skipping server: history events over the
// whole continue-as-new chain, and the simulator's API calls. The naive baseline cannot be time-skipped
// (its activity sleeps in real time), so its run waits on the dev server meanwhile and its measured
// get-run rate is extrapolated to 30 days.
import { setTimeout as sleep } from 'node:timers/promises';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startAgentRun } from '../../src/client';
import { startSimulator, type Simulator } from '../../src/simulator';
import { statusQuery } from '../../src/workflows/messages';
import { eventCount, executionChain } from '../../test/helpers/histories';
import { waitUntil } from '../lib/async';
import { spawnWorkers, taskQueueFor, type BenchCase, type BenchContext } from '../lib/context';
import { startTimeSkippingServer } from '../lib/servers';
import { runsOf, totalCalls } from '../lib/sim';
import { against, missedBy, type ResultRow } from '../lib/table';

const scenarioFor = (who: 'ours' | 'naive') => `bench.thirty-days.${who}`;
const wait = { steps: [{ status: 'running' as const, durationMs: 10 }, { review: { allowedActions: ['approve'] } }] };
const scenarios = { [scenarioFor('ours')]: wait, [scenarioFor('naive')]: wait };
const days = 30;
const naiveWindowMs = 30_000;

interface Chain {
  events: number;
  perExecution: number[];
}

/** Runs ours on the time-skipping server until it has waited `days`; answers its chain's events. */
async function waitThirtyDays(ctx: BenchContext, sim: Simulator, server: TestWorkflowEnvironment): Promise<Chain> {
  // The time-skipping server has no search attributes: start without status tracking.
  const handle = await startAgentRun(server.client, { workflowId: scenarioFor('ours') }, { taskQueue: taskQueueFor(ctx, 3, 'ours'), workflowId: `${ctx.tag}-c3-ours-1`, trackStatus: false });
  await waitUntil('the run to be waiting', async () => (await handle.query(statusQuery).catch(() => undefined))?.status === 'waiting', 60_000);
  ctx.progress.step(`case 3: run waiting; skipping ${days} days`);
  const ticker = setInterval(() => ctx.progress.counter(`case 3: ${totalCalls(sim.stats())} API calls so far`), 1000);
  try {
    await server.sleep(`${days} days`);
  } finally {
    clearInterval(ticker);
  }
  const chain = await executionChain(server.client, handle.workflowId, handle.firstExecutionRunId);
  await handle.terminate('bench case 3 done');
  const perExecution = chain.map(eventCount);
  return { events: perExecution.reduce((a, b) => a + b, 0), perExecution };
}

/** Case 3. */
export const thirtyDaysCase: BenchCase = {
  id: 3,
  countsOnly: true,
  title: `a ${days}-day review wait with no message, on the time-skipping server`,
  async run(ctx, scope) {
    const [oursSim, naiveSim, server] = await Promise.all([
      startSimulator({ port: 0, token: ctx.token, scenarios }), startSimulator({ port: 0, token: ctx.token, scenarios }), startTimeSkippingServer(),
    ]);
    scope.use(oursSim, (s) => s.close());
    scope.use(naiveSim, (s) => s.close());
    scope.use(server, (env) => env.teardown());
    await Promise.all([spawnWorkers(ctx, scope, 3, ['ours'], oursSim.url, { server }), spawnWorkers(ctx, scope, 3, ['naive'], naiveSim.url)]);
    const naiveQueue = taskQueueFor(ctx, 3, 'naive');
    const naiveStartedAt = Date.now();
    const naive = await ctx.env.client.workflow.start('naiveAgentRunWorkflow', { taskQueue: naiveQueue, workflowId: `${naiveQueue}-1`, args: [{ workflowId: scenarioFor('naive') }] });
    const chain = await waitThirtyDays(ctx, oursSim, server);
    // A few of the naive's 5 s polls at least, for a rate worth extrapolating.
    await sleep(Math.max(0, naiveWindowMs - (Date.now() - naiveStartedAt)));
    await naive.terminate('bench case 3 done');
    const naiveGetRuns = runsOf(naiveSim.stats(), scenarioFor('naive')).reduce((sum, run) => sum + (naiveSim.stats().polls[run.runId] ?? 0), 0);
    const naivePerDay = (naiveGetRuns * 86_400_000) / (Date.now() - naiveStartedAt);
    const stats = oursSim.stats();
    const calls = totalCalls(stats);
    const rows: ResultRow[] = [
      {
        case: 3, figure: `history events, ${days}-day wait, whole continue-as-new chain`,
        ours: `${chain.events} events (${chain.perExecution.length} executions: ${chain.perExecution.join('+')})`,
        comparison: `naive: 1 activity open ${days} days (needs startToCloseTimeout > ${days} days)`,
        target: '<= 100 events', verdict: against(chain.events, '<=', 100),
        note: `${missedBy(chain.events, '<=', 100, ' events')}continue-as-new every 10 days of waiting; the slow poll's retries add no events`,
        values: { events: chain.events, executions: chain.perExecution.length, perExecution: chain.perExecution.join('+') },
      },
      {
        case: 3, figure: `API calls, ${days}-day wait`,
        ours: `${calls} calls (${stats.runsCreated} run created)`,
        comparison: `naive ~${Math.round(naivePerDay * days).toLocaleString('en-US')} (measured ${naiveGetRuns} get-runs in ${((Date.now() - naiveStartedAt) / 1000).toFixed(0)} s real time, x ${days} days)`,
        target: '<= 1,500 calls', verdict: against(calls, '<=', 1500),
        note: `${missedBy(calls, '<=', 1500, ' calls')}${JSON.stringify(stats.calls)}; one get-run per review.pollInterval (default 1 hour)`,
        values: { calls, getRunCalls: stats.calls.getRun, runsCreated: stats.runsCreated, naiveGetRunsPerDay: naivePerDay },
      },
    ];
    return { rows };
  },
};
