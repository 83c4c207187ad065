// The heartbeating poll: reads a run with backoff until it changes (or leaves scheduled/running) or the budget is spent.
import { activityInfo, cancellationSignal, heartbeat, log, sleep } from '@temporalio/activity';
import { msToNumber } from '@temporalio/common/lib/time';
import type { SupervityClient } from '../supervity/client';
import { SupervityInputError } from '../supervity/errors';
import type { SupervityRun } from '../supervity/types';
import { progressReached } from './run-change';
import type { AwaitRunProgressInput } from './types';

/** What `awaitRunProgress` heartbeats, and resumes from after a retry. */
export interface ProgressHeartbeat {
  runId: string;
  /** The status last seen. */
  status: SupervityRun['status'];
  /** The wait after the next poll (the first poll after a resume is immediate). */
  nextIntervalMs: number;
  /** Epoch ms when the budget is spent, fixed by the first attempt. */
  deadline: number;
}

interface Backoff {
  initialMs: number;
  maxMs: number;
  coefficient: number;
}

/**
 * Polls `input.runId` until it differs from `input.status`/`input.formId` when given, else until it is
 * no longer scheduled/running; or until the budget is spent (then returns the last seen run).
 */
export async function awaitRunProgress(client: SupervityClient, input: AwaitRunProgressInput): Promise<SupervityRun> {
  const backoff = resolveBackoff(input.polling);
  const resumed = resumeFrom(activityInfo().heartbeatDetails, input.runId);
  const deadline = resumed?.deadline ?? Date.now() + msToNumber(input.budget);
  let intervalMs = resumed?.nextIntervalMs ?? backoff.initialMs;
  const seen = input.status === undefined ? undefined : { status: input.status, formId: input.formId };
  if (resumed) log.info('resuming run poll from heartbeat', { ...resumed });
  for (;;) {
    const run = await client.getRun(input.runId, { signal: cancellationSignal() });
    const remainingMs = deadline - Date.now();
    const nextIntervalMs = Math.min(intervalMs * backoff.coefficient, backoff.maxMs);
    const progress: ProgressHeartbeat = { runId: input.runId, status: run.status, nextIntervalMs, deadline };
    heartbeat(progress);
    if (progressReached(run, seen) || remainingMs <= 0) return run;
    log.debug('run still in progress', { runId: input.runId, status: run.status, sleepMs: Math.min(intervalMs, remainingMs) });
    await sleepHeartbeating(Math.min(intervalMs, remainingMs), progress);
    intervalMs = nextIntervalMs;
  }
}

/** Sleeps in slices of half the heartbeat timeout, so a long interval never times the activity out; throws CancelledFailure on cancellation. */
async function sleepHeartbeating(ms: number, progress: ProgressHeartbeat): Promise<void> {
  const sliceMs = activityInfo().heartbeatTimeoutMs ? Math.max(activityInfo().heartbeatTimeoutMs! / 2, 100) : ms;
  for (let remaining = ms; remaining > 0; remaining -= sliceMs) {
    if (remaining < ms) heartbeat(progress);
    await sleep(Math.min(sliceMs, remaining));
  }
}

/** Defaults 1 s, x1.5, up to 5 s (or up to the initial interval, when that is longer). */
/** Whether the poll is over: the run differs from what the caller saw, or (if it said nothing) it stopped moving. */
function resolveBackoff(polling: AwaitRunProgressInput['polling'] = {}): Backoff {
  const initialMs = msToNumber(polling.initialInterval ?? '1s');
  const maxMs = polling.maxInterval === undefined ? Math.max(initialMs, 5_000) : msToNumber(polling.maxInterval);
  const coefficient = polling.backoffCoefficient ?? 1.5;
  if (!(initialMs > 0)) throw new SupervityInputError('polling.initialInterval must be a positive duration');
  if (!(maxMs >= initialMs)) throw new SupervityInputError('polling.maxInterval must be at least polling.initialInterval');
  if (!(coefficient >= 1)) throw new SupervityInputError('polling.backoffCoefficient must be 1 or more');
  return { initialMs, maxMs, coefficient };
}

function resumeFrom(details: unknown, runId: string): ProgressHeartbeat | undefined {
  const candidate = details as Partial<ProgressHeartbeat> | undefined;
  if (candidate?.runId !== runId) return undefined;
  if (!Number.isFinite(candidate.nextIntervalMs) || !Number.isFinite(candidate.deadline)) return undefined;
  return candidate as ProgressHeartbeat;
}
