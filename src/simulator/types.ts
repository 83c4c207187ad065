// Public types of the simulator: options, route names, fault rules and the stats document.
import type { RunStatus } from '../supervity/types';
import type { Scenario } from './scenario-types';

/** Every route the simulator serves, by the name stats and fault rules use. */
export const ROUTE_NAMES = ['execute', 'getRun', 'cancelRun', 'listReviews', 'getReviewForm', 'submitReview'] as const;

/** One of {@link ROUTE_NAMES}. */
export type RouteName = (typeof ROUTE_NAMES)[number];

/**
 * A fault to inject. Every matching rule fires independently: latencies add up, and the first fired
 * rule with a `status` or `reset` decides the outcome.
 */
export interface FaultRule {
  /** Only this route (default: every route). */
  route?: RouteName;
  /** Only requests about this Supervity workflowId (execute's field, or the run's / form's run's). */
  scenario?: string;
  /** Delay before the answer (or before the reset). */
  latencyMs?: number;
  /** Answer this HTTP status instead of doing the work, e.g. 503, or 429 with `retryAfterSeconds`. */
  status?: number;
  /** Sent as `Retry-After` with `status`. */
  retryAfterSeconds?: number;
  /**
   * `before-response`: destroy the socket instead of doing the work. `after-create`: do the work
   * (on execute: create the run and record its idempotency key), then destroy the socket unanswered.
   */
  reset?: 'before-response' | 'after-create';
  /** Fire for the first N matching requests only. */
  times?: number;
  /** Fire with this probability (0..1) per matching request. */
  rate?: number;
}

/** Options of {@link startSimulator}. */
export interface SimulatorOptions {
  /** TCP port (default 0: a free port). */
  port?: number;
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** The bearer token every request must carry (default `sim-token`). */
  token?: string;
  /** Scenarios by Supervity workflowId, merged over the built-ins. */
  scenarios?: Record<string, Scenario>;
  /** Fault rules in force from the start. */
  faults?: FaultRule[];
  /** Largest accepted file part in bytes (default 25 MiB); bigger gets 413. */
  maxFileBytes?: number;
  /** Seed for the `rate` of fault rules, for reproducible runs (default: Math.random). */
  seed?: number;
  /** The simulator's clock in epoch ms (default `Date.now`); run states advance on it. */
  clock?: () => number;
}

/** One run as `GET /_sim/stats` reports it (times in epoch ms). */
export interface RunStats {
  workflowId: string;
  status: RunStatus;
  attempt: number;
  createdAt: number;
  completedAt?: number;
  statusChanges: { status: RunStatus; at: number }[];
}

/** The document `GET /_sim/stats` and `sim.stats()` answer. */
export interface SimulatorStats {
  /** Requests per route (every request that reached a route, answered or not). */
  calls: Record<RouteName, number>;
  runsCreated: number;
  /** Executes answered with an existing run because their `Idempotency-Key` was seen before. */
  idempotentReplays: number;
  /** Get-run requests per run. */
  polls: Record<string, number>;
  runs: Record<string, RunStats>;
}

/** A running simulator. */
export interface Simulator {
  /** Base URL, e.g. `http://127.0.0.1:PORT`: the `SUPERVITY_API_URL` to use. */
  url: string;
  /** Same document as `GET /_sim/stats`. */
  stats(): SimulatorStats;
  /** Replaces the fault rules (their `times` counters restart). */
  setFaults(rules: FaultRule[]): void;
  /** Stops listening, drops open connections and pending latencies; leaves no timer behind. */
  close(): Promise<void>;
}
