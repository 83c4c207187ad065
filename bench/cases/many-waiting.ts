// Case 6: many runs parked in `waiting` on one worker: the worker's RSS, the activity slots it holds
// between polls, and how long it takes to get them all there. The same on a worker with a smaller
// workflow cache shows what bounds the RSS. The naive baseline, with fewer runs, shows what holding
// one activity slot per waiting run costs.
import { setTimeout as sleep } from 'node:timers/promises';
import { startAgentRun } from '../../src/client';
import { startSimulator, type Simulator } from '../../src/simulator';
import { mapLimit, waitUntil } from '../lib/async';
import { spawnWorkers, taskQueueFor, type BenchCase, type BenchContext } from '../lib/context';
import { runsOf, waitingRuns } from '../lib/sim';
import { against, missedBy, type ResultRow } from '../lib/table';
import type { WorkerProcess } from '../worker/process';

const scenarioFor = (who: 'ours' | 'capped' | 'naive') => `bench.park.${who}`;
const park = { steps: [{ status: 'running' as const, durationMs: 0 }, { review: { allowedActions: ['approve'] } }] };
const scenarios = { [scenarioFor('ours')]: park, [scenarioFor('capped')]: park, [scenarioFor('naive')]: park };
const MiB = 2 ** 20;

interface OursFigures {
  idleRssMiB: number;
  peakRssMiB: number;
  peakCachedWorkflows: number;
  startCallsSeconds: number;
  allParkedSeconds: number;
  windowSlotsMax: number;
  windowGetRuns: number;
  windowSamples: number;
}

/** One parking measurement: `runs` runs of `scenario` on the worker polling `taskQueue`. */
interface ParkPlan {
  scenario: string;
  taskQueue: string;
  runs: number;
  windowMs: number;
}

async function ours(ctx: BenchContext, sim: Simulator, worker: WorkerProcess, { scenario, taskQueue, runs, windowMs }: ParkPlan): Promise<OursFigures> {
  const { startConcurrency } = ctx.mode.parked;
  const idleRssMiB = (worker.latest()?.rss ?? 0) / MiB;
  const t0 = Date.now();
  let started = 0;
  await mapLimit(Array.from({ length: runs }, (_, i) => i), startConcurrency, async (i) => {
    await startAgentRun(ctx.env.client, { workflowId: scenario }, { taskQueue, workflowId: `${taskQueue}-${i}` });
    started += 1;
    if (started % 50 === 0) ctx.progress.counter(`case 6: started ${started}/${runs}`);
  });
  const startCallsSeconds = (Date.now() - t0) / 1000;
  // Parked = waiting, and read twice: by the progress poll that saw `waiting`, then by the first
  // awaitRunChange try, which failed "unchanged" and left the retry policy to schedule the next.
  await waitUntil(`${runs} runs parked`, () => {
    const count = waitingRuns(sim.stats(), scenario, 2);
    ctx.progress.counter(`case 6: ${count}/${runs} parked; worker RSS ${((worker.latest()?.rss ?? 0) / MiB).toFixed(0)} MiB`);
    return count === runs;
  }, Math.max(180_000, runs * 200), 1000);
  const allParkedSeconds = (Date.now() - t0) / 1000;
  ctx.progress.step(`case 6: all ${runs} parked after ${allParkedSeconds.toFixed(1)} s; watching the worker for ${windowMs / 1000} s`);
  const windowStart = Date.now();
  const getRunsBefore = sim.stats().calls.getRun;
  await sleep(windowMs);
  const window = worker.peaksSince(windowStart);
  return {
    idleRssMiB, peakRssMiB: worker.peaksSince(t0).rss / MiB, peakCachedWorkflows: worker.peaksSince(t0).cachedWorkflows, startCallsSeconds, allParkedSeconds,
    windowSlotsMax: window.inFlightActivities, windowGetRuns: sim.stats().calls.getRun - getRunsBefore, windowSamples: window.samples,
  };
}

interface NaiveFigures {
  runs: number;
  slotsMax: number;
  runsCreated: number;
  getRunsPerMinute: number;
  peakRssMiB: number;
}

async function naive(ctx: BenchContext, sim: Simulator, worker: WorkerProcess): Promise<NaiveFigures> {
  const { naiveRuns: runs } = ctx.mode.parked;
  // One naive poll interval (5 s) and a bit: enough to see its slots and its poll rate.
  const windowMs = 6_000;
  const taskQueue = taskQueueFor(ctx, 6, 'naive');
  const t0 = Date.now();
  await mapLimit(Array.from({ length: runs }, (_, i) => i), ctx.mode.parked.startConcurrency, (i) =>
    ctx.env.client.workflow.start('naiveAgentRunWorkflow', { taskQueue, workflowId: `${taskQueue}-${i}`, args: [{ workflowId: scenarioFor('naive') }] }));
  // Its slots fill as fast as its activities start; give them a poll interval to settle.
  await sleep(windowMs);
  const windowStart = Date.now();
  const getRunsBefore = sim.stats().calls.getRun;
  await sleep(windowMs);
  const window = worker.peaksSince(windowStart);
  return {
    runs, slotsMax: window.inFlightActivities, runsCreated: runsOf(sim.stats(), scenarioFor('naive')).length,
    getRunsPerMinute: ((sim.stats().calls.getRun - getRunsBefore) * 60_000) / windowMs, peakRssMiB: worker.peaksSince(t0).rss / MiB,
  };
}

