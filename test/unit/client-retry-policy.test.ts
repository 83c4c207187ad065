import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiErrorFromStatus, SupervityConnectionError, SupervityInputError, SupervityTimeoutError } from '../../src/supervity/errors';
import { decideRetry, parseRetryAfter } from '../../src/supervity/retry-policy';

const request = { method: 'GET', path: '/api/v1/workflow-runs/r1' };
const context = { attempt: 1, idempotent: true, maxRetryAfterMs: 60_000 };
const status = (code: number, retryAfterMs?: number) => apiErrorFromStatus({ ...request, status: code, retryAfterMs });

describe('retry policy: transient faults of idempotent requests retry, nothing else does', () => {
  it('retries connection errors, timeouts, 408, 429 and 5xx', () => {
    for (const error of [new SupervityConnectionError(request, 'reset'), new SupervityTimeoutError(request, 'slow'), status(408), status(429), status(500), status(503)]) {
      assert.equal(decideRetry(error, context).retry, true, error.message);
    }
  });

  it('never retries 4xx answers, local input errors or foreign errors', () => {
    for (const error of [status(400), status(401), status(403), status(404), status(409), status(422), new SupervityInputError('bad'), new TypeError('bug')]) {
      assert.equal(decideRetry(error, context).retry, false, String(error));
    }
  });

  it('never retries a non-idempotent request (execute without an idempotency key)', () => {
    assert.equal(decideRetry(status(503), { ...context, idempotent: false }).retry, false);
    assert.equal(decideRetry(new SupervityConnectionError(request, 'reset'), { ...context, idempotent: false }).retry, false);
  });

  it('waits what Retry-After says, capped', () => {
    assert.deepEqual(decideRetry(status(429, 3_000), context), { retry: true, delayMs: 3_000, fromServer: true });
    assert.deepEqual(decideRetry(status(503, 3_600_000), context), { retry: true, delayMs: 60_000, fromServer: true });
  });

  it('else backs off exponentially with jitter, capped', () => {
    const ceilings = { 1: 500, 2: 1_000, 3: 2_000, 10: 8_000 };
    for (const [attempt, ceiling] of Object.entries(ceilings)) {
      const decision = decideRetry(status(503), { ...context, attempt: Number(attempt) });
      assert.equal(decision.fromServer, false);
      assert.ok(decision.delayMs >= ceiling * 0.75 && decision.delayMs <= ceiling, `attempt ${attempt}: ${decision.delayMs} ms`);
    }
  });
});

describe('Retry-After parsing', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads delta seconds and HTTP dates', () => {
    assert.equal(parseRetryAfter('7', now), 7_000);
    assert.equal(parseRetryAfter('1.5', now), 1_500);
    assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now), 0);
  });
  it('ignores absent or malformed values', () => {
    assert.equal(parseRetryAfter(undefined, now), undefined);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter('', now), undefined);
  });
});
