// Inputs, results and status of agentChainWorkflow. Types only.
import type { InputValue, ReviewDecision, RunReview } from '../supervity/types';
import type { AgentRunInput, AgentRunResult, AgentRunStatus } from './types';

/**
 * An input taken from an earlier step's outputs, e.g. `{ "$from": "research.outputs.summary" }`.
 * Path syntax: `<step>.outputs`, then any of `.key`, `[index]`, `["any key"]`.
 */
export interface StepOutputRef {
  $from: string;
}

/** One step input: a literal value, or a reference to an earlier step's outputs. */
export type ChainInputValue = InputValue | StepOutputRef;

/** What one step runs: an `agentRunWorkflow` input whose inputs may hold `$from` references. */
export interface ChainStepRun extends Omit<AgentRunInput, 'resume' | 'inputs' | 'reportToParent'> {
  inputs?: Record<string, ChainInputValue>;
}

/** One named step of a chain. */
export interface ChainStep {
  /** Unique within the chain; letters, digits, `_` and `-`. Also the suffix of the step's workflow id. */
  name: string;
  run: ChainStepRun;
  /** Steps that must complete first, besides those the `$from` references already imply. */
  dependsOn?: string[];
}

/** `failFast` (default): cancel the running steps and fail. `continue`: run what does not depend on a failure. */
export type ChainFailurePolicy = 'failFast' | 'continue';

/** Input of `agentChainWorkflow`. */
export interface AgentChainInput {
  steps: ChainStep[];
  failurePolicy?: ChainFailurePolicy;
}

/** Where a step is. `waiting` is known only when the step's workflow reports it (see `chainStepRunSignal`). */
export type ChainStepState = 'pending' | 'running' | 'waiting' | 'completed' | 'failed' | 'skipped' | 'cancelled';

/** Why a step failed, as its workflow (or the chain, for a bad `$from`) reported it. */
export interface ChainStepFailure {
  /** The ApplicationFailure type, e.g. `SupervityRunFailed`, `SupervityInvalidInput`. */
  type: string;
  message: string;
  details?: unknown[];
}

/** One step as the chain sees it. */
export interface ChainStepStatus {
  name: string;
  /** The step's own workflow id, `<chain workflow id>/<step name>`: query, signal or cancel it there. */
  workflowId: string;
  /** Every step this one waits for (`dependsOn` plus `$from` references), sorted. */
  dependsOn: string[];
  state: ChainStepState;
  /** Workflow time (ISO) the step's workflow was started. */
  startedAt?: string;
  /** Workflow time (ISO) the step reached its final state. */
  endedAt?: string;
  /** The current Supervity run, when known. */
  runId?: string;
  /** The pending review form while `waiting`. */
  review?: RunReview;
  failure?: ChainStepFailure;
  /** For `skipped`: the failed, skipped or cancelled steps it depended on. */
  skippedBecause?: string[];
  /** For `completed`: what the step's workflow returned. */
  result?: AgentRunResult;
}

/** Answer of the chain's `chainStatus` query. */
export interface AgentChainStatus {
  state: 'running' | 'completed' | 'partial' | 'failed' | 'cancelled';
  failurePolicy: ChainFailurePolicy;
  /** In the order of the input. */
  steps: ChainStepStatus[];
}

/** Result of `agentChainWorkflow`. */
export interface AgentChainResult {
  /** `partial` only with `failurePolicy: 'continue'`, when a step failed. */
  status: 'completed' | 'partial';
  /** Every step, in the order of the input. */
  steps: ChainStepStatus[];
  /** The outputs of each completed step, by step name. */
  outputs: Record<string, Record<string, unknown>>;
  completed: string[];
  failed: string[];
  skipped: string[];
}

/** Argument of the chain's `submitStepReview` update: a review decision for one step. */
export interface StepReviewRequest {
  step: string;
  decision: ReviewDecision;
}

/** What `submitStepReview` answers once the decision was delivered to the step's workflow. */
export interface StepReviewForwarded {
  step: string;
  workflowId: string;
}

/** Argument of `chainStepRun`: a step's workflow telling its chain what its run is doing. */
export interface ChainStepRunReport {
  /** The reporting workflow's id, i.e. the step's `workflowId`. */
  workflowId: string;
  runId: string;
  status: AgentRunStatus['status'];
  review?: RunReview;
}
