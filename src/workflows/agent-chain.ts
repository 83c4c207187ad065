// agentChainWorkflow: runs a DAG of agent steps, each as its own agentRunWorkflow child, feeding
// outputs forward through `$from`. The graph, references and step states are pure helpers beside
// this file; here only children, cancellation and messages are sequenced.
import { ApplicationFailure } from '@temporalio/common';
import {
  CancellationScope, CancelledFailure, ChildWorkflowFailure, allHandlersFinished, condition, executeChild,
  getExternalWorkflowHandle, isCancellation, setHandler, workflowInfo,
} from '@temporalio/workflow';
import { FailureType } from '../failure-types';
import { planChain, type ChainPlan, type PlannedStep } from './chain-graph';
import { chainInputError, resolveStepInputs } from './chain-refs';
import { ChainTracker } from './chain-state';
import type { AgentChainInput, AgentChainResult, ChainStepFailure, StepReviewForwarded, StepReviewRequest } from './chain-types';
import { chainStatusQuery, chainStepRunSignal, reviewDecisionSignal, submitStepReviewUpdate } from './messages';
import type { AgentRunInput, AgentRunResult } from './types';

/** The workflow type each step runs as (by name: the chain does not import its code). */
export const chainStepWorkflowType = 'agentRunWorkflow';

type AgentRunWorkflow = (input: AgentRunInput) => Promise<AgentRunResult>;

/**
 * Runs a chain of agents: every step is an `agentRunWorkflow` child with the id
 * `<chain workflow id>/<step name>`; steps without a path between them run in parallel.
 * Fails `SupervityInvalidInput` before starting anything when the chain is malformed (unknown step,
 * bad `$from`, cycle). With `failFast` a failed step cancels the running ones and the chain fails
 * with an ApplicationFailure of the step's own type (see {@link chainStepFailure}); with `continue`
 * the result lists what completed, failed and was skipped. Cancelling the chain cancels its steps.
 */
export async function agentChainWorkflow(input: AgentChainInput): Promise<AgentChainResult> {
  const plan = planChain(input);
  const tracker = new ChainTracker(plan, workflowInfo().workflowId);
  installHandlers(tracker);
  const errors = await runSteps(plan, tracker);
  if (CancellationScope.current().consideredCancelled) {
    tracker.skipPending();
    tracker.finish('cancelled');
    throw new CancelledFailure('the chain was cancelled; its running steps were cancelled with it');
  }
  const failed = tracker.firstFailure();
  if (failed && plan.failurePolicy === 'failFast') {
    tracker.skipPending(failed.name);
    tracker.finish('failed');
    throw chainStepFailure(failed.name, failed.workflowId, errors.get(failed.name));
  }
  const result = tracker.result();
  tracker.finish(result.status);
  await condition(allHandlersFinished);
  return result;
}

function installHandlers(tracker: ChainTracker): void {
  setHandler(chainStatusQuery, () => tracker.status());
  setHandler(chainStepRunSignal, (report) => tracker.reported(report));
  setHandler(submitStepReviewUpdate, (request) => forwardReview(tracker, request), {
    validator: (request: StepReviewRequest) => checkReviewRequest(tracker, request),
  });
}

/** Starts steps as they become ready until none is running; answers each failed step's error. */
async function runSteps(plan: ChainPlan, tracker: ChainTracker): Promise<Map<string, unknown>> {
  const scope = new CancellationScope();
  const running = new Map<string, Promise<void>>();
  const errors = new Map<string, unknown>();
  let halted = false;
  for (;;) {
    halted ||= CancellationScope.current().consideredCancelled;
    for (const step of halted ? [] : tracker.readySteps()) {
      tracker.started(step.name);
      const done = scope.run(() => runStep(step, tracker, errors)).finally(() => running.delete(step.name));
      running.set(step.name, done);
    }
    if (running.size === 0) return errors;
    await Promise.race(running.values());
    if (plan.failurePolicy === 'failFast' && tracker.firstFailure() && !halted) {
      halted = true;
      scope.cancel();
    }
    tracker.skipBlocked();
  }
}

