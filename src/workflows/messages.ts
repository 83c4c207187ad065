// Every signal, update and query of agentRunWorkflow, shared by the workflow, client, CLI and tests.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ReviewDecision, ReviewReceipt } from '../supervity/types';
import type { AgentRunStatus, RunUpdatedHint } from './types';

/** A human decision made outside Supervity; relayed once per form. */
export const reviewDecisionSignal = defineSignal<[ReviewDecision]>('reviewDecision');

/** Like {@link reviewDecisionSignal}, but validated first and answered with the receipt once relayed. */
export const submitReviewUpdate = defineUpdate<ReviewReceipt, [ReviewDecision]>('submitReview');

/** A hint that the run changed (webhook, UI, another system): the workflow re-reads it at once. */
export const runUpdatedSignal = defineSignal<[RunUpdatedHint]>('runUpdated');

/** The run's current state, pending review and attempts. */
export const statusQuery = defineQuery<AgentRunStatus>('status');
