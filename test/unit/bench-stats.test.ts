import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { median, percentile, summarize } from '../../bench/lib/stats';

describe('bench percentiles (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose

  it('answers the smallest sample with at least p% at or below it', () => {
    assert.equal(percentile(hundred, 50), 50);
    assert.equal(percentile(hundred, 99), 99);
    assert.equal(percentile(hundred, 100), 100);
    assert.equal(percentile([7], 99), 7);
  });

  it('makes p99 of 50 samples the largest one', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => i + 1);
    assert.equal(percentile(fifty, 99), 50);
    assert.equal(percentile(fifty, 50), 25);
  });

  it('refuses to invent a figure from no samples or a bad rank', () => {
    assert.throws(() => percentile([], 50), /no samples/);
    assert.throws(() => percentile([1], 0), /\(0, 100\]/);
    assert.throws(() => percentile([1], 101), /\(0, 100\]/);
  });

  it('summarises without reordering the caller’s list', () => {
    const values = [3, 1, 2];
    assert.deepEqual(summarize(values), { count: 3, min: 1, p50: 2, p90: 3, p99: 3, max: 3, mean: 2 });
    assert.deepEqual(values, [3, 1, 2]);
  });

  it('takes the median of odd and even counts', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });
});
