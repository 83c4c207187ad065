// agentRunWorkflow: starts a Supervity run, watches it through human-review pauses, re-executes
// retry-eligible failures and returns the outputs. Pure state lives in RunTracker; this file only
// sequences activities, timers and messages.
import { ApplicationFailure } from '@temporalio/common';
import {
  CancellationScope, allHandlersFinished, condition, continueAsNew, isCancellation, log, setHandler, sleep, workflowInfo,
} from '@temporalio/workflow';
import { FailureType } from '../failure-types';
import type { ReviewDecision, SupervityRun } from '../supervity/types';
import { cancelRunBestEffort, changeWatcher, executeRun, getRun, progressBudgetMs, progressPoller, submitReview } from './activity-proxies';
import { reviewDecisionSignal, runUpdatedSignal, statusQuery, submitReviewUpdate } from './messages';
import { resolveRunOptions, retryDelayMs, reviewWaitSliceMs, type RunOptions } from './options';
import { reviewTimedOut, runCancelled, runFailed, isQuietEnd, surfaceActivityFailure } from './run-failures';
import { RunTracker, decisionProblem, isTerminal } from './run-tracker';
import { publishSearchAttributes } from './publish-search-attributes';
import { reportReviewChange } from './report-to-parent';
import type { AgentRunInput, AgentRunResult } from './types';

/** Our own bound on history length, below the server's suggestion. */
export const historyEventLimit = 2_000;

const activeStatuses: ReadonlySet<string> = new Set(['starting', 'scheduled', 'running']);

/** Runs a Supervity agent to completion as a durable step. See {@link AgentRunInput}. */
export async function agentRunWorkflow(input: AgentRunInput): Promise<AgentRunResult> {
  const options = resolveRunOptions(input);
  const run = new RunTracker(input.resume);
  installHandlers(run);
  try {
    for (;;) {
      if (!run.runId) await startAttempt(run, options);
      const final = await watchUntilTerminal(run, options, input);
      if (final.status === 'completed') {
        const { runId, outputs = {}, startedAt, completedAt } = final;
        return { runId, status: 'completed', outputs, startedAt, completedAt, attempts: run.attempts, reviews: run.reviews };
      }
      if (final.status === 'cancelled') throw runCancelled(run, final);
      if (!final.error?.retryable || run.attempt >= options.retry.maximumAttempts) throw runFailed(run, final, options.retry.maximumAttempts);
      log.info('Supervity run failed and is retry-eligible; re-executing', { runId: final.runId, attempt: run.attempt + 1 });
      await sleep(retryDelayMs(options.retry, run.attempt + 1));
      run.nextAttempt();
    }
  } catch (err) {
    if (isCancellation(err)) await cancelSupervityRun(run);
    throw surfaceActivityFailure(err);
  }
}

function installHandlers(run: RunTracker): void {
  setHandler(statusQuery, () => run.snapshot());
  setHandler(runUpdatedSignal, () => {
    run.wakeRequested = true;
  });
  setHandler(reviewDecisionSignal, (decision) => {
    if (typeof decision?.action === 'string' && decision.action) void run.enqueue(decision);
    else log.warn('Ignored a reviewDecision signal without an action');
  });
  setHandler(
    submitReviewUpdate,
    async (decision) => {
      const seq = run.enqueue({ ...decision, formId: decision.formId ?? run.review!.formId });
      await condition(() => run.outcomes.has(seq));
      const outcome = run.outcomes.get(seq)!;
      run.outcomes.delete(seq);
      if ('receipt' in outcome) return outcome.receipt;
      throw ApplicationFailure.create({ type: FailureType.ReviewRejected, message: outcome.error.message, nonRetryable: true });
    },
    {
      validator: (decision: ReviewDecision) => {
        const problem = decisionProblem(run, decision);
        if (problem) throw new Error(`submitReview rejected: ${problem}`);
      },
    },
  );
}

async function startAttempt(run: RunTracker, options: RunOptions): Promise<void> {
  const { workflowId, inputs } = options;
  const response = await executeRun({ workflowId, inputs, attempt: run.attempt, firstExecutionRunId: workflowInfo().firstExecutionRunId });
  run.started(response, Date.now());
  publishSearchAttributes(run);
  log.info('Supervity run created', { runId: response.runId, status: response.status, attempt: run.attempt });
}

async function watchUntilTerminal(run: RunTracker, options: RunOptions, input: AgentRunInput): Promise<SupervityRun> {
  const executionStartedAt = Date.now();
  for (;;) {
    if (!(await relayQueuedDecision(run))) await continueAsNewIfDue(run, options, input, executionStartedAt);
    run.wakeRequested = false;
    const seen = await nextChange(run, options, executionStartedAt);
    if (seen === 'quiet') continue;
    const latest = seen ?? (await getRun(run.runId));
    const before = { status: run.status, formId: run.review?.formId };
    run.observe(latest, Date.now(), options.review.timeoutMs);
    if (before.status !== run.status) log.info('Supervity run state changed', { runId: run.runId, from: before.status, to: run.status });
    publishSearchAttributes(run);
    if (input.reportToParent) await reportReviewChange(run, before);
    if (isTerminal(latest.status)) return latest;
  }
}

