// The activity interface the workflows proxy. Types only: workflow code imports this file.
import type { Duration } from '@temporalio/common';
import type { ExecuteRunResponse, InputValue, ReviewDecision, ReviewReceipt, RunStatus, SupervityRun } from '../supervity/types';

/** Input of the `executeRun` activity. */
export interface ExecuteRunInput {
  /** The Supervity workflow id (the agent-generated workflow to run). */
  workflowId: string;
  inputs?: Record<string, InputValue>;
  /** Logical attempt of the calling workflow (1-based): part of the idempotency key. */
  attempt: number;
  /**
   * The calling workflow's `firstExecutionRunId` (stable across continue-as-new). With the
   * workflow id (from the activity context) and `attempt` it derives the `Idempotency-Key`.
   */
  firstExecutionRunId: string;
}

/** Input of the `awaitRunProgress` activity: poll a run until it leaves `scheduled`/`running`. */
export interface AwaitRunProgressInput {
  runId: string;
  /**
   * The status (and pending form) the caller last saw. Given, the poll ends as soon as the run
   * differs from it (`scheduled` -> `running`, or a decided form moving on); otherwise it ends
   * when the run is no longer `scheduled`/`running`.
   */
  status?: RunStatus;
  formId?: string;
  /** Backoff of the polls; defaults: 1s, x1.5, up to 5s. */
  polling?: { initialInterval?: Duration; maxInterval?: Duration; backoffCoefficient?: number };
  /** Return the last seen run when this much time has passed, even if it is still running. */
  budget: Duration;
}

/** Input of the `awaitRunChange` activity: one check that fails (retryably) while nothing changed. */
export interface AwaitRunChangeInput {
  runId: string;
  /** The status the workflow last saw, e.g. `waiting`. */
  status: RunStatus;
  /** The pending form the workflow last saw, if any: a new form counts as a change. */
  formId?: string;
}

/** Input of the `submitReview` activity. */
export interface SubmitReviewInput {
  formId: string;
  decision: ReviewDecision;
}

/** The activities `createActivities(config)` returns. */
export interface SupervityActivities {
  /** Creates a run (`POST execute`, with an idempotency key fixed per logical attempt). */
  executeRun(input: ExecuteRunInput): Promise<ExecuteRunResponse>;
  /** Reads a run once. */
  getRun(runId: string): Promise<SupervityRun>;
  /** Relays a review decision to the run's form. */
  submitReview(input: SubmitReviewInput): Promise<ReviewReceipt>;
  /** Asks Supervity to cancel a run; answers the run as it stands after. */
  cancelRun(runId: string): Promise<SupervityRun>;
  /** Heartbeating poll with backoff until the run leaves `scheduled`/`running` or the budget is spent. */
  awaitRunProgress(input: AwaitRunProgressInput): Promise<SupervityRun>;
  /**
   * One read; throws the retryable `SupervityRunUnchanged` failure while the run is as last seen, so
   * the activity's retry policy does the slow polling with no history growth and no slot held.
   */
  awaitRunChange(input: AwaitRunChangeInput): Promise<SupervityRun>;
}
