// createActivities(config): the Supervity activities a worker registers (names per SupervityActivities).
import { activityInfo, ApplicationFailure, cancellationSignal, log } from '@temporalio/activity';
import { ApplicationFailureCategory } from '@temporalio/common';
import { FailureType } from '../failure-types';
import { SupervityClient } from '../supervity/client';
import type { SupervityClientOptions, SupervityLogger } from '../supervity/config';
import { SupervityInputError } from '../supervity/errors';
import { awaitRunProgress } from './await-run-progress';
import { toActivityFailure } from './failures';
import { deriveIdempotencyKey } from './idempotency-key';
import { runChanged } from './run-change';
import type { AwaitRunChangeInput, ExecuteRunInput, SubmitReviewInput, SupervityActivities } from './types';

/** Client logs go to the activity's logger (structured, with the activity's context attached). */
const activityLogger: SupervityLogger = {
  debug(message, attrs) {
    log.debug(message, attrs);
  },
  warn(message, attrs) {
    log.warn(message, attrs);
  },
};

/**
 * The Supervity activities on a client. Given options, the client is built with `maxRetries: 0`
 * (unless set) so Temporal's retry policy is the one that retries; given a client, it is used as is.
 */
export function createActivities(config: SupervityClientOptions | SupervityClient): SupervityActivities {
  const client = config instanceof SupervityClient ? config : new SupervityClient({ logger: activityLogger, ...config, maxRetries: config.maxRetries ?? 0 });
  return {
    executeRun: (input) => mapped(() => executeRun(client, input)),
    getRun: (runId) => mapped(() => client.getRun(runId, { signal: cancellationSignal() })),
    submitReview: (input: SubmitReviewInput) => mapped(() => client.submitReview(input.formId, input.decision, { signal: cancellationSignal() })),
    cancelRun: (runId) => mapped(() => client.cancelRun(runId, { signal: cancellationSignal() })),
    awaitRunProgress: (input) => mapped(() => awaitRunProgress(client, input)),
    awaitRunChange: (input) => mapped(() => awaitRunChange(client, input)),
  };
}

async function mapped<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toActivityFailure(error, activityInfo().attempt);
  }
}

async function executeRun(client: SupervityClient, input: ExecuteRunInput) {
  if (!Number.isInteger(input.attempt) || input.attempt < 1) throw new SupervityInputError(`attempt must be a positive integer, got ${String(input.attempt)}`);
  if (typeof input.firstExecutionRunId !== 'string' || input.firstExecutionRunId === '') {
    throw new SupervityInputError('firstExecutionRunId is required: pass workflowInfo().firstExecutionRunId');
  }
  const workflowId = activityInfo().workflowExecution?.workflowId;
  if (!workflowId) throw new SupervityInputError('executeRun must be called from a workflow: its idempotency key derives from the workflow id');
  const idempotencyKey = deriveIdempotencyKey(workflowId, input.firstExecutionRunId, input.attempt);
  log.info('executing Supervity workflow', { supervityWorkflowId: input.workflowId, attempt: input.attempt, idempotencyKey });
  const response = await client.executeRun(input.workflowId, input.inputs, { idempotencyKey, signal: cancellationSignal() });
  log.info('Supervity run created', { supervityWorkflowId: input.workflowId, runId: response.runId, status: response.status });
  return response;
}

async function awaitRunChange(client: SupervityClient, input: AwaitRunChangeInput) {
  const run = await client.getRun(input.runId, { signal: cancellationSignal() });
  if (!runChanged(run, input)) {
    throw ApplicationFailure.create({
      type: FailureType.RunUnchanged,
      message: `run ${input.runId} is still ${input.status}${input.formId ? ` on form ${input.formId}` : ''}`,
      nonRetryable: false,
      details: [{ runId: input.runId, status: run.status, formId: input.formId }],
      // Expected on every slow-poll attempt: logged at DEBUG by the worker, kept out of failure metrics.
      category: ApplicationFailureCategory.BENIGN,
    });
  }
  return run;
}
