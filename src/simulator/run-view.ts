// How runs and forms look on the wire (DESIGN.md section 3) and in the stats.
import type { ReviewForm, SupervityRun } from '../supervity/types';
import { currentEntry, history, isTerminal, type RunRecord, type TimelineEntry } from './run-engine';
import type { FailureSpec, ReviewStep } from './scenario-types';
import { render, type TemplateContext } from './template';
import type { RunStats } from './types';

const iso = (ms: number): string => new Date(ms).toISOString();

/** What the run's placeholders can read (the latest decision is `review`). */
export function templateContext(run: RunRecord): TemplateContext {
  const decided = [...run.decisions.entries()].sort(([a], [b]) => a - b).at(-1);
  const review = decided && { formId: run.formIds.get(decided[0]) ?? '', action: decided[1].action, data: decided[1].data, comment: decided[1].comment };
  return { runId: run.runId, workflowId: run.workflowId, attempt: run.attempt, inputs: run.inputs, review };
}

function reviewStep(run: RunRecord, index: number): ReviewStep['review'] {
  return (run.scenario.steps?.[index] as ReviewStep).review;
}

function failureView(failure: FailureSpec, context: TemplateContext): SupervityRun['error'] {
  return { reason: failure.reason, step: failure.step, message: String(render(failure.message, context)), retryable: failure.retryable };
}

function startedAt(past: TimelineEntry[]): number | undefined {
  return past.find((entry) => entry.status === 'running')?.at;
}

/** The run object of `GET /api/v1/workflow-runs/:runId`. */
export function runView(run: RunRecord, now: number): SupervityRun {
  const past = history(run, now);
  const current = past[past.length - 1];
  const started = startedAt(past);
  const view: SupervityRun = { runId: run.runId, workflowId: run.workflowId, status: current.status, attempt: run.attempt, createdAt: iso(run.createdAt) };
  if (started !== undefined) view.startedAt = iso(started);
  if (isTerminal(current.status)) view.completedAt = iso(current.at);
  const context = templateContext(run);
  if (current.status === 'completed') view.outputs = render(run.scenario.outputs ?? {}, context) as Record<string, unknown>;
  if (current.status === 'failed' && current.failure) view.error = failureView(current.failure, context);
  if (current.status === 'waiting' && current.reviewIndex !== undefined) {
    const form = formView(run, current.reviewIndex, now);
    view.review = { formId: form.formId, step: form.step, prompt: form.prompt, allowedActions: form.allowedActions };
  }
  return view;
}

/** The form of review step `index`: `pending` while the run waits on it, then `submitted` or `cancelled`. */
export function formView(run: RunRecord, index: number, now: number): ReviewForm & { createdAt: string } {
  const review = reviewStep(run, index);
  const decision = run.decisions.get(index);
  const opened = history(run, now).find((entry) => entry.reviewIndex === index);
  const status = decision ? 'submitted' : currentEntry(run, now).reviewIndex === index ? 'pending' : 'cancelled';
  const form: ReviewForm & { createdAt: string } = {
    formId: run.formIds.get(index) ?? '',
    runId: run.runId,
    workflowId: run.workflowId,
    status,
    step: review.step,
    prompt: review.prompt === undefined ? undefined : String(render(review.prompt, templateContext(run))),
    allowedActions: review.allowedActions,
    createdAt: iso(opened?.at ?? now),
  };
  if (decision) form.decision = { action: decision.action, data: decision.data, comment: decision.comment };
  if (decision) form.submittedAt = iso(decision.at);
  return form;
}

/** True once the run has reached review step `index` (its form exists). */
export function formReached(run: RunRecord, index: number, now: number): boolean {
  return history(run, now).some((entry) => entry.reviewIndex === index);
}

/** The run as `/_sim/stats` reports it (epoch ms). */
export function runStats(run: RunRecord, now: number): RunStats {
  const past = history(run, now);
  const current = past[past.length - 1];
  const stats: RunStats = {
    workflowId: run.workflowId,
    status: current.status,
    attempt: run.attempt,
    createdAt: run.createdAt,
    statusChanges: past.map((entry) => ({ status: entry.status, at: entry.at })),
  };
  if (isTerminal(current.status)) stats.completedAt = current.at;
  return stats;
}
