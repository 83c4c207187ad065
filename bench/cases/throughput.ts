// Case 1: N concurrent runs that complete at once; agentRunWorkflow's runs/s against bare Temporal's.
import type { Client, WorkflowHandle } from '@temporalio/client';
import { startAgentRun } from '../../src/client';
import { startSimulator } from '../../src/simulator';
import { mapLimit } from '../lib/async';
import { spawnWorkers, taskQueueFor, type BenchCase, type BenchContext } from '../lib/context';
import { median } from '../lib/stats';
import { against, missedBy } from '../lib/table';

const scenario = 'bench.instant';
const scenarios = { [scenario]: { steps: [{ status: 'running' as const, durationMs: 0 }], outputs: { ok: true } } };

type Starter = (workflowId: string) => Promise<WorkflowHandle>;

/** What one workflow of a kind costs the server and the worker, from its history. */
interface WorkPerRun {
  events: number;
  workflowTasks: number;
  activities: number;
}

async function workPerRun(handle: WorkflowHandle): Promise<WorkPerRun> {
  const events = (await handle.fetchHistory()).events ?? [];
  const count = (has: (e: (typeof events)[number]) => unknown) => events.filter(has).length;
  return { events: events.length, workflowTasks: count((e) => e.workflowTaskCompletedEventAttributes), activities: count((e) => e.activityTaskScheduledEventAttributes) };
}

const describeWork = (w: WorkPerRun) => `${w.events} events, ${w.workflowTasks} workflow tasks, ${w.activities} activities`;

/** Starts `count` workflows (50 start calls in flight); answers runs/s from the first start to the last result, and the first handle. */
async function measure(ctx: BenchContext, label: string, count: number, start: Starter): Promise<{ rate: number; sample: WorkflowHandle }> {
  const ids = Array.from({ length: count }, (_, i) => `${label}-${i}`);
  let done = 0;
  const startedAt = Date.now();
  const handles = await mapLimit(ids, 50, (id) => start(id));
  await Promise.all(handles.map(async (handle) => {
    await handle.result();
    done += 1;
    ctx.progress.counter(`case 1: ${label} ${done}/${count} done`);
  }));
  return { rate: (count * 1000) / (Date.now() - startedAt), sample: handles[0] };
}

function starters(ctx: BenchContext, client: Client): Record<'bare' | 'ours', Starter> {
  const bareQueue = taskQueueFor(ctx, 1, 'bare');
  const oursQueue = taskQueueFor(ctx, 1, 'ours');
  return {
    bare: (workflowId) => client.workflow.start('bareWorkflow', { taskQueue: bareQueue, workflowId, args: [] }),
    ours: (workflowId) => startAgentRun(client, { workflowId: scenario }, { taskQueue: oursQueue, workflowId }),
  };
}

function prefixed(prefix: string, work: WorkPerRun): Record<string, number> {
  return Object.fromEntries(Object.entries(work).map(([key, value]) => [`${prefix}${key[0].toUpperCase()}${key.slice(1)}`, value]));
}

/** Case 1. */
export const throughputCase: BenchCase = {
  id: 1,
  countsOnly: false,
  title: 'throughput of runs that complete at once, ours vs bare Temporal',
  async run(ctx, scope) {
    const { runs, warmup, rounds } = ctx.mode.throughput;
    const sim = scope.use(await startSimulator({ port: 0, token: ctx.token, scenarios }), (s) => s.close());
    await spawnWorkers(ctx, scope, 1, ['bare', 'ours'], sim.url);
    const start = starters(ctx, ctx.env.client);
    const rates: Record<'bare' | 'ours', number[]> = { bare: [], ours: [] };
    const samples: Partial<Record<'bare' | 'ours', WorkflowHandle>> = {};
    for (const kind of ['bare', 'ours'] as const) samples[kind] = (await measure(ctx, `${ctx.tag}-c1-${kind}-warmup`, warmup, start[kind])).sample;
    for (let round = 1; round <= rounds; round++) {
      for (const kind of ['bare', 'ours'] as const) {
        ctx.progress.step(`case 1: round ${round}/${rounds}, ${runs} ${kind} runs`);
        rates[kind].push((await measure(ctx, `${ctx.tag}-c1-${kind}-r${round}`, runs, start[kind])).rate);
      }
    }
    const [oursWork, bareWork] = await Promise.all([workPerRun(samples.ours!), workPerRun(samples.bare!)]);
    const ours = median(rates.ours);
    const bare = median(rates.bare);
    const ratio = ours / bare;
    const created = sim.stats().runsCreated;
    return {
      rows: [{
        case: 1,
        figure: `throughput, ${runs} concurrent runs completing at once${rounds > 1 ? ` (median of ${rounds} rounds)` : ''}`,
        ours: `${ours.toFixed(1)} runs/s`,
        comparison: `bare Temporal ${bare.toFixed(1)} runs/s; ratio ${ratio.toFixed(2)}`,
        target: 'ratio >= 0.5',
        verdict: against(ratio, '>=', 0.5),
        note: `${missedBy(ratio, '>=', 0.5)}work per run, ours: ${describeWork(oursWork)} (execute, a progress poll, status search attributes); ` +
          `bare: ${describeWork(bareWork)}; ${created} Supervity runs created for ${warmup + runs * rounds} workflows`,
        values: { oursRunsPerSec: ours, bareRunsPerSec: bare, ratio, runs, rounds, supervityRunsCreated: created, ...prefixed('ours', oursWork), ...prefixed('bare', bareWork) },
      }],
    };
  },
};
