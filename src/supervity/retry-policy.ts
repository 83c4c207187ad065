// The one retry decision, shared by the client's own retries and the activities' failure mapping.
import { SupervityApiError, SupervityConnectionError } from './errors';

/** What is known about the try that just failed. */
export interface RetryContext {
  /** 1-based number of the failed try. */
  attempt: number;
  /** Whether repeating the request cannot apply it twice (GET, cancel, submit, or execute with an idempotency key). */
  idempotent: boolean;
  /** Cap on a server-requested `Retry-After` wait, in ms. */
  maxRetryAfterMs: number;
}

/** Whether to retry, and after how long. */
export interface RetryDecision {
  retry: boolean;
  delayMs: number;
  /** True when the delay is the server's `Retry-After` (capped), false when it is our backoff. */
  fromServer: boolean;
}

const noRetry: RetryDecision = Object.freeze({ retry: false, delayMs: 0, fromServer: false });
const backoffBaseMs = 500;
const backoffMaxMs = 8_000;

/**
 * Transient faults (connection errors, timeouts, 408, 429, 5xx) of idempotent requests are retried,
 * after `Retry-After` when the server sent one, else after exponential backoff with jitter.
 */
export function decideRetry(error: unknown, context: RetryContext): RetryDecision {
  if (!isTransient(error)) return noRetry;
  if (!context.idempotent) return noRetry;
  const retryAfterMs = error instanceof SupervityApiError ? error.retryAfterMs : undefined;
  if (retryAfterMs !== undefined) return { retry: true, delayMs: Math.min(retryAfterMs, context.maxRetryAfterMs), fromServer: true };
  const exponential = Math.min(backoffBaseMs * 2 ** (context.attempt - 1), backoffMaxMs);
  return { retry: true, delayMs: Math.round(exponential * (1 - Math.random() * 0.25)), fromServer: false };
}

/** Connection errors, timeouts, 408, 429 and 5xx: worth another try later. */
export function isTransient(error: unknown): boolean {
  if (error instanceof SupervityConnectionError) return true;
  if (!(error instanceof SupervityApiError)) return false;
  return error.status === 408 || error.status === 429 || error.status >= 500;
}

/** Parses `Retry-After` (delta seconds or an HTTP date) into milliseconds from `now`; undefined if absent or malformed. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text.trim())) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
