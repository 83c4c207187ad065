// Inputs, results and status of agentRunWorkflow (DESIGN.md section 4). Types only.
import type { Duration } from '@temporalio/common';
import type { InputValue, ReviewDecision, ReviewReceipt, RunError, RunReview, RunStatus } from '../supervity/types';

/** How often to read a run while it is `scheduled`/`running`. */
export interface PollingOptions {
  /** First poll interval; default `1s`. */
  initialInterval?: Duration;
  /** Longest interval between polls; default `5s`. */
  maxInterval?: Duration;
  /** Growth of the interval per poll; default `1.5`. */
  backoffCoefficient?: number;
}

/** What to do while the run waits for a human review. */
export interface ReviewOptions {
  /** Give up waiting after this long (per review); default: wait indefinitely. */
  timeout?: Duration;
  /** On timeout: `fail` the workflow (default) or `cancel-run` in Supervity first, then fail. */
  onTimeout?: 'fail' | 'cancel-run';
  /** Fallback poll while waiting, for decisions nobody told the workflow about; default `1 hour`. */
  pollInterval?: Duration;
}

/** Re-execution of runs that fail with `retryable: true`. */
export interface RunRetryOptions {
  /** Runs in all, the first included; default `3`. `1` never re-executes. */
  maximumAttempts?: number;
  /** Delay before the second run; default `10s`. */
  initialInterval?: Duration;
  /** Growth of the delay per attempt; default `2`. */
  backoffCoefficient?: number;
  /** Longest delay; default `10 minutes`. */
  maximumInterval?: Duration;
}

/** One Supervity run started by the workflow. */
export interface AttemptRecord {
  runId: string;
  status: RunStatus;
  error?: RunError;
}

/** One review decision relayed by the workflow. */
export interface ReviewRecord {
  formId: string;
  action: string;
  reviewer?: string;
  /** ISO time the decision was relayed (workflow time). */
  at: string;
}

/** State carried across continue-as-new; set by the workflow itself, never by callers. */
export interface AgentRunResumeState {
  runId: string;
  attempt: number;
  attempts: AttemptRecord[];
  reviews: ReviewRecord[];
  status: RunStatus;
  review?: RunReview;
  waitingSince?: string;
  lastCheckedAt?: string;
  /** When the current review times out (epoch ms, workflow time), if `review.timeout` is set. */
  reviewDeadline?: number;
  /** Decisions received but not yet relayed when the execution rolled over. */
  pendingDecisions: (ReviewDecision & { seq: number })[];
  /** Receipts of the decisions already relayed (later ones for the same form are no-ops). */
  receipts: ReviewReceipt[];
}

/** Input of `agentRunWorkflow`. */
export interface AgentRunInput {
  /** The Supervity workflow id to run. */
  workflowId: string;
  inputs?: Record<string, InputValue>;
  polling?: PollingOptions;
  review?: ReviewOptions;
  retry?: RunRetryOptions;
  /** Set by agentChainWorkflow: signal the parent (`chainStepRun`) when the run starts or stops waiting for a review. */
  reportToParent?: boolean;
  /** Internal: state carried across continue-as-new. */
  resume?: AgentRunResumeState;
}

/** Result of `agentRunWorkflow`: the completed run's outputs and how it got there. */
export interface AgentRunResult {
  runId: string;
  status: 'completed';
  outputs: Record<string, unknown>;
  startedAt?: string;
  completedAt?: string;
  attempts: AttemptRecord[];
  reviews: ReviewRecord[];
}

/** Answer of the `status` query. */
export interface AgentRunStatus {
  /** Empty until the first run is created. */
  runId: string;
  status: RunStatus | 'starting';
  /** The logical attempt (1-based). */
  attempt: number;
  review?: RunReview;
  waitingSince?: string;
  lastCheckedAt?: string;
  attempts: AttemptRecord[];
  reviews: ReviewRecord[];
}

/** Argument of the `runUpdated` signal: a hint that the run changed. */
export interface RunUpdatedHint {
  runId?: string;
  status?: RunStatus;
}
