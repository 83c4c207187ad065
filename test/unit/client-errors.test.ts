import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { describe, it } from 'node:test';
import * as errors from '../../src/supervity/errors';
import { errorFromResponse } from '../../src/supervity/response-errors';

const token = 'tok-errors-SECRET-4f2a';
const request = { method: 'POST', path: '/api/v1/workflow-runs/execute' };

/** Every rendering of an error a log, a failure or a user could see. */
function renderings(error: Error): string[] {
  return [error.message, error.stack ?? '', JSON.stringify(error), inspect(error, { depth: 10 }), String(error)];
}

describe('one error hierarchy: a stable code and the server facts', () => {
  const cases: [number, string, new (...args: never[]) => errors.SupervityApiError][] = [
    [400, 'SUPERVITY_BAD_REQUEST', errors.SupervityBadRequestError],
    [401, 'SUPERVITY_UNAUTHORIZED', errors.SupervityUnauthorizedError],
    [403, 'SUPERVITY_PERMISSION_DENIED', errors.SupervityPermissionDeniedError],
    [404, 'SUPERVITY_NOT_FOUND', errors.SupervityNotFoundError],
    [409, 'SUPERVITY_CONFLICT', errors.SupervityConflictError],
    [422, 'SUPERVITY_INVALID_INPUT', errors.SupervityInvalidInputError],
    [429, 'SUPERVITY_RATE_LIMITED', errors.SupervityRateLimitError],
    [502, 'SUPERVITY_SERVER_ERROR', errors.SupervityServerError],
    [418, 'SUPERVITY_API_ERROR', errors.SupervityApiError],
  ];
  for (const [status, code, ErrorClass] of cases) {
    it(`maps ${status} to ${ErrorClass.name} (${code})`, () => {
      const error = errors.apiErrorFromStatus({ ...request, status });
      assert.ok(error instanceof ErrorClass);
      assert.ok(error instanceof errors.SupervityApiError && error instanceof errors.SupervityError);
      assert.equal(error.code, code);
      assert.equal(error.name, ErrorClass.name);
    });
  }

  it('reads the error body, Retry-After and the request id', () => {
    const body = JSON.stringify({ error: { code: 'invalid_input', message: 'inputs[query] is required', field: 'inputs[query]' } });
    const error = errorFromResponse(request, 422, { 'retry-after': '3', 'x-request-id': 'req-1' }, body, token);
    assert.ok(error instanceof errors.SupervityInvalidInputError);
    assert.equal(error.field, 'inputs[query]');
    assert.equal(error.serverMessage, 'inputs[query] is required');
    assert.equal(error.retryAfterMs, 3_000);
    assert.equal(error.message, 'POST /api/v1/workflow-runs/execute answered 422 invalid_input: inputs[query] is required (field: inputs[query]) [request req-1]');
  });

  it('keeps the violation of a 403', () => {
    const body = JSON.stringify({ error: { code: 'permission_denied', message: 'not permitted', violation: 'policy "no-pii" forbids it' } });
    const error = errorFromResponse(request, 403, {}, body, token);
    assert.equal(error.violation, 'policy "no-pii" forbids it');
    assert.match(error.message, /violation: policy "no-pii" forbids it/);
  });
});

describe('no error ever contains the token', () => {
  it('scrubs a token the server echoes, in every rendering of every error type', () => {
    const echoed = JSON.stringify({ error: { message: `bad header Bearer ${token}`, violation: `token ${token} lacks scope`, field: token } });
    const all: Error[] = [
      ...[400, 401, 403, 404, 409, 422, 429, 500].map((status) => errorFromResponse(request, status, {}, echoed, token)),
      errorFromResponse(request, 500, {}, `<html>upstream saw ${token}</html>`, token),
      new errors.SupervityConnectionError(request, 'connection failed (ECONNRESET): other side closed'),
      new errors.SupervityTimeoutError(request, 'no response headers within 30000 ms (timeouts.headers)'),
      new errors.SupervityInputError('input "doc": bad', 'doc'),
      new errors.SupervityResponseError(request, 'a run without a runId'),
      new errors.SupervityConfigError('token is required'),
    ];
    for (const error of all) {
      for (const text of renderings(error)) assert.ok(!text.includes(token), `${error.name} leaks the token: ${text}`);
    }
    assert.match(all[0]?.message ?? '', /Bearer \[redacted\]/);
  });
});
