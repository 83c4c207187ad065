// `--follow`: polls the `status` query and turns each difference into a progress event.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@temporalio/client';
import { getRunStatus, type AgentRunWorkflow } from '../client';
import type { RunReview } from '../supervity/types';
import type { AgentRunResult, AgentRunStatus, AttemptRecord, ReviewRecord } from '../workflows/types';

/** Something worth telling a person watching a run. */
export type FollowEvent =
  | { kind: 'state'; status: AgentRunStatus }
  | { kind: 'retry'; failed: AttemptRecord; next: number }
  | { kind: 'review'; review: RunReview }
  | { kind: 'decision'; record: ReviewRecord }
  | { kind: 'unavailable'; reason: string };

/** The events between two successive `status` answers (`previous` undefined: the first answer). */
export function diffStatus(previous: AgentRunStatus | undefined, next: AgentRunStatus): FollowEvent[] {
  const events: FollowEvent[] = [];
  if (previous && next.attempt > previous.attempt) {
    const failed = next.attempts.find((a) => a.runId === previous.runId) ?? next.attempts.at(-2);
    if (failed) events.push({ kind: 'retry', failed, next: next.attempt });
  }
  for (const record of next.reviews.slice(previous?.reviews.length ?? 0)) events.push({ kind: 'decision', record });
  if (!previous || previous.status !== next.status || previous.runId !== next.runId) events.push({ kind: 'state', status: next });
  if (next.status === 'waiting' && next.review && next.review.formId !== previous?.review?.formId) events.push({ kind: 'review', review: next.review });
  return events;
}

/** Options of {@link followRun}. */
export interface FollowOptions {
  /** Time between `status` queries; default 500 ms. */
  intervalMs?: number;
  /** Called for every event, in order; awaited (so a handler may act, e.g. submit a review). */
  onEvent(event: FollowEvent): void | Promise<void>;
}

/** Reports progress until the workflow closes; resolves with its result or rejects with its failure. */
export async function followRun(client: Client, workflowId: string, options: FollowOptions): Promise<AgentRunResult> {
  const outcome = client.workflow.getHandle<AgentRunWorkflow>(workflowId).result();
  let done = false;
  const settled = outcome.then(() => undefined, () => undefined).finally(() => (done = true));
  let previous: AgentRunStatus | undefined;
  let lastProblem = '';
  while (!done) {
    try {
      const status = await getRunStatus(client, workflowId);
      for (const event of diffStatus(previous, status)) await options.onEvent(event);
      previous = status;
      lastProblem = '';
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (!done && reason !== lastProblem) await options.onEvent({ kind: 'unavailable', reason });
      lastProblem = reason;
    }
    await Promise.race([sleep(options.intervalMs ?? 500), settled]);
  }
  return await outcome;
}
