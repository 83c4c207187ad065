// The activities agentRunWorkflow calls, each with the timeouts and retry policy its job needs.
import { ActivityCancellationType, proxyActivities } from '@temporalio/workflow';
import type { SupervityActivities } from '../activities/types';
import { FailureType } from '../failure-types';
import type { RunOptions } from './options';

/** Failures no retry can fix; the activities also mark them non-retryable themselves. */
const nonRetryableErrorTypes = [
  FailureType.InvalidInput,
  FailureType.PermissionDenied,
  FailureType.NotFound,
  FailureType.Unauthorized,
];

/**
 * API calls: an outage is retried without limit (nothing is lost, and execute reuses its
 * idempotency key), backing off to one try a minute.
 */
const apiCalls = proxyActivities<SupervityActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes },
});

/** One-shot calls, single-purpose and short. */
export const { executeRun, getRun, submitReview } = apiCalls;

/** How long one `awaitRunProgress` call polls before handing control back to the workflow. */
export const progressBudgetMs = 10 * 60_000;

/** The heartbeating poll used while a run is `scheduled`/`running`. */
export function progressPoller(polling: RunOptions['polling']): SupervityActivities['awaitRunProgress'] {
  // The activity heartbeats after every poll, so its heartbeat timeout must outlast the longest interval.
  const heartbeatTimeoutMs = Math.max(30_000, 2 * polling.maxMs + 10_000);
  return proxyActivities<SupervityActivities>({
    startToCloseTimeout: progressBudgetMs + heartbeatTimeoutMs,
    heartbeatTimeout: heartbeatTimeoutMs,
    retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes },
  }).awaitRunProgress;
}

/**
 * The slow poll used while a run is `waiting`: each try is one read that fails `RunUnchanged`, and
 * the retry policy reschedules it every `pollMs`. Retries add nothing to history and hold no slot;
 * a message cancels it at once. It ends by `scheduleToCloseMs` (the end of this wait slice).
 */
export function changeWatcher(pollMs: number, scheduleToCloseMs: number): SupervityActivities['awaitRunChange'] {
  return proxyActivities<SupervityActivities>({
    startToCloseTimeout: '1 minute',
    scheduleToCloseTimeout: scheduleToCloseMs,
    cancellationType: ActivityCancellationType.TRY_CANCEL,
    retry: { initialInterval: pollMs, backoffCoefficient: 1, maximumInterval: pollMs, nonRetryableErrorTypes },
  }).awaitRunChange;
}

/** Cancelling is best effort: a few tries, then the workflow records that it could not. */
export const { cancelRun: cancelRunBestEffort } = proxyActivities<SupervityActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumAttempts: 5, nonRetryableErrorTypes },
});