/** The run as next seen; `undefined` when a message asks for a read now; `quiet` when a wait ended without news. */
async function nextChange(run: RunTracker, options: RunOptions, executionStartedAt: number): Promise<SupervityRun | undefined | 'quiet'> {
  const formId = run.review?.formId;
  // Fast, heartbeating polls while the run moves, and right after a decision until Supervity acts on it.
  if (activeStatuses.has(run.status) || run.decisionInFlight) {
    const poll = progressPoller(options.polling);
    const status = run.status === 'starting' ? undefined : run.status;
    return await untilWoken(run, () => poll({ runId: run.runId, status, formId, polling: pollingMs(options), budget: progressBudgetMs }));
  }
  if (run.status !== 'waiting') return undefined;
  const now = Date.now();
  if (run.reviewDeadline !== undefined && now >= run.reviewDeadline) return await timeOutReview(run, options);
  const remaining = Math.min(run.reviewDeadline ?? Infinity, executionStartedAt + reviewWaitSliceMs) - now;
  if (remaining < options.review.pollMs) {
    await condition(() => run.wakeRequested, Math.max(1, remaining));
    return undefined;
  }
  const watch = changeWatcher(options.review.pollMs, remaining);
  try {
    return await untilWoken(run, () => watch({ runId: run.runId, status: 'waiting', formId }));
  } catch (err) {
    if (isQuietEnd(err)) return 'quiet';
    throw err;
  }
}

function pollingMs({ polling }: RunOptions) {
  return { initialInterval: polling.initialMs, maxInterval: polling.maxMs, backoffCoefficient: polling.coefficient };
}

/** Runs `work` until it settles or a message asks for attention; cancels whichever loses. */
async function untilWoken<T>(run: RunTracker, work: () => Promise<T>): Promise<T | undefined> {
  return await CancellationScope.cancellable(async () => {
    try {
      return await Promise.race([work(), condition(() => run.wakeRequested).then(() => undefined)]);
    } finally {
      CancellationScope.current().cancel();
    }
  });
}

/** Relays the queued decision for the pending form, once; true when one was relayed (or refused). */
async function relayQueuedDecision(run: RunTracker): Promise<boolean> {
  const decision = run.takeDecision();
  if (!decision) return false;
  const problem = decisionProblem(run, decision);
  if (problem) {
    log.warn('Review decision not relayed', { formId: decision.formId, problem });
    run.relayed(decision, { error: new Error(problem) }, Date.now());
    return true;
  }
  try {
    const { reviewer: _reviewer, ...sent } = decision;
    run.relayed(decision, { receipt: await submitReview({ formId: decision.formId, decision: sent }) }, Date.now());
    log.info('Review decision relayed', { formId: decision.formId, action: decision.action });
  } catch (err) {
    if (isCancellation(err)) throw err;
    const cause = (err as { cause?: Error }).cause ?? (err as Error);
    log.warn('Supervity refused the review decision', { formId: decision.formId, error: cause.message });
    run.relayed(decision, { error: cause }, Date.now());
  }
  return true;
}

async function continueAsNewIfDue(run: RunTracker, options: RunOptions, input: AgentRunInput, executionStartedAt: number): Promise<void> {
  const info = workflowInfo();
  // Roll over once less than one fallback poll of the slice is left: waiting that out would cost a timer and a read.
  const sliceOver = run.status === 'waiting' && Date.now() + options.review.pollMs >= executionStartedAt + reviewWaitSliceMs;
  if (!(sliceOver || info.continueAsNewSuggested || info.historyLength > historyEventLimit)) return;
  // Let in-flight handlers finish first, unless one waits on a decision this loop must relay.
  await condition(() => allHandlersFinished() || run.pendingDecisions.length > 0);
  if (!allHandlersFinished()) return;
  log.info('Continuing as new', { runId: run.runId, status: run.status, historyLength: info.historyLength });
  await continueAsNew<typeof agentRunWorkflow>({ ...input, resume: run.resumeState() });
}

async function timeOutReview(run: RunTracker, options: RunOptions): Promise<never> {
  const formId = run.review?.formId;
  const cancel = options.review.onTimeout === 'cancel-run';
  if (cancel) run.observe(await cancelRunBestEffort(run.runId), Date.now());
  throw reviewTimedOut(run, formId, cancel);
}

/** On workflow cancellation: cancel the Supervity run too (best effort, recorded), then end cancelled. */
async function cancelSupervityRun(run: RunTracker): Promise<void> {
  if (!run.runId || isTerminal(run.status)) return;
  await CancellationScope.nonCancellable(async () => {
    try {
      run.observe(await cancelRunBestEffort(run.runId), Date.now());
      publishSearchAttributes(run);
    } catch (err) {
      log.warn('Could not cancel the Supervity run', { runId: run.runId, error: (err as Error).message });
    }
  });
}
