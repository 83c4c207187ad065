// Response parsing: unknown fields are kept; what the routes promise is checked, and nonsense is
// refused with an error naming the field. Known optional fields that are `null` are dropped.
import { SupervityResponseError, type RequestFacts } from './errors';
import type { ReviewForm, ReviewReceipt, RunStatus, SupervityRun } from './types';

const runStatuses: readonly RunStatus[] = ['scheduled', 'running', 'waiting', 'completed', 'failed', 'cancelled'];

type Json = Record<string, unknown>;

/**
 * A run (get-run, cancel and execute answers). Requires `runId` and a known `status`; `outputs`,
 * `review` and `error` must be objects when present. A `failed` run without `error` is accepted
 * (it is then not retry-eligible); an `error` without `retryable` reads as `retryable: false`.
 */
export function parseRun(body: unknown, request: RequestFacts): SupervityRun {
  const run = withoutNulls(object(body, request, 'a run'), ['outputs', 'review', 'error', 'startedAt', 'completedAt']);
  nonEmptyString(run, 'runId', request, 'a run');
  if (!runStatuses.includes(run.status as RunStatus)) {
    throw new SupervityResponseError(request, `a run whose status ${JSON.stringify(run.status)} is not one of ${runStatuses.join(', ')}`);
  }
  if (run.outputs !== undefined) object(run.outputs, request, 'run outputs');
  if (run.review !== undefined) parseReview(run.review, request);
  if (run.error !== undefined) run.error = parseRunError(run.error, request);
  return run as SupervityRun;
}

function parseReview(value: unknown, request: RequestFacts): void {
  const review = object(value, request, 'a run review');
  nonEmptyString(review, 'formId', request, 'a run review');
  const actions = review.allowedActions;
  if (actions !== undefined && actions !== null && !(Array.isArray(actions) && actions.every((action) => typeof action === 'string'))) {
    throw new SupervityResponseError(request, 'a run review whose allowedActions is not a list of strings');
  }
}

function parseRunError(value: unknown, request: RequestFacts): Json {
  const error = object(value, request, 'a run error');
  if (error.retryable !== undefined && typeof error.retryable !== 'boolean') {
    throw new SupervityResponseError(request, `a run error whose retryable is ${JSON.stringify(error.retryable)}, not a boolean`);
  }
  const reason = typeof error.reason === 'string' ? error.reason : 'unspecified';
  return { ...error, reason, message: typeof error.message === 'string' ? error.message : reason, retryable: error.retryable === true };
}

/** A review form. Requires `formId`; `runId` and `status` default to what the caller knows. */
export function parseReviewForm(body: unknown, request: RequestFacts, known: { runId?: string } = {}): ReviewForm {
  const form = object(body, request, 'a review form');
  nonEmptyString(form, 'formId', request, 'a review form');
  return { ...form, runId: typeof form.runId === 'string' ? form.runId : (known.runId ?? ''), status: typeof form.status === 'string' ? form.status : 'pending' } as ReviewForm;
}

/** A list of review forms: a JSON array, or an object holding one under `items`, `forms` or `data`. */
export function parseReviewList(body: unknown, request: RequestFacts, known: { runId?: string } = {}): ReviewForm[] {
  const list = Array.isArray(body) ? body : ['items', 'forms', 'data'].map((key) => (body as Json | null)?.[key]).find(Array.isArray);
  if (!list) throw new SupervityResponseError(request, 'a review list that is neither an array nor an object with items, forms or data');
  return list.map((form) => parseReviewForm(form, request, known));
}

/** A submit receipt; fields the server leaves out are filled from the request (`formId`, `action`). */
export function parseReviewReceipt(body: unknown, request: RequestFacts, sent: { formId: string; action: string }): ReviewReceipt {
  const receipt = body === '' || body === undefined ? {} : object(body, request, 'a review receipt');
  return {
    ...receipt,
    formId: typeof receipt.formId === 'string' ? receipt.formId : sent.formId,
    action: typeof receipt.action === 'string' ? receipt.action : sent.action,
    status: typeof receipt.status === 'string' ? receipt.status : 'submitted',
  };
}

function object(value: unknown, request: RequestFacts, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SupervityResponseError(request, `${what} that is not a JSON object (got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value})`);
  }
  return value as Json;
}

function nonEmptyString(value: Json, key: string, request: RequestFacts, what: string): void {
  if (typeof value[key] !== 'string' || value[key] === '') {
    throw new SupervityResponseError(request, `${what} without a ${key} (a non-empty string is required)`);
  }
}

function withoutNulls(value: Json, keys: string[]): Json {
  const copy = { ...value };
  for (const key of keys) if (copy[key] === null) delete copy[key];
  return copy;
}
