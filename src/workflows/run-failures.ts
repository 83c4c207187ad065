// The typed failures agentRunWorkflow ends with (DESIGN.md section 4).
import { ActivityFailure, ApplicationFailure, TimeoutFailure } from '@temporalio/common';
import { FailureType } from '../failure-types';
import type { SupervityRun } from '../supervity/types';
import type { RunTracker } from './run-tracker';

/** The run failed and may not (or may no longer) be re-executed. */
export function runFailed(run: RunTracker, final: SupervityRun, maximumAttempts: number): ApplicationFailure {
  const error = final.error ?? { reason: 'unknown', message: 'Supervity reported the run failed without details', retryable: false };
  const why = error.retryable ? `attempts exhausted (${run.attempt} of ${maximumAttempts})` : 'not eligible for retry';
  const where = error.step ? ` at step ${error.step}` : '';
  return ApplicationFailure.create({
    type: FailureType.RunFailed,
    message: `Supervity run ${final.runId} failed${where}: ${error.message} (reason: ${error.reason}; ${why})`,
    nonRetryable: true,
    details: [{ runId: final.runId, reason: error.reason, step: error.step, message: error.message, retryable: error.retryable, attempts: run.attempts }],
  });
}

/** The run was cancelled in Supervity. */
export function runCancelled(run: RunTracker, final: SupervityRun): ApplicationFailure {
  return ApplicationFailure.create({
    type: FailureType.RunCancelled,
    message: `Supervity run ${final.runId} was cancelled`,
    nonRetryable: true,
    details: [{ runId: final.runId, attempts: run.attempts }],
  });
}

/** No decision arrived in time; says whether the run was cancelled or left waiting. */
export function reviewTimedOut(run: RunTracker, formId: string | undefined, runCancelledToo: boolean): ApplicationFailure {
  const what = runCancelledToo ? 'the Supervity run was cancelled' : 'the Supervity run is left waiting';
  return ApplicationFailure.create({
    type: FailureType.ReviewTimedOut,
    message: `No review decision for form ${formId ?? '(unknown)'} of run ${run.runId} before review.timeout; ${what}`,
    nonRetryable: true,
    details: [{ runId: run.runId, formId, waitingSince: run.waitingSince, runCancelled: runCancelledToo, attempts: run.attempts }],
  });
}

const surfacedTypes: ReadonlySet<string> = new Set([
  FailureType.PermissionDenied,
  FailureType.InvalidInput,
  FailureType.NotFound,
  FailureType.Unauthorized,
]);

/**
 * A non-retryable Supervity failure from an activity becomes the workflow's own failure, so callers
 * match `cause.type === 'SupervityPermissionDenied'` without unwrapping the activity layer.
 */
export function surfaceActivityFailure(err: unknown): unknown {
  if (err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && surfacedTypes.has(err.cause.type ?? '')) {
    return err.cause;
  }
  return err;
}

/** True when an `awaitRunChange` wait ended without news: its time slice ran out, or its last try saw no change. */
export function isQuietEnd(err: unknown): boolean {
  if (!(err instanceof ActivityFailure)) return false;
  const cause = err.cause;
  if (cause instanceof ApplicationFailure) return cause.type === FailureType.RunUnchanged;
  return cause instanceof TimeoutFailure;
}
