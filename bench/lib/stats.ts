// Percentiles and summaries of latency samples (pure; unit-tested).

/** The nearest-rank percentile `p` (0 < p <= 100) of `values`: the smallest sample with at least p% of samples at or below it. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of no samples: measure at least one');
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
}

/** Count, extremes, mean and the percentiles the bench reports. */
export interface Distribution {
  count: number;
  min: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Summarises samples; throws on an empty list, since a figure from no samples would be invented. */
export function summarize(values: readonly number[]): Distribution {
  const p = (q: number) => percentile(values, q);
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  return { count: values.length, min: Math.min(...values), p50: p(50), p90: p(90), p99: p(99), max: Math.max(...values), mean };
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
