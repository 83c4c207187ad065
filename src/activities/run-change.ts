// When a poll may stop: the one definition of "the run changed" shared by the polling activities.
import type { RunStatus, SupervityRun } from '../supervity/types';

/** What the caller last saw of a run. */
export interface SeenRun {
  status: RunStatus;
  formId?: string;
}

/** True when the run's status or pending form differs from what the caller last saw. */
export function runChanged(run: SupervityRun, seen: SeenRun): boolean {
  return run.status !== seen.status || run.review?.formId !== seen.formId;
}

/** `awaitRunProgress`'s stop rule: a change from `seen` when given, else leaving `scheduled`/`running`. */
export function progressReached(run: SupervityRun, seen: SeenRun | undefined): boolean {
  if (seen) return runChanged(run, seen);
  return run.status !== 'scheduled' && run.status !== 'running';
}