function rows(ctx: BenchContext, o: OursFigures, c: OursFigures, n: NaiveFigures): ResultRow[] {
  const { runs, windowMs, capped } = ctx.mode.parked;
  return [
    {
      case: 6, figure: `${runs} runs waiting on one worker: worker RSS, peak`,
      ours: `${o.peakRssMiB.toFixed(0)} MiB (idle ${o.idleRssMiB.toFixed(0)} MiB)`, comparison: `naive, ${n.runs} runs: ${n.peakRssMiB.toFixed(0)} MiB`,
      target: '<= 400 MiB', verdict: against(o.peakRssMiB, '<=', 400),
      note: `${missedBy(Math.round(o.peakRssMiB), '<=', 400, ' MiB')}${o.peakCachedWorkflows} workflows in the worker's sticky cache at peak ` +
        "(the SDK's default maxCachedWorkflows for this heap limit; the next row caps it); idle includes tsx compiling the TypeScript sources",
      values: { runs, peakRssMiB: o.peakRssMiB, idleRssMiB: o.idleRssMiB, peakCachedWorkflows: o.peakCachedWorkflows, naiveRuns: n.runs, naivePeakRssMiB: n.peakRssMiB },
    },
    {
      case: 6, figure: `the same, ${capped.runs} runs on createWorker({ maxCachedWorkflows: ${capped.maxCachedWorkflows} })`,
      ours: `${c.peakRssMiB.toFixed(0)} MiB (idle ${c.idleRssMiB.toFixed(0)} MiB), ${c.peakCachedWorkflows} cached at peak`,
      comparison: `default cache: ${o.peakCachedWorkflows} cached at peak`, target: '(what bounds RSS)', verdict: 'info',
      values: { runs: capped.runs, maxCachedWorkflows: capped.maxCachedWorkflows, peakRssMiB: c.peakRssMiB, idleRssMiB: c.idleRssMiB, peakCachedWorkflows: c.peakCachedWorkflows },
    },
    {
      case: 6, figure: `activity slots in use between polls (max over ${windowMs / 1000} s, ${o.windowSamples} samples)`,
      ours: `${o.windowSlotsMax} slots, ${o.windowGetRuns} get-run calls`,
      comparison: `naive, ${n.runs} runs: ${n.slotsMax} slots held, ${n.runsCreated} runs created (rest queued), ${n.getRunsPerMinute.toFixed(0)} get-run/min`,
      target: '0 slots', verdict: against(o.windowSlotsMax, '<=', 0),
      note: `${missedBy(o.windowSlotsMax, '<=', 0, ' slots')}sampled every 250 ms from Worker.getStatus().numInFlightActivities in the worker process`,
      values: { slotsMax: o.windowSlotsMax, getRunsInWindow: o.windowGetRuns, naiveSlotsMax: n.slotsMax, naiveRunsCreated: n.runsCreated, naiveGetRunsPerMinute: n.getRunsPerMinute },
    },
    {
      case: 6, figure: `time to start ${runs} runs and have them all waiting`,
      ours: `${o.allParkedSeconds.toFixed(1)} s (${(runs / o.allParkedSeconds).toFixed(0)} runs/s; start calls ${o.startCallsSeconds.toFixed(1)} s)`,
      comparison: '-', target: '-', verdict: 'info',
      values: { allParkedSeconds: o.allParkedSeconds, startCallsSeconds: o.startCallsSeconds },
    },
  ];
}

/** Case 6. */
export const manyWaitingCase: BenchCase = {
  id: 6,
  countsOnly: false,
  title: 'many runs waiting on one worker: RSS, slots, start time',
  async run(ctx, scope) {
    const sim = scope.use(await startSimulator({ port: 0, token: ctx.token, scenarios }), (s) => s.close());
    const { runs, windowMs, capped } = ctx.mode.parked;
    // Separate processes: the RSS measured is one package worker's alone.
    const [oursWorker, cappedWorker, naiveWorker] = await Promise.all([
      spawnWorkers(ctx, scope, 6, ['ours'], sim.url),
      spawnWorkers(ctx, scope, 6, ['ours'], sim.url, { variant: 'capped', maxCachedWorkflows: capped.maxCachedWorkflows }),
      spawnWorkers(ctx, scope, 6, ['naive'], sim.url),
    ]);
    ctx.progress.step(`case 6: starting ${runs} runs that wait for a review`);
    const o = await ours(ctx, sim, oursWorker, { scenario: scenarioFor('ours'), taskQueue: taskQueueFor(ctx, 6, 'ours'), runs, windowMs });
    ctx.progress.step(`case 6: ${capped.runs} more on a worker with maxCachedWorkflows ${capped.maxCachedWorkflows}`);
    const c = await ours(ctx, sim, cappedWorker, { scenario: scenarioFor('capped'), taskQueue: taskQueueFor(ctx, 6, 'ours', 'capped'), runs: capped.runs, windowMs: 3_000 });
    ctx.progress.step(`case 6: naive baseline with ${ctx.mode.parked.naiveRuns} waiting runs`);
    const n = await naive(ctx, sim, naiveWorker);
    return { rows: rows(ctx, o, c, n) };
  },
};
