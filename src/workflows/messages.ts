// Every signal, update and query of agentRunWorkflow and agentChainWorkflow, shared by the workflows,
// client, CLI and tests.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ReviewDecision, ReviewReceipt } from '../supervity/types';
import type { AgentChainStatus, ChainStepRunReport, StepReviewForwarded, StepReviewRequest } from './chain-types';
import type { AgentRunStatus, RunUpdatedHint } from './types';

/** A human decision made outside Supervity; relayed once per form. */
export const reviewDecisionSignal = defineSignal<[ReviewDecision]>('reviewDecision');

/** Like {@link reviewDecisionSignal}, but validated first and answered with the receipt once relayed. */
export const submitReviewUpdate = defineUpdate<ReviewReceipt, [ReviewDecision]>('submitReview');

/** A hint that the run changed (webhook, UI, another system): the workflow re-reads it at once. */
export const runUpdatedSignal = defineSignal<[RunUpdatedHint]>('runUpdated');

/** The run's current state, pending review and attempts. */
export const statusQuery = defineQuery<AgentRunStatus>('status');

// agentChainWorkflow's messages.

/** A chain's steps: each one's state, workflow id and (when its workflow reported it) pending review. */
export const chainStatusQuery = defineQuery<AgentChainStatus>('chainStatus');

/** Forwards a review decision to one step's workflow as its `reviewDecision` signal; rejected unless the step is running. */
export const submitStepReviewUpdate = defineUpdate<StepReviewForwarded, [StepReviewRequest]>('submitStepReview');

/** Sent by a chain step's workflow to its parent chain when its run changes (e.g. enters `waiting`). */
export const chainStepRunSignal = defineSignal<[ChainStepRunReport]>('chainStepRun');
