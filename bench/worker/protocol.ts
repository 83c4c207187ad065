// What the bench tells a worker child process, and what the child reports back over IPC.

/** Which worker: the package's (`createWorker`), the bare-Temporal reference, or the naive baseline. */
export type WorkerKind = 'ours' | 'bare' | 'naive';

/** One worker a child runs. */
export interface WorkerSpec {
  kind: WorkerKind;
  taskQueue: string;
  /** The worker option of that name; default: the SDK's (sized from the heap limit). */
  maxCachedWorkflows?: number;
}

/**
 * A worker child's configuration, passed in the `BENCH_WORKER` environment variable as JSON. A child
 * may run several workers (one process start instead of several); cases that measure a worker's
 * memory give it a child of its own.
 */
export interface WorkerChildConfig {
  workers: WorkerSpec[];
  address: string;
  namespace: string;
  /** The bench's workflow bundle (built once per bench run). */
  bundlePath: string;
  /** The simulator (ours and naive). */
  apiUrl: string;
  token: string;
  /** How often the child reports its status; default 250 ms. */
  statusIntervalMs?: number;
}

/** The child's worker and process state at one moment. */
export interface WorkerSample {
  at: number;
  /** Resident set size of the whole worker process (JS heap, native core, everything), bytes. */
  rss: number;
  /** Activity executions in flight (the activity task slots in use), by task queue. */
  inFlightActivities: Record<string, number>;
  /** Workflows in the workers' caches, all workers together. */
  cachedWorkflows: number;
}

/** Messages from a worker child. */
export type ChildMessage = { type: 'ready' } | ({ type: 'sample' } & WorkerSample) | { type: 'failed'; message: string };

/** The environment variable holding {@link WorkerChildConfig}. */
export const configVariable = 'BENCH_WORKER';
