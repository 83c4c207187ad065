// The naive baseline: what a user writes in an afternoon. One activity creates the run and polls it
// every 5 s until it ends: no heartbeat, no idempotency key, no messages.
import type { Duration } from '@temporalio/common';
import { proxyActivities } from '@temporalio/workflow';
import type { NaiveActivities, NaiveRunInput, NaiveRun } from './activities';

/** Input of {@link naiveAgentRunWorkflow}. */
export interface NaiveWorkflowInput extends NaiveRunInput {
  /** How long one attempt of the activity may run; a generous hour unless the bench needs it shorter. */
  startToCloseTimeout?: Duration;
}

/** Runs a Supervity agent the naive way and returns the run as last read. */
export async function naiveAgentRunWorkflow(input: NaiveWorkflowInput): Promise<NaiveRun> {
  const { runAgentNaively } = proxyActivities<NaiveActivities>({
    startToCloseTimeout: input.startToCloseTimeout ?? '1 hour',
    retry: { maximumAttempts: 5 },
  });
  return await runAgentNaively({ workflowId: input.workflowId, inputs: input.inputs });
}
