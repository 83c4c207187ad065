// What the CLI prints: progress lines, outputs, failures and status, for people (and --json for scripts).
import { ApplicationFailure, CancelledFailure, TerminatedFailure, TimeoutFailure } from '@temporalio/common';
import { WorkflowFailedError } from '@temporalio/client';
import type { AgentRunResult, AgentRunStatus } from '../workflows/types';
import type { FollowEvent } from './follow';

const indent = (text: string, by = '  ') => text.split('\n').map((line) => by + line).join('\n');

/** The exact command that submits `action` on a run, for copy and paste. */
export function reviewCommand(workflowId: string, action: string): string {
  return `supervity-temporal review ${workflowId} ${action}`;
}

/** One progress event as lines for a person watching the run. */
export function formatEvent(event: FollowEvent, workflowId: string): string {
  switch (event.kind) {
    case 'state':
      return `${event.status.status}${event.status.runId ? ` (run ${event.status.runId}, attempt ${event.status.attempt})` : ''}`;
    case 'retry':
      return `retry: run ${event.failed.runId} failed (${event.failed.error?.reason ?? 'no reason given'}: ${event.failed.error?.message ?? ''}); starting attempt ${event.next}`;
    case 'decision':
      return `review: "${event.record.action}" on form ${event.record.formId}${event.record.reviewer ? ` by ${event.record.reviewer}` : ''} relayed to Supervity`;
    case 'unavailable':
      return `(status not available: ${event.reason})`;
    case 'review': {
      const { formId, step, prompt, allowedActions } = event.review;
      const actions = allowedActions?.length ? allowedActions : ['approve', 'reject'];
      return [
        `waiting for review: form ${formId}${step ? ` at step "${step}"` : ''}`,
        ...(prompt ? [`  prompt: ${prompt}`] : []),
        `  allowed actions: ${allowedActions?.length ? allowedActions.join(', ') : 'any'}`,
        ...actions.map((action) => `  to ${action}: ${reviewCommand(workflowId, action)}`),
      ].join('\n');
    }
  }
}

/** A completed run's outputs and how it got there. */
export function formatResult(result: AgentRunResult): string {
  const reviews = result.reviews.map((r) => `${r.action}${r.reviewer ? ` by ${r.reviewer}` : ''}`).join(', ');
  return [
    `completed: run ${result.runId} after ${result.attempts.length} attempt(s)${reviews ? `, reviews: ${reviews}` : ''}`,
    'outputs:',
    indent(JSON.stringify(result.outputs, null, 2)),
  ].join('\n');
}

/** Why a run ended without outputs, as facts (for --json) */
export interface FailureSummary {
  type: string;
  message: string;
  details?: unknown;
}

/** The failure behind a `WorkflowFailedError` (the workflow's ApplicationFailure type, cancellation...). */
export function failureSummary(err: unknown): FailureSummary {
  const cause = err instanceof WorkflowFailedError ? err.cause : err;
  if (cause instanceof ApplicationFailure) {
    return { type: cause.type ?? 'ApplicationFailure', message: cause.message, details: cause.details?.length === 1 ? cause.details[0] : cause.details };
  }
  if (cause instanceof CancelledFailure) return { type: 'Cancelled', message: 'the workflow was cancelled' };
  if (cause instanceof TerminatedFailure) return { type: 'Terminated', message: cause.message || 'the workflow was terminated' };
  if (cause instanceof TimeoutFailure) return { type: 'TimedOut', message: cause.message || 'the workflow timed out' };
  return { type: cause instanceof Error ? cause.name : 'Error', message: cause instanceof Error ? cause.message : String(cause) };
}

/** A failure for a person: type, message and the run facts. */
export function formatFailure(summary: FailureSummary): string {
  const details = summary.details === undefined ? '' : `\n${indent(JSON.stringify(summary.details, null, 2))}`;
  return `failed: ${summary.type}: ${summary.message}${details}`;
}

/** The `status` query answer for a person, with the workflow's own state. */
export function formatStatus(workflowId: string, execution: string, status: AgentRunStatus | undefined): string {
  const lines = [`workflow ${workflowId}: ${execution}`];
  if (!status) return lines.join('\n');
  lines.push(`run: ${status.runId || '(not created yet)'}  status: ${status.status}  attempt: ${status.attempt}`);
  if (status.waitingSince) lines.push(`waiting since: ${status.waitingSince}`);
  if (status.lastCheckedAt) lines.push(`last checked: ${status.lastCheckedAt}`);
  if (status.status === 'waiting' && status.review) lines.push(formatEvent({ kind: 'review', review: status.review }, workflowId));
  for (const attempt of status.attempts.filter((a) => a.error)) lines.push(`attempt ${attempt.runId}: ${attempt.status} (${attempt.error?.reason}: ${attempt.error?.message})`);
  for (const review of status.reviews) lines.push(`review: ${review.action} on ${review.formId} at ${review.at}${review.reviewer ? ` by ${review.reviewer}` : ''}`);
  return lines.join('\n');
}
