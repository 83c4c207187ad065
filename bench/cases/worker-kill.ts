// Case 7: the worker is SIGKILLed while runs are in flight and a new one takes over. Counts the
// Supervity runs created beyond one per workflow (duplicates), ours vs naive, in the simulator's stats.
import { setTimeout as sleep } from 'node:timers/promises';
import type { WorkflowHandle } from '@temporalio/client';
import { startAgentRun } from '../../src/client';
import { startSimulator, type Simulator } from '../../src/simulator';
import { mapLimit, waitUntil } from '../lib/async';
import { spawnWorkers, taskQueueFor, type BenchCase, type BenchContext } from '../lib/context';
import type { Scope } from '../lib/scope';
import { runsOf } from '../lib/sim';
import { against, missedBy, type ResultRow } from '../lib/table';

type Who = 'ours' | 'naive';
const kinds: Who[] = ['ours', 'naive'];
const scenarioFor = (who: Who) => `bench.kill.${who}`;

function start(ctx: BenchContext, who: Who, i: number): Promise<WorkflowHandle> {
  const taskQueue = taskQueueFor(ctx, 7, who);
  const workflowId = `${taskQueue}-${i}`;
  if (who === 'ours') return startAgentRun(ctx.env.client, { workflowId: scenarioFor(who) }, { taskQueue, workflowId });
  const args = [{ workflowId: scenarioFor(who), startToCloseTimeout: ctx.mode.kill.naiveStartToClose }];
  return ctx.env.client.workflow.start('naiveAgentRunWorkflow', { taskQueue, workflowId, args });
}

/** Starts the runs, SIGKILLs the worker once every run exists in Supervity, and starts a new worker; answers the kill time. */
async function killMidRun(ctx: BenchContext, scope: Scope, sim: Simulator, handles: Promise<WorkflowHandle[]>): Promise<number> {
  const { runs } = ctx.mode.kill;
  const first = await spawnWorkers(ctx, scope, 7, kinds, sim.url);
  await handles;
  await waitUntil('every run created', () => kinds.every((who) => runsOf(sim.stats(), scenarioFor(who)).length >= runs), 60_000);
  // Let the activities get into their poll loops before the crash.
  await sleep(1000);
  await first.kill();
  const killedAt = Date.now();
  ctx.progress.step('case 7: worker SIGKILLed; starting a new one');
  await spawnWorkers(ctx, scope, 7, kinds, sim.url);
  return killedAt;
}

/** Case 7. */
export const workerKillCase: BenchCase = {
  id: 7,
  countsOnly: true,
  title: 'worker SIGKILLed mid-run: duplicate Supervity runs, ours vs naive',
  async run(ctx, scope) {
    const { runs, runningMs, naiveStartToClose } = ctx.mode.kill;
    const scenario = { steps: [{ status: 'running' as const, durationMs: runningMs }], outputs: { ok: true } };
    const sim = scope.use(await startSimulator({ port: 0, token: ctx.token, scenarios: { [scenarioFor('ours')]: scenario, [scenarioFor('naive')]: scenario } }), (s) => s.close());
    ctx.progress.step(`case 7: ${runs} ours + ${runs} naive runs of ${runningMs / 1000} s (naive startToCloseTimeout ${naiveStartToClose})`);
    const jobs = Array.from({ length: runs }, (_, i) => i).flatMap((i) => kinds.map((who) => ({ who, i })));
    const handles = mapLimit(jobs, 20, ({ who, i }) => start(ctx, who, i));
    const killedAt = await killMidRun(ctx, scope, sim, handles);
    const lastClose: Record<Who, number> = { ours: 0, naive: 0 };
    let done = 0;
    await Promise.all((await handles).map(async (handle, k) => {
      await handle.result();
      done += 1;
      ctx.progress.counter(`case 7: ${done}/${jobs.length} closed after the kill`);
      lastClose[jobs[k].who] = Math.max(lastClose[jobs[k].who], Date.now());
    }));
    const stats = sim.stats();
    const duplicates = (who: Who) => runsOf(stats, scenarioFor(who)).length - runs;
    const recovery = (who: Who) => ((lastClose[who] - killedAt) / 1000).toFixed(0);
    const rows: ResultRow[] = [
      {
        case: 7, figure: `worker SIGKILLed mid-run, new worker started: duplicate Supervity runs (${runs} workflows each)`,
        ours: `${duplicates('ours')} duplicates (${stats.idempotentReplays} idempotent replays)`, comparison: `naive ${duplicates('naive')} duplicates`,
        target: '0 duplicates', verdict: against(duplicates('ours'), '<=', 0),
        note: `${missedBy(duplicates('ours'), '<=', 0, ' duplicates')}runs created in the simulator minus workflows; killed once every run existed, mid-poll`,
        values: { oursDuplicates: duplicates('ours'), naiveDuplicates: duplicates('naive'), idempotentReplays: stats.idempotentReplays, runs },
      },
      {
        case: 7, figure: 'kill to last workflow closed',
        ours: `${recovery('ours')} s`, comparison: `naive ${recovery('naive')} s (its startToCloseTimeout, ${naiveStartToClose} here, decides)`,
        target: '-', verdict: 'info',
      },
    ];
    return { rows };
  },
};
