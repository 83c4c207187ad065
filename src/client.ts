// Client helpers: start, await, review, inspect, cancel and list agentRunWorkflow executions.
import { randomUUID } from 'node:crypto';
import { type Client, type WorkflowHandleWithFirstExecutionRunId, type WorkflowStartOptions, WorkflowUpdateFailedError } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import type { ReviewDecision, ReviewReceipt } from './supervity/types';
import { defaultTaskQueue } from './temporal-settings';
import { reviewDecisionSignal, statusQuery, submitReviewUpdate } from './workflows/messages';
import { SupervityRunIdKey, SupervityRunStatusKey } from './workflows/search-attributes';
import type { AgentRunInput, AgentRunResult, AgentRunStatus } from './workflows/types';

/** The workflow type name, as the worker registers it and the `temporal` CLI calls it. */
export const agentRunWorkflowType = 'agentRunWorkflow';

/** The signature of `agentRunWorkflow`, for typed handles without importing workflow code. */
export type AgentRunWorkflow = (input: AgentRunInput) => Promise<AgentRunResult>;

/** A handle on a started agent run. */
export type AgentRunHandle = WorkflowHandleWithFirstExecutionRunId<AgentRunWorkflow>;

/** Options of {@link startAgentRun}: any workflow start option, with defaults for the id and task queue. */
export interface StartAgentRunOptions extends Partial<Omit<WorkflowStartOptions<AgentRunWorkflow>, 'args'>> {
  /** Temporal workflow id; default `agent-run-<supervity workflow id>-<uuid>`. */
  workflowId?: string;
  /** Default `supervity`. */
  taskQueue?: string;
  /**
   * Keep the `SupervityRunStatus`/`SupervityRunId` search attributes current (default true): the run
   * starts with `SupervityRunStatus = 'starting'`, which tells the workflow to maintain them. On a
   * namespace without them registered, the run starts without (and `listWaitingRuns` says so).
   */
  trackStatus?: boolean;
}

/** Starts `agentRunWorkflow` for one Supervity workflow and answers its handle at once. */
export async function startAgentRun(client: Client, input: AgentRunInput, options: StartAgentRunOptions = {}): Promise<AgentRunHandle> {
  const { trackStatus = true, ...startOptions } = options;
  // One id for both tries, so the fallback start names the same workflow.
  const workflowId = options.workflowId ?? `agent-run-${input.workflowId}-${randomUUID()}`;
  const start = (track: boolean) =>
    client.workflow.start<AgentRunWorkflow>(agentRunWorkflowType, {
      ...startOptions,
      args: [input],
      workflowId,
      taskQueue: options.taskQueue ?? defaultTaskQueue,
      ...(track ? { typedSearchAttributes: withStatusAttribute(startOptions.typedSearchAttributes) } : {}),
    });
  if (!trackStatus) return await start(false);
  try {
    return await start(true);
  } catch (err) {
    if (!isUnregisteredAttribute(err)) throw err;
    return await start(false);
  }
}

function withStatusAttribute(given: StartAgentRunOptions['typedSearchAttributes']): TypedSearchAttributes {
  const base = given instanceof TypedSearchAttributes ? given : new TypedSearchAttributes(given ?? []);
  return base.updateCopy([{ key: SupervityRunStatusKey, value: 'starting' }]);
}

function isUnregisteredAttribute(err: unknown): boolean {
  const text = err instanceof Error ? `${err.message} ${err.cause instanceof Error ? err.cause.message : ''}` : '';
  return text.includes(SupervityRunStatusKey.name);
}

/** Starts an agent run and waits for its outputs (throws `WorkflowFailedError` if the run fails). */
export async function runAgent(client: Client, input: AgentRunInput, options: StartAgentRunOptions = {}): Promise<AgentRunResult> {
  const handle = await startAgentRun(client, input, options);
  return await handle.result();
}

/** A review decision the workflow refused (not waiting, unknown form, action not allowed). */
export class ReviewRejectedError extends Error {
  override readonly name = 'ReviewRejectedError';

  constructor(
    readonly workflowId: string,
    readonly decision: ReviewDecision,
    /** Why, as the workflow's validator or the Supervity API said it. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`review "${decision.action}" on ${workflowId} was rejected: ${reason}`, options);
  }
}

/**
 * Submits a review decision through the `submitReview` update: validated by the workflow, relayed
 * to Supervity, answered with the receipt. A refusal throws {@link ReviewRejectedError} at once.
 */
export async function submitReview(client: Client, workflowId: string, decision: ReviewDecision): Promise<ReviewReceipt> {
  try {
    return await client.workflow.getHandle(workflowId).executeUpdate(submitReviewUpdate, { args: [decision] });
  } catch (err) {
    if (!(err instanceof WorkflowUpdateFailedError)) throw err;
    throw new ReviewRejectedError(workflowId, decision, err.cause?.message ?? err.message, { cause: err });
  }
}

/** Sends a review decision as the `reviewDecision` signal (fire and forget: no validation answer). */
export async function signalReview(client: Client, workflowId: string, decision: ReviewDecision): Promise<void> {
  await client.workflow.getHandle(workflowId).signal(reviewDecisionSignal, decision);
}

/** The run's current state through the `status` query. */
export async function getRunStatus(client: Client, workflowId: string): Promise<AgentRunStatus> {
  return await client.workflow.getHandle(workflowId).query(statusQuery);
}

/** Requests cancellation: the workflow cancels the Supervity run (best effort) and ends cancelled. */
export async function cancelAgentRun(client: Client, workflowId: string): Promise<void> {
  await client.workflow.getHandle(workflowId).cancel();
}

/** One agent run waiting for a human review, as visibility reports it. */
export interface WaitingRun {
  workflowId: string;
  runId: string;
  taskQueue: string;
  startTime: Date;
  /** The Supervity run id (the `SupervityRunId` search attribute). */
  supervityRunId?: string;
}

/** The `SupervityRunStatus` search attribute is not registered, so waiting runs cannot be listed. */
export class SearchAttributeNotRegisteredError extends Error {
  override readonly name = 'SearchAttributeNotRegisteredError';

  constructor(readonly namespace: string, options?: { cause?: unknown }) {
    super(
      `search attribute SupervityRunStatus is not registered on namespace "${namespace}": ` +
        `run "temporal operator search-attribute create --namespace ${namespace} --name SupervityRunStatus --type Keyword" ` +
        `(and the same for SupervityRunId), or use "supervity-temporal dev", which registers both`,
      options,
    );
  }
}

/** Lists open agent runs whose `SupervityRunStatus` is `waiting` (visibility is eventually consistent). */
export async function listWaitingRuns(client: Client, options: { taskQueue?: string } = {}): Promise<WaitingRun[]> {
  const clauses = [`WorkflowType = '${agentRunWorkflowType}'`, `ExecutionStatus = 'Running'`, `${SupervityRunStatusKey.name} = 'waiting'`];
  if (options.taskQueue) clauses.push(`TaskQueue = '${options.taskQueue.replace(/'/g, "\\'")}'`);
  const runs: WaitingRun[] = [];
  try {
    for await (const info of client.workflow.list({ query: clauses.join(' AND ') })) {
      runs.push({
        workflowId: info.workflowId,
        runId: info.runId,
        taskQueue: info.taskQueue,
        startTime: info.startTime,
        supervityRunId: info.typedSearchAttributes.get(SupervityRunIdKey),
      });
    }
  } catch (err) {
    if (isUnregisteredAttribute(err)) {
      throw new SearchAttributeNotRegisteredError(client.options.namespace, { cause: err });
    }
    throw err;
  }
  return runs;
}
