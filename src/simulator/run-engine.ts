// The run state machine: a run's whole timeline is computed from its creation time, its scenario,
// its review decisions and its cancel time, so states advance on the clock with no timers at all.
import type { RunStatus } from '../supervity/types';
import type { FailureSpec, Scenario } from './scenario-types';

/** A review decision recorded on a form. */
export interface Decision {
  action: string;
  data?: Record<string, unknown>;
  comment?: string;
  at: number;
}

/** What the simulator stores of one run. */
export interface RunRecord {
  runId: string;
  workflowId: string;
  scenario: Scenario;
  attempt: number;
  createdAt: number;
  inputs: Record<string, unknown>;
  /** Form id of each review step, by step index. */
  formIds: Map<number, string>;
  /** Decisions by review step index. */
  decisions: Map<number, Decision>;
  cancelledAt?: number;
}

/** One status change of a run. */
export interface TimelineEntry {
  status: RunStatus;
  at: number;
  /** For `waiting`: the review step's index. */
  reviewIndex?: number;
  /** For `failed`: why. */
  failure?: FailureSpec;
}

// The failure a scenario ends with on `attempt`, if any.
function failureFor(scenario: Scenario, attempt: number): FailureSpec | undefined {
  const fail = scenario.fail;
  if (!fail || (fail.attempts && !fail.attempts.includes(attempt))) return undefined;
  return { reason: fail.reason, message: fail.message, step: fail.step, retryable: fail.retryable };
}

const TERMINAL: readonly RunStatus[] = ['completed', 'failed', 'cancelled'];

/** True for `completed`, `failed` and `cancelled`. */
export function isTerminal(status: RunStatus): boolean {
  return TERMINAL.includes(status);
}

function scriptTimeline(run: RunRecord): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  let at = run.createdAt;
  const steps = run.scenario.steps ?? [];
  for (const [index, step] of steps.entries()) {
    if ('status' in step) {
      if (entries.at(-1)?.status !== step.status) entries.push({ status: step.status, at });
      at += step.durationMs;
      continue;
    }
    entries.push({ status: 'waiting', at, reviewIndex: index });
    const decision = run.decisions.get(index);
    if (!decision) return entries;
    at = decision.at;
    const failure = (step).review.failOn?.[decision.action];
    if (failure) return [...entries, { status: 'failed', at, failure }];
  }
  const failure = failureFor(run.scenario, run.attempt);
  return [...entries, failure ? { status: 'failed', at, failure } : { status: 'completed', at }];
}

/** Every status change of the run, past and scripted future (open-ended while a review is undecided). */
export function timeline(run: RunRecord): TimelineEntry[] {
  const entries = scriptTimeline(run);
  if (run.cancelledAt === undefined) return entries;
  const cancelledAt = run.cancelledAt;
  return [...entries.filter((entry) => entry.at <= cancelledAt), { status: 'cancelled', at: cancelledAt }];
}

/** The status changes that have happened by `now`; the last one is the current state. */
export function history(run: RunRecord, now: number): TimelineEntry[] {
  const past = timeline(run).filter((entry) => entry.at <= now);
  // The first entry is at createdAt, so a run always has a state, even if the clock went backwards.
  return past.length > 0 ? past : timeline(run).slice(0, 1);
}

/** The run's state at `now`. */
export function currentEntry(run: RunRecord, now: number): TimelineEntry {
  const past = history(run, now);
  return past[past.length - 1];
}
