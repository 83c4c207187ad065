// GET /api/v1/workflow-runs/:runId and POST /api/v1/workflow-runs/:runId/cancel.
import { HttpError } from '../http-error';
import { currentEntry, isTerminal, type RunRecord } from '../run-engine';
import { runView } from '../run-view';
import type { Prepared, RouteContext, SimState } from '../route-types';

/** The run named by `runId`, or a 404. */
export function findRun(state: SimState, runId: string): RunRecord {
  const run = state.store.runs.get(runId);
  if (!run) throw new HttpError(404, 'run_not_found', `no run ${JSON.stringify(runId)}`);
  return run;
}

/** Answers the run object; counts a poll for the run. */
export function handleGetRun(context: RouteContext): Promise<Prepared> {
  const { state, params } = context;
  const run = state.store.runs.get(params.runId);
  if (run) state.stats.poll(run.runId);
  return Promise.resolve({
    scenario: run?.workflowId,
    perform: () => ({ status: 200, body: runView(findRun(state, params.runId), state.clock()) }),
  });
}

/** Cancels a non-terminal run; a terminal run is left as it is. Both answer 200 with the run. */
export function handleCancelRun(context: RouteContext): Promise<Prepared> {
  const { state, params } = context;
  context.req.resume();
  return Promise.resolve({
    scenario: state.store.runs.get(params.runId)?.workflowId,
    perform: () => {
      const run = findRun(state, params.runId);
      const now = state.clock();
      if (!isTerminal(currentEntry(run, now).status)) run.cancelledAt = now;
      return { status: 200, body: runView(run, now) };
    },
  });
}
