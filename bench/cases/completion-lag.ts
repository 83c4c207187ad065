// Case 5: completion lag while polling only. Runs of spread-out lengths complete on their own; the
// lag is from the simulator's completion time (its stats) to the workflow's close time (describe).
import type { WorkflowHandle } from '@temporalio/client';
import { startAgentRun } from '../../src/client';
import { startSimulator, type Scenario } from '../../src/simulator';
import { mapLimit } from '../lib/async';
import { spawnWorkers, taskQueueFor, type BenchCase, type BenchContext } from '../lib/context';
import { summarize } from '../lib/stats';
import { seconds, type ResultRow } from '../lib/table';
import { closeTimeMs } from '../lib/workflows';

type Who = 'ours' | 'naive';
const scenarioFor = (who: Who, i: number) => `bench.lag.${who}.${i}`;

/** Run lengths spread evenly over [minMs, maxMs], so completions fall at every phase of the polls. */
function lengths(ctx: BenchContext): number[] {
  const { runs, minMs, maxMs } = ctx.mode.lag;
  return Array.from({ length: runs }, (_, i) => Math.round(minMs + ((maxMs - minMs) * i) / Math.max(1, runs - 1)));
}

function scenarios(ctx: BenchContext): Record<string, Scenario> {
  const entries = lengths(ctx).flatMap((durationMs, i) => (['ours', 'naive'] as const).map((who): [string, Scenario] =>
    [scenarioFor(who, i), { steps: [{ status: 'running', durationMs }], outputs: { ok: true } }]));
  return Object.fromEntries(entries);
}

function start(ctx: BenchContext, who: Who, i: number): Promise<WorkflowHandle> {
  const taskQueue = taskQueueFor(ctx, 5, who);
  const workflowId = `${taskQueue}-${i}`;
  if (who === 'ours') return startAgentRun(ctx.env.client, { workflowId: scenarioFor(who, i) }, { taskQueue, workflowId });
  return ctx.env.client.workflow.start('naiveAgentRunWorkflow', { taskQueue, workflowId, args: [{ workflowId: scenarioFor(who, i) }] });
}

/** Case 5. */
export const completionLagCase: BenchCase = {
  id: 5,
  countsOnly: false,
  title: 'completion lag while polling only, ours vs naive',
  async run(ctx, scope) {
    const sim = scope.use(await startSimulator({ port: 0, token: ctx.token, scenarios: scenarios(ctx) }), (s) => s.close());
    await spawnWorkers(ctx, scope, 5, ['ours', 'naive'], sim.url);
    const { runs, minMs, maxMs } = ctx.mode.lag;
    ctx.progress.step(`case 5: ${runs} ours + ${runs} naive runs, running ${minMs / 1000}-${maxMs / 1000} s`);
    const jobs = Array.from({ length: runs }, (_, i) => i).flatMap((i) => (['ours', 'naive'] as const).map((who) => ({ who, i })));
    const handles = await mapLimit(jobs, 20, ({ who, i }) => start(ctx, who, i));
    let done = 0;
    const lags = await Promise.all(handles.map(async (handle, k) => {
      const { runId } = (await handle.result()) as { runId: string };
      done += 1;
      ctx.progress.counter(`case 5: ${done}/${handles.length} closed`);
      const completedAt = sim.stats().runs[runId]?.completedAt;
      if (completedAt === undefined) throw new Error(`run ${runId} has no completion time in the simulator's stats`);
      return { who: jobs[k].who, ms: (await closeTimeMs(handle)) - completedAt };
    }));
    const stats = sim.stats();
    const perRun = (who: Who) => Object.entries(stats.polls).filter(([runId]) => stats.runs[runId]?.workflowId.startsWith(`bench.lag.${who}.`)).reduce((s, [, n]) => s + n, 0) / runs;
    const samples = { ours: lags.filter((l) => l.who === 'ours').map((l) => l.ms), naive: lags.filter((l) => l.who === 'naive').map((l) => l.ms) };
    const o = summarize(samples.ours);
    const n = summarize(samples.naive);
    const rows: ResultRow[] = [
      {
        case: 5, figure: `completion lag, run completed to workflow closed, p50 / p99 (n=${o.count})`,
        ours: `${seconds(o.p50)} / ${seconds(o.p99)}`, comparison: `naive ${seconds(n.p50)} / ${seconds(n.p99)}`,
        target: '"within a few seconds"', verdict: 'info',
        note: 'default polling (1 s, x1.5, max 5 s) vs the naive fixed 5 s',
        values: { oursP50Ms: o.p50, oursP99Ms: o.p99, naiveP50Ms: n.p50, naiveP99Ms: n.p99, runs },
      },
      {
        case: 5, figure: `get-run calls per run (runs of ${minMs / 1000}-${maxMs / 1000} s)`,
        ours: perRun('ours').toFixed(1), comparison: `naive ${perRun('naive').toFixed(1)}`, target: '-', verdict: 'info',
      },
    ];
    return { samples, rows };
  },
};
