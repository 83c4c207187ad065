// Client errors -> ApplicationFailure per DESIGN.md section 4: type, nonRetryable, details, nextRetryDelay.
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { FailureType } from '../failure-types';
import {
  SupervityBadRequestError,
  SupervityConflictError,
  SupervityError,
  SupervityInputError,
  SupervityInvalidInputError,
  SupervityNotFoundError,
  SupervityPermissionDeniedError,
  SupervityUnauthorizedError,
} from '../supervity/errors';
import { decideRetry, isTransient } from '../supervity/retry-policy';

/** Longest `Retry-After` an activity honours as its next retry delay (no slot is held while waiting). */
export const maxActivityRetryAfterMs = 10 * 60_000;

const nonRetryableTypes: [new (...args: never[]) => SupervityError, string][] = [
  [SupervityPermissionDeniedError, FailureType.PermissionDenied],
  [SupervityUnauthorizedError, FailureType.Unauthorized],
  [SupervityNotFoundError, FailureType.NotFound],
  [SupervityBadRequestError, FailureType.InvalidInput],
  [SupervityInvalidInputError, FailureType.InvalidInput],
  // A conflict (e.g. a form already decided) is a fact about the current state: repeating the call cannot change it.
  [SupervityConflictError, FailureType.InvalidInput],
  [SupervityInputError, FailureType.InvalidInput],
];

/**
 * Maps a client error to the activity's failure. Transient faults are retryable `SupervityApiUnavailable`
 * (with `nextRetryDelay` only when the server sent `Retry-After`); the rest are non-retryable. Temporal's
 * own failures (cancellation, ApplicationFailure) and foreign errors pass through unchanged.
 */
export function toActivityFailure(error: unknown, attempt: number): unknown {
  if (error instanceof CancelledFailure || error instanceof ApplicationFailure || !(error instanceof SupervityError)) return error;
  const details = [failureFacts(error)];
  if (isTransient(error)) {
    const decision = decideRetry(error, { attempt, idempotent: true, maxRetryAfterMs: maxActivityRetryAfterMs });
    const nextRetryDelay = decision.fromServer ? decision.delayMs : undefined;
    return ApplicationFailure.create({ type: FailureType.ApiUnavailable, message: error.message, nonRetryable: false, details, nextRetryDelay, cause: error });
  }
  const type = nonRetryableTypes.find(([ErrorClass]) => error instanceof ErrorClass)?.[1] ?? error.name;
  return ApplicationFailure.create({ type, message: error.message, nonRetryable: true, details, cause: error });
}

const factKeys = ['status', 'method', 'path', 'serverCode', 'serverMessage', 'violation', 'field', 'requestId', 'retryAfterMs', 'input'];

/** The error's facts as failure details: JSON-safe, no credential (the client never puts one in an error). */
export function failureFacts(error: SupervityError): Record<string, unknown> {
  const source = error as unknown as Record<string, unknown>;
  const facts = factKeys.map((key) => [key, source[key]]).filter(([, value]) => value !== undefined);
  return Object.fromEntries([['code', error.code], ...facts]) as Record<string, unknown>;
}
