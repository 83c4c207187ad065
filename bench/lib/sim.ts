// Reading the simulator's stats, and acting on it directly as a person in Supervity's UI would.
import type { RunStats, SimulatorStats } from '../../src/simulator';

/** Runs of one Supervity workflowId, with their ids. */
export function runsOf(stats: SimulatorStats, workflowId: string): (RunStats & { runId: string })[] {
  return Object.entries(stats.runs).filter(([, run]) => run.workflowId === workflowId).map(([runId, run]) => ({ runId, ...run }));
}

/** How many runs of `scenario` are `waiting` and were read (get-run) at least `minReads` times. */
export function waitingRuns(stats: SimulatorStats, scenario: string, minReads: number): number {
  return runsOf(stats, scenario).filter((run) => run.status === 'waiting' && (stats.polls[run.runId] ?? 0) >= minReads).length;
}

/** Total API calls over every route. */
export function totalCalls(stats: SimulatorStats): number {
  return Object.values(stats.calls).reduce((sum, n) => sum + n, 0);
}

/** Submits a review decision straight to the simulator (no workflow involved); answers the time the request was sent. */
export async function decideInSupervity(apiUrl: string, token: string, runId: string, action: string): Promise<number> {
  const headers = { authorization: `Bearer ${token}` };
  const runResponse = await fetch(new URL(`/api/v1/workflow-runs/${runId}`, apiUrl), { headers });
  const run = (await runResponse.json()) as { review?: { formId?: string } };
  const formId = run.review?.formId;
  if (!formId) throw new Error(`run ${runId} has no pending review form (answered ${JSON.stringify(run)})`);
  const sentAt = Date.now();
  const submitted = await fetch(new URL(`/api/v1/user-forms/${formId}/submit`, apiUrl), {
    method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ action }),
  });
  if (!submitted.ok) throw new Error(`submitting ${action} on form ${formId} answered ${submitted.status}: ${await submitted.text()}`);
  return sentAt;
}
