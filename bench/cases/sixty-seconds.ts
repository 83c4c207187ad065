// Case 2: history events (and get-run calls) for a run `running` 60 s, then `completed`; ours vs naive.
import type { WorkflowHandle } from '@temporalio/client';
import { startAgentRun } from '../../src/client';
import { startSimulator, type Simulator } from '../../src/simulator';
import { eventCount } from '../../test/helpers/histories';
import { spawnWorkers, taskQueueFor, type BenchCase, type BenchContext } from '../lib/context';
import { runsOf } from '../lib/sim';
import { against, missedBy, type ResultRow } from '../lib/table';

const runningMs = 60_000;
const scenarioFor = (who: 'ours' | 'naive') => `bench.sixty.${who}`;

/** What one run cost. */
interface RunCost {
  events: number;
  getRunCalls: number;
  /** Real (wall-clock) seconds from start to close. */
  seconds: number;
}

/** Waits for the workflow, then counts its history events and its run's get-run calls. */
async function cost(handle: WorkflowHandle, sim: Simulator, scenario: string): Promise<RunCost> {
  const startedAt = Date.now();
  await handle.result();
  const seconds = (Date.now() - startedAt) / 1000;
  const stats = sim.stats();
  const getRunCalls = runsOf(stats, scenario).reduce((sum, run) => sum + (stats.polls[run.runId] ?? 0), 0);
  return { events: eventCount(await handle.fetchHistory()), getRunCalls, seconds };
}

function fastClock(speed: number): () => number {
  const origin = Date.now();
  return () => origin + (Date.now() - origin) * speed;
}

async function startBoth(ctx: BenchContext, queues: Record<'ours' | 'naive', string>) {
  const client = ctx.env.client;
  return await Promise.all([
    startAgentRun(client, { workflowId: scenarioFor('ours') }, { taskQueue: queues.ours, workflowId: `${queues.ours}-1` }),
    client.workflow.start('naiveAgentRunWorkflow', { taskQueue: queues.naive, workflowId: `${queues.naive}-1`, args: [{ workflowId: scenarioFor('naive') }] }),
  ]);
}

/** Case 2. */
export const sixtySecondsCase: BenchCase = {
  id: 2,
  countsOnly: true,
  title: 'history events for a run running 60 s then completed, ours vs naive',
  async run(ctx, scope) {
    const speed = ctx.mode.sixty.clockSpeed;
    const scenario = { steps: [{ status: 'running' as const, durationMs: runningMs }], outputs: { ok: true } };
    const scenarios = { [scenarioFor('ours')]: scenario, [scenarioFor('naive')]: scenario };
    const sim = scope.use(await startSimulator({ port: 0, token: ctx.token, scenarios, clock: fastClock(speed) }), (s) => s.close());
    const queues = { ours: taskQueueFor(ctx, 2, 'ours'), naive: taskQueueFor(ctx, 2, 'naive') };
    await spawnWorkers(ctx, scope, 2, ['ours', 'naive'], sim.url);
    ctx.progress.step(`case 2: one run each, running ${runningMs / 1000} s on the simulator's clock (${speed}x real time)`);
    const [oursHandle, naiveHandle] = await startBoth(ctx, queues);
    const [ours, naive] = await Promise.all([cost(oursHandle, sim, scenarioFor('ours')), cost(naiveHandle, sim, scenarioFor('naive'))]);
    const clockNote = speed === 1 ? 'real time' : `simulator clock ${speed}x real time, so call counts cover ${(runningMs / speed / 1000).toFixed(0)} real seconds`;
    const rows: ResultRow[] = [
      {
        case: 2, figure: 'history events, run running 60 s then completed',
        ours: `${ours.events} events`, comparison: `naive ${naive.events} events`, target: '<= 40 events', verdict: against(ours.events, '<=', 40),
        note: `${missedBy(ours.events, '<=', 40, ' events')}history length does not depend on how long the run runs while its progress poll's budget (10 min) lasts`,
        values: { oursEvents: ours.events, naiveEvents: naive.events, clockSpeed: speed },
      },
      {
        case: 2, figure: `get-run calls for that run (${clockNote})`,
        ours: `${ours.getRunCalls} calls`, comparison: `naive ${naive.getRunCalls} calls`, target: '-', verdict: 'info',
        values: { oursGetRunCalls: ours.getRunCalls, naiveGetRunCalls: naive.getRunCalls, naiveSeconds: naive.seconds, oursSeconds: ours.seconds },
      },
    ];
    return { rows };
  },
};
