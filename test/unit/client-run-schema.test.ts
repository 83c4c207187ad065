import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SupervityResponseError } from '../../src/supervity/errors';
import { parseReviewList, parseReviewReceipt, parseRun } from '../../src/supervity/run-schema';

const request = { method: 'GET', path: '/api/v1/workflow-runs/r1' };

function refused(body: unknown, pattern: RegExp): void {
  assert.throws(() => parseRun(body, request), (error: unknown) => error instanceof SupervityResponseError && pattern.test(error.message));
}

describe('run parsing keeps what it does not know', () => {
  it('keeps unknown fields and drops known ones that are null', () => {
    const run = parseRun({ runId: 'r1', status: 'running', traceUrl: 'https://x', review: null, error: null, outputs: null }, request);
    assert.deepEqual(run, { runId: 'r1', status: 'running', traceUrl: 'https://x' });
  });

  it('accepts a failed run without an error object, and fills an error without retryable as not retryable', () => {
    assert.equal(parseRun({ runId: 'r1', status: 'failed' }, request).error, undefined);
    const run = parseRun({ runId: 'r1', status: 'failed', error: { message: 'boom', code: 7 } }, request);
    assert.deepEqual(run.error, { message: 'boom', code: 7, reason: 'unspecified', retryable: false });
  });
});

describe('run parsing refuses nonsense with an error naming the field', () => {
  it('refuses a body that is not an object', () => refused([], /answered a run that is not a JSON object \(got an array\)/));
  it('refuses a missing runId', () => refused({ status: 'running' }, /a run without a runId/));
  it('refuses an unknown status', () => refused({ runId: 'r1', status: 'done' }, /status "done" is not one of scheduled, running/));
  it('refuses a review without formId', () => refused({ runId: 'r1', status: 'waiting', review: { step: 'x' } }, /a run review without a formId/));
  it('refuses a non-boolean retryable', () => refused({ runId: 'r1', status: 'failed', error: { reason: 'x', message: 'y', retryable: 'yes' } }, /retryable is "yes", not a boolean/));
  it('says what to check', () => refused({}, /check the API URL and the routes configuration$/));
});

describe('review answers', () => {
  it('reads a list as an array or under items', () => {
    assert.equal(parseReviewList([{ formId: 'f1', runId: 'r1', status: 'pending' }], request).length, 1);
    assert.deepEqual(parseReviewList({ items: [{ formId: 'f1' }], total: 1 }, request, { runId: 'r1' }), [{ formId: 'f1', runId: 'r1', status: 'pending' }]);
    assert.throws(() => parseReviewList({ total: 0 }, request), SupervityResponseError);
  });
  it('fills a receipt from the request when the server says little', () => {
    assert.deepEqual(parseReviewReceipt(undefined, request, { formId: 'f1', action: 'approve' }), { formId: 'f1', action: 'approve', status: 'submitted' });
  });
});
