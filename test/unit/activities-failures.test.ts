import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { deriveIdempotencyKey } from '../../src/activities/idempotency-key';
import { toActivityFailure } from '../../src/activities/failures';
import { FailureType } from '../../src/failure-types';
import * as errors from '../../src/supervity/errors';

const request = { method: 'POST', path: '/api/v1/workflow-runs/execute' };
const api = (status: number, extra: Partial<errors.ApiErrorFacts> = {}) => errors.apiErrorFromStatus({ ...request, status, ...extra });

function mapped(error: unknown): ApplicationFailure {
  const failure = toActivityFailure(error, 1);
  assert.ok(failure instanceof ApplicationFailure, `expected an ApplicationFailure, got ${String(failure)}`);
  return failure;
}

describe('client errors map to ApplicationFailure per DESIGN.md section 4', () => {
  it('403 -> SupervityPermissionDenied, non-retryable, details carry the violation', () => {
    const failure = mapped(api(403, { violation: 'policy "x" forbids it', serverMessage: 'denied' }));
    assert.deepEqual([failure.type, failure.nonRetryable], [FailureType.PermissionDenied, true]);
    assert.equal((failure.details?.[0] as { violation: string }).violation, 'policy "x" forbids it');
  });

  it('400, 422, 409 and local input errors -> SupervityInvalidInput, non-retryable, details carry the field', () => {
    for (const error of [api(400), api(422, { field: 'inputs[query]' }), api(409), new errors.SupervityInputError('bad', 'doc')]) {
      const failure = mapped(error);
      assert.deepEqual([failure.type, failure.nonRetryable], [FailureType.InvalidInput, true], String(error));
    }
    assert.equal((mapped(api(422, { field: 'inputs[query]' })).details?.[0] as { field: string }).field, 'inputs[query]');
  });

  it('404 -> SupervityNotFound and 401 -> SupervityUnauthorized, non-retryable', () => {
    assert.deepEqual([mapped(api(404)).type, mapped(api(404)).nonRetryable], [FailureType.NotFound, true]);
    assert.deepEqual([mapped(api(401)).type, mapped(api(401)).nonRetryable], [FailureType.Unauthorized, true]);
  });

  it('429, 5xx, connection errors and timeouts -> SupervityApiUnavailable, retryable, Retry-After as nextRetryDelay', () => {
    const limited = mapped(api(429, { retryAfterMs: 7_000 }));
    assert.deepEqual([limited.type, limited.nonRetryable, limited.nextRetryDelay], [FailureType.ApiUnavailable, false, 7_000]);
    for (const error of [api(503), new errors.SupervityConnectionError(request, 'reset'), new errors.SupervityTimeoutError(request, 'slow')]) {
      const failure = mapped(error);
      assert.deepEqual([failure.type, failure.nonRetryable, failure.nextRetryDelay], [FailureType.ApiUnavailable, false, undefined], String(error));
    }
  });

  it('a response that makes no sense is non-retryable, typed by its error name', () => {
    const failure = mapped(new errors.SupervityResponseError({ method: 'GET', path: '/x' }, 'a run without a runId'));
    assert.deepEqual([failure.type, failure.nonRetryable], ['SupervityResponseError', true]);
  });

  it('passes cancellation, ApplicationFailures and foreign errors through unchanged', () => {
    for (const error of [new CancelledFailure('CANCELLED'), ApplicationFailure.retryable('x', 'Y'), new TypeError('bug')]) {
      assert.equal(toActivityFailure(error, 1), error);
    }
  });
});

describe('the execute idempotency key is derived, never random', () => {
  it('is stable for the same workflow, first run and attempt', () => {
    assert.equal(deriveIdempotencyKey('wf-1', 'run-a', 1), deriveIdempotencyKey('wf-1', 'run-a', 1));
    assert.match(deriveIdempotencyKey('wf-1', 'run-a', 1), /^stk1-[0-9a-f]{64}$/);
  });
  it('differs when the workflow id, the first execution or the attempt differs', () => {
    const keys = new Set([deriveIdempotencyKey('wf-1', 'run-a', 1), deriveIdempotencyKey('wf-2', 'run-a', 1), deriveIdempotencyKey('wf-1', 'run-b', 1), deriveIdempotencyKey('wf-1', 'run-a', 2)]);
    assert.equal(keys.size, 4);
  });
});
