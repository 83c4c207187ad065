// What `supervity-temporal chain --follow` prints: one line (or JSON object) per step change.
import type { RunReview } from '../supervity/types';
import type { AgentChainResult, ChainStepStatus } from '../workflows/chain-types';

/** A step as shown to the user: the chain's view, with a review learnt from the step's own workflow. */
export type ShownStep = Pick<ChainStepStatus, 'name' | 'workflowId' | 'state' | 'runId' | 'failure' | 'skippedBecause'> & {
  review?: RunReview;
};

/** Remembers what was last shown per step and answers only the steps that changed. */
export class StepChangeLog {
  private readonly shown = new Map<string, string>();

  /** The steps whose state, run or pending form differ from what was last shown. */
  changes(steps: readonly ShownStep[]): ShownStep[] {
    return steps.filter((step) => {
      const key = `${step.state}|${step.runId ?? ''}|${step.review?.formId ?? ''}`;
      if (this.shown.get(step.name) === key) return false;
      this.shown.set(step.name, key);
      return true;
    });
  }
}

/** One human line for a step change, aligned on the longest step name. */
export function formatStepLine(step: ShownStep, nameWidth: number): string {
  const head = `  ${step.name.padEnd(nameWidth)}  ${step.state.padEnd(9)}`;
  switch (step.state) {
    case 'waiting': {
      const { review } = step;
      const actions = review?.allowedActions?.length ? ` [${review.allowedActions.join(', ')}]` : '';
      const prompt = review?.prompt ? ` "${review.prompt}"` : '';
      return `${head}  review ${review?.formId ?? '?'}${prompt}${actions}: decide on workflow ${step.workflowId}`;
    }
    case 'failed':
    case 'cancelled':
      return `${head}  ${step.failure ? `${step.failure.type}: ${step.failure.message}` : 'cancelled by the chain'}`;
    case 'skipped':
      return `${head}  because ${step.skippedBecause?.join(', ') ?? 'the chain stopped'} did not complete`;
    case 'completed':
      return `${head}  run ${step.runId ?? '?'}`;
    default:
      return `${head}  ${step.workflowId}${step.runId ? ` run ${step.runId}` : ''}`;
  }
}

/** The closing summary of a chain that returned. */
export function formatChainSummary(workflowId: string, result: AgentChainResult): string {
  const parts = [`${result.completed.length} completed`];
  if (result.failed.length) parts.push(`${result.failed.length} failed (${result.failed.join(', ')})`);
  if (result.skipped.length) parts.push(`${result.skipped.length} skipped (${result.skipped.join(', ')})`);
  return `chain ${workflowId} ${result.status}: ${parts.join(', ')}`;
}
