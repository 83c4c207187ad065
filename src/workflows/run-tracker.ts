// What agentRunWorkflow knows about its Supervity run: pure state, no Temporal calls, so it is
// unit-tested without a server and carried whole across continue-as-new.
import type { ExecuteRunResponse, ReviewDecision, ReviewReceipt, RunReview, RunStatus, SupervityRun } from '../supervity/types';
import type { AgentRunResumeState, AgentRunStatus, AttemptRecord, ReviewRecord } from './types';

/** States a run never leaves. */
export function isTerminal(status: RunStatus | 'starting'): boolean {
  return status === 'completed' || status === 'failed' || status === 'cancelled';
}

/** Why a decision cannot be relayed now; `undefined` when it can. */
export function decisionProblem(state: RunTracker, decision: ReviewDecision): string | undefined {
  if (typeof decision?.action !== 'string' || decision.action === '') return 'a decision needs a non-empty action';
  const review = state.review;
  if (state.status !== 'waiting' || !review) return `the run is ${state.status}, not waiting for a review`;
  if (decision.formId !== undefined && decision.formId !== review.formId) {
    return `form ${decision.formId} is not the pending form (${review.formId})`;
  }
  const allowed = review.allowedActions;
  if (allowed && !allowed.includes(decision.action)) {
    return `action '${decision.action}' is not allowed by form ${review.formId}; allowed: ${allowed.join(', ')}`;
  }
  return undefined;
}

/** The outcome of relaying one decision, as the update handler that queued it waits for it. */
export type RelayOutcome = { receipt: ReviewReceipt } | { error: Error };

/** A decision waiting to be relayed, numbered so its sender can find its outcome. */
export type QueuedDecision = ReviewDecision & { seq: number };

/** The run's state as the workflow last saw it, and the decisions queued for it. */
export class RunTracker {
  runId = '';
  attempt = 1;
  status: RunStatus | 'starting' = 'starting';
  review?: RunReview;
  waitingSince?: string;
  reviewDeadline?: number;
  lastCheckedAt?: string;
  attempts: AttemptRecord[] = [];
  reviews: ReviewRecord[] = [];
  pendingDecisions: QueuedDecision[] = [];
  /** Receipts of relayed decisions by form id: a form is decided once, later decisions are no-ops. */
  readonly receipts = new Map<string, ReviewReceipt>();
  /** Set by messages: re-read the run now instead of waiting for the next poll. */
  wakeRequested = false;
  readonly outcomes = new Map<number, RelayOutcome>();
  private nextSeq = 1;

  constructor(resume?: AgentRunResumeState) {
    if (!resume) return;
    const { receipts, ...rest } = resume;
    Object.assign(this, rest);
    for (const receipt of receipts) this.receipts.set(receipt.formId, receipt);
    this.nextSeq = Math.max(0, ...this.pendingDecisions.map((d) => d.seq)) + 1;
  }

  /** Records a freshly created run as the current attempt. */
  started(response: ExecuteRunResponse, now: number): void {
    this.runId = response.runId;
    this.attempts.push({ runId: response.runId, status: response.status });
    this.observe({ runId: response.runId, status: response.status }, now);
  }

  /** Takes in a run as read from Supervity; a new review form starts a new wait. */
  observe(run: SupervityRun, now: number, reviewTimeoutMs?: number): void {
    const isNewForm = run.status === 'waiting' && run.review?.formId !== this.review?.formId;
    this.status = run.status;
    this.lastCheckedAt = new Date(now).toISOString();
    const current = this.attempts[this.attempts.length - 1];
    if (current?.runId === run.runId) {
      current.status = run.status;
      if (run.error) current.error = run.error;
    }
    if (run.status !== 'waiting') {
      this.review = undefined;
      this.waitingSince = undefined;
      this.reviewDeadline = undefined;
      return;
    }
    if (isNewForm || !this.waitingSince) {
      this.review = run.review;
      this.waitingSince = new Date(now).toISOString();
      this.reviewDeadline = reviewTimeoutMs === undefined ? undefined : now + reviewTimeoutMs;
    }
  }

  /** Moves on to a new logical attempt (a new run will be created). */
  nextAttempt(): void {
    this.attempt += 1;
    this.runId = '';
    this.status = 'starting';
  }

  /** Queues a decision; one for a form already decided is a no-op answered with that form's receipt. */
  enqueue(decision: ReviewDecision): number {
    const seq = this.nextSeq++;
    const receipt = decision.formId ? this.receipts.get(decision.formId) : undefined;
    if (receipt) {
      this.outcomes.set(seq, { receipt });
      return seq;
    }
    this.pendingDecisions.push({ ...decision, seq });
    this.wakeRequested = true;
    return seq;
  }

  /** The queued decision for the pending form, if any; answers duplicates of decided forms on the way. */
  takeDecision(): (QueuedDecision & { formId: string }) | undefined {
    this.pendingDecisions = this.pendingDecisions.filter((d) => {
      const receipt = d.formId ? this.receipts.get(d.formId) : undefined;
      if (receipt) this.outcomes.set(d.seq, { receipt });
      return !receipt;
    });
    const formId = this.review?.formId;
    if (this.status !== 'waiting' || !formId) return undefined;
    const index = this.pendingDecisions.findIndex((d) => !d.formId || d.formId === formId);
    if (index < 0) return undefined;
    const [decision] = this.pendingDecisions.splice(index, 1);
    return { ...decision, formId };
  }

  /** True once a decision for the pending form was accepted and Supervity has yet to act on it. */
  get decisionInFlight(): boolean {
    return this.status === 'waiting' && !!this.review && this.receipts.has(this.review.formId);
  }

  /** Records the outcome of relaying a decision; only an accepted one decides the form. */
  relayed(decision: QueuedDecision & { formId: string }, outcome: RelayOutcome, now: number): void {
    this.outcomes.set(decision.seq, outcome);
    if (!('receipt' in outcome)) return;
    this.receipts.set(decision.formId, outcome.receipt);
    this.reviews.push({ formId: decision.formId, action: decision.action, reviewer: decision.reviewer, at: new Date(now).toISOString() });
  }

  /** The `status` query's answer. */
  snapshot(): AgentRunStatus {
    return {
      runId: this.runId,
      status: this.status,
      attempt: this.attempt,
      review: this.review,
      waitingSince: this.waitingSince,
      lastCheckedAt: this.lastCheckedAt,
      attempts: this.attempts,
      reviews: this.reviews,
    };
  }

  /** Everything a continued execution needs; never re-executes the run. */
  resumeState(): AgentRunResumeState {
    return {
      runId: this.runId,
      attempt: this.attempt,
      attempts: this.attempts,
      reviews: this.reviews,
      status: this.status === 'starting' ? 'scheduled' : this.status,
      review: this.review,
      waitingSince: this.waitingSince,
      lastCheckedAt: this.lastCheckedAt,
      reviewDeadline: this.reviewDeadline,
      pendingDecisions: this.pendingDecisions,
      receipts: [...this.receipts.values()],
    };
  }
}
