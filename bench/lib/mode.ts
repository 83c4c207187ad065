// The two bench sizes: `--quick` (under 3 minutes on 2 cores) and the full run.

/** Sizes and durations of every case. */
export interface ModeParams {
  name: 'quick' | 'full';
  throughput: { runs: number; warmup: number; rounds: number };
  /** Case 2: how much faster than real time the simulator's clock runs. */
  sixty: { clockSpeed: number };
  wake: { runs: number; spacingMs: number };
  lag: { runs: number; minMs: number; maxMs: number };
  /** Case 6; `capped` repeats it on a worker with a smaller workflow cache, to show what bounds RSS. */
  parked: { runs: number; naiveRuns: number; windowMs: number; startConcurrency: number; capped: { runs: number; maxCachedWorkflows: number } };
  kill: { runs: number; runningMs: number; naiveStartToClose: string };
}

/** `--quick`: small sizes, short waits. */
export const quickMode: ModeParams = {
  name: 'quick',
  throughput: { runs: 150, warmup: 10, rounds: 1 },
  sixty: { clockSpeed: 10 },
  wake: { runs: 50, spacingMs: 50 },
  lag: { runs: 50, minMs: 2_000, maxMs: 12_000 },
  parked: { runs: 200, naiveRuns: 150, windowMs: 8_000, startConcurrency: 50, capped: { runs: 200, maxCachedWorkflows: 50 } },
  kill: { runs: 20, runningMs: 5_000, naiveStartToClose: '20s' },
};

/** The full run: the sizes DESIGN.md section 5 names. */
export const fullMode: ModeParams = {
  name: 'full',
  throughput: { runs: 500, warmup: 50, rounds: 3 },
  sixty: { clockSpeed: 1 },
  wake: { runs: 100, spacingMs: 200 },
  lag: { runs: 100, minMs: 2_000, maxMs: 90_000 },
  parked: { runs: 10_000, naiveRuns: 500, windowMs: 60_000, startConcurrency: 50, capped: { runs: 2_500, maxCachedWorkflows: 250 } },
  kill: { runs: 50, runningMs: 20_000, naiveStartToClose: '1 minute' },
};