/** Runs one step's child workflow; records how it ended and never throws. */
async function runStep(step: PlannedStep, tracker: ChainTracker, errors: Map<string, unknown>): Promise<void> {
  const { workflowId } = tracker.step(step.name)!;
  try {
    const inputs = resolveStepInputs(step.name, step.run.inputs, tracker.outputs());
    const result = await executeChild<AgentRunWorkflow>(chainStepWorkflowType, {
      workflowId,
      args: [{ ...step.run, inputs, reportToParent: true }],
      parentClosePolicy: 'REQUEST_CANCEL',
      cancellationType: 'WAIT_CANCELLATION_COMPLETED',
    });
    tracker.completed(step.name, result);
  } catch (err) {
    const byChain = CancellationScope.current().consideredCancelled;
    if (!byChain) errors.set(step.name, err);
    if (!isCancellation(err)) tracker.failed(step.name, describeFailure(err));
    else tracker.cancelled(step.name, byChain ? undefined : describeFailure(err));
  }
}

/** The failure of a step as its workflow (or the `$from` resolution) reported it. */
function describeFailure(err: unknown): ChainStepFailure {
  const cause = err instanceof ChildWorkflowFailure ? err.cause : err;
  if (cause instanceof ApplicationFailure) {
    return { type: cause.type ?? FailureType.RunFailed, message: cause.message, details: cause.details ?? undefined };
  }
  if (isCancellation(cause)) return { type: FailureType.RunCancelled, message: "the step's workflow was cancelled" };
  return { type: FailureType.RunFailed, message: cause instanceof Error ? cause.message : String(cause) };
}

/**
 * The failure a `failFast` chain ends with: an ApplicationFailure of the step's own type (e.g.
 * `SupervityRunFailed`), so callers match chains and single runs alike. Its first detail is the
 * step's first detail (run facts) plus `chainStep` and `workflowId`; its cause is the child failure.
 * A bad `$from` is already a `SupervityInvalidInput` naming the step and path, and is thrown as is.
 */
function chainStepFailure(name: string, workflowId: string, err: unknown): ApplicationFailure {
  if (err instanceof ApplicationFailure) return err;
  const { type, message, details = [] } = describeFailure(err);
  const [first, ...rest] = details;
  const facts = typeof first === 'object' && first !== null ? first : {};
  return ApplicationFailure.create({
    type,
    message: `chain step "${name}" failed: ${message}`,
    nonRetryable: true,
    details: [{ ...facts, chainStep: name, workflowId }, ...rest],
    cause: err instanceof Error ? err : undefined,
  });
}

/** Update validator: the step exists, is running and the decision names an action. */
function checkReviewRequest(tracker: ChainTracker, request: StepReviewRequest): void {
  const step = tracker.step(request?.step);
  if (!step) {
    const names = tracker.status().steps.map(({ name }) => name);
    throw chainInputError(`no step "${request?.step}" in this chain (steps: ${names.join(', ')})`, { step: request?.step });
  }
  if (step.state !== 'running' && step.state !== 'waiting') {
    throw chainInputError(`step "${step.name}" is ${step.state}: only a running step can take a review decision`, { step: step.name });
  }
  if (typeof request.decision?.action !== 'string' || !request.decision.action) {
    throw chainInputError(`the decision for step "${step.name}" needs an action, e.g. { "action": "approve" }`, { step: step.name });
  }
}

/** Delivers the decision as the step workflow's `reviewDecision` signal; answers once it was delivered. */
async function forwardReview(tracker: ChainTracker, { step, decision }: StepReviewRequest): Promise<StepReviewForwarded> {
  const { workflowId } = tracker.step(step)!;
  await getExternalWorkflowHandle(workflowId).signal(reviewDecisionSignal, decision);
  return { step, workflowId };
}
