import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApplicationFailure } from '@temporalio/common';
import { resolveRunOptions, retryDelayMs } from '../../src/workflows/options';
import type { AgentRunInput } from '../../src/workflows/types';

function rejection(input: unknown): ApplicationFailure {
  try {
    resolveRunOptions(input as AgentRunInput);
  } catch (err) {
    assert.ok(err instanceof ApplicationFailure);
    return err;
  }
  assert.fail('expected SupervityInvalidInput');
}

describe('agentRunWorkflow input validation', () => {
  it('applies the documented defaults', () => {
    const options = resolveRunOptions({ workflowId: 'demo.summarize' });
    assert.deepEqual(options.polling, { initialMs: 1000, maxMs: 5_000, coefficient: 1.5 });
    assert.deepEqual(options.review, { timeoutMs: undefined, onTimeout: 'fail', pollMs: 3_600_000 });
    assert.deepEqual(options.retry, { maximumAttempts: 3, initialMs: 10_000, coefficient: 2, maximumMs: 600_000 });
    assert.deepEqual(options.inputs, {});
  });

  it('accepts Temporal duration strings and milliseconds', () => {
    const options = resolveRunOptions({ workflowId: 'w', review: { timeout: '7 days', pollInterval: 60_000 } });
    assert.equal(options.review.timeoutMs, 7 * 86_400_000);
    assert.equal(options.review.pollMs, 60_000);
  });

  const cases: Array<[string, unknown, RegExp]> = [
    ['a missing input', undefined, /input must be an object/],
    ['a missing workflowId', { inputs: {} }, /workflowId must be the non-empty Supervity workflow id/],
    ['a malformed duration', { workflowId: 'w', polling: { maxInterval: 'soon' } }, /polling.maxInterval must be a duration/],
    ['a coefficient below 1', { workflowId: 'w', retry: { backoffCoefficient: 0.5 } }, /retry.backoffCoefficient must be a number >= 1/],
    ['a fallback poll longer than a wait slice allows', { workflowId: 'w', review: { pollInterval: '30 days' } }, /review.pollInterval must be at most 60 hours/],
    ['zero attempts', { workflowId: 'w', retry: { maximumAttempts: 0 } }, /retry.maximumAttempts must be an integer >= 1/],
    ['an unknown timeout policy', { workflowId: 'w', review: { onTimeout: 'ignore' } }, /review.onTimeout must be 'fail' or 'cancel-run'/],
    ['a file with two sources', { workflowId: 'w', inputs: { doc: { file: { path: 'a', url: 'b' } } } }, /inputs.doc.file must have exactly one of path, url or base64/],
    ['base64 without a filename', { workflowId: 'w', inputs: { doc: { file: { base64: 'aGk=' } } } }, /inputs.doc.filename is required/],
    ['an oversized inline file', { workflowId: 'w', inputs: { doc: { file: { base64: 'a'.repeat(600_000) }, filename: 'x' } } }, /pass large files as/],
    ['a nested array', { workflowId: 'w', inputs: { tags: [['a']] } }, /inputs.tags\[0\] must be/],
    ['a non-finite number', { workflowId: 'w', inputs: { n: Number.NaN } }, /inputs.n must be a finite number/],
  ];
  for (const [name, input, message] of cases) {
    it(`rejects ${name} with SupervityInvalidInput naming the field`, () => {
      const failure = rejection(input);
      assert.equal(failure.type, 'SupervityInvalidInput');
      assert.equal(failure.nonRetryable, true);
      assert.match(failure.message, message);
    });
  }

  it('accepts every input type of the API', () => {
    const inputs = {
      query: 'Summarize', max_tokens: 300, draft: false, tags: ['a', 'b'], meta: { nested: { ok: true } },
      doc: { file: { path: 'contract.pdf' } }, remote: { file: { url: 'https://example.com/a.pdf' } },
      inline: { file: { base64: 'aGk=' }, filename: 'hi.txt' },
    };
    assert.deepEqual(resolveRunOptions({ workflowId: 'w', inputs }).inputs, inputs);
  });
});

describe('re-execution backoff', () => {
  it('grows by the coefficient from the second attempt and caps at the maximum', () => {
    const retry = { maximumAttempts: 10, initialMs: 1000, coefficient: 2, maximumMs: 5000 };
    assert.deepEqual([2, 3, 4, 5].map((attempt) => retryDelayMs(retry, attempt)), [1000, 2000, 4000, 5000]);
  });
});
