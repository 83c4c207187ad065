// Lets a parent chain show which step waits for a human review, and on which form, without
// querying its children (workflows cannot query other workflows).
import { getExternalWorkflowHandle, isCancellation, log, workflowInfo } from '@temporalio/workflow';
import { chainStepRunSignal } from './messages';
import { isTerminal, type RunTracker } from './run-tracker';

/**
 * Signals `chainStepRun` to the parent when the run starts or stops waiting, or moves to another
 * form: two signals per review, not one per poll. Terminal states reach the parent as the child's result.
 */
export async function reportReviewChange(run: RunTracker, before: { status: string; formId?: string }): Promise<void> {
  const { parent, workflowId } = workflowInfo();
  const changed = (before.status === 'waiting') !== (run.status === 'waiting') || before.formId !== run.review?.formId;
  if (!parent || isTerminal(run.status) || !changed) return;
  try {
    await getExternalWorkflowHandle(parent.workflowId, parent.runId).signal(chainStepRunSignal, {
      workflowId, runId: run.runId, status: run.status, review: run.review,
    });
  } catch (err) {
    if (isCancellation(err)) throw err;
    log.warn('Could not report the run to the parent workflow', { parent: parent.workflowId, error: (err as Error).message });
  }
}
