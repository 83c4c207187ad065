// The `type` of every ApplicationFailure this package raises (DESIGN.md section 4): a public
// contract that callers match on. Plain constants, safe in workflow code.

/** ApplicationFailure types raised by supervity-temporal's activities and workflows. */
export const FailureType = {
  /** The run failed and is not eligible for retry, or its attempts are exhausted. */
  RunFailed: 'SupervityRunFailed',
  /** The run was cancelled (in Supervity, or because the workflow was cancelled). */
  RunCancelled: 'SupervityRunCancelled',
  /** Supervity refused the call (403); details carry the violation as the API said it. */
  PermissionDenied: 'SupervityPermissionDenied',
  /** The input was rejected (locally or by a 400/422); the message names the field. */
  InvalidInput: 'SupervityInvalidInput',
  /** The workflow, run or form does not exist (404). */
  NotFound: 'SupervityNotFound',
  /** The `submitReview` update's answer when Supervity refused the relayed decision. */
  ReviewRejected: 'SupervityReviewRejected',
  /** No review decision arrived before `review.timeout`. */
  ReviewTimedOut: 'SupervityReviewTimedOut',
  /** The token was missing or refused (401). */
  Unauthorized: 'SupervityUnauthorized',
  /** Retryable: 429, 5xx, connection errors and timeouts. */
  ApiUnavailable: 'SupervityApiUnavailable',
  /** Retryable, expected: the run is as last seen (the `awaitRunChange` poll). */
  RunUnchanged: 'SupervityRunUnchanged',
} as const;

/** One of the {@link FailureType} values. */
export type FailureTypeName = (typeof FailureType)[keyof typeof FailureType];
