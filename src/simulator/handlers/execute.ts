// POST /api/v1/workflow-runs/execute: multipart form in, `{ runId, status }` out at once.
import { HttpError } from '../http-error';
import { groupForm, typedInputs } from '../inputs';
import { parseForm } from '../multipart';
import type { Reply } from '../reply';
import { currentEntry, timeline } from '../run-engine';
import type { Prepared, RouteContext, SimState } from '../route-types';

function idempotencyKey(context: RouteContext): string | undefined {
  const header = context.req.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined) return undefined;
  if (key.trim() === '' || key.length > 255) throw new HttpError(400, 'invalid_header', 'Idempotency-Key must be 1 to 255 characters', { field: 'Idempotency-Key' });
  return key;
}

function scenarioFor(state: SimState, workflowId: string) {
  const scenario = state.scenarios.get(workflowId);
  if (scenario) return scenario;
  const known = [...state.scenarios.keys()].sort().join(', ');
  throw new HttpError(404, 'workflow_not_found', `no workflow ${JSON.stringify(workflowId)} (the simulator knows: ${known})`, { field: 'workflowId' });
}

function replay(state: SimState, key: string, workflowId: string, inputs: Record<string, unknown>): Reply | undefined {
  const found = state.store.findByKey(key, workflowId, inputs);
  if (!found) return undefined;
  if (!found.sameRequest) {
    throw new HttpError(409, 'idempotency_key_reused', 'this Idempotency-Key was used for a different workflowId or different inputs', { field: 'Idempotency-Key' });
  }
  state.stats.idempotentReplays += 1;
  const { run } = found;
  return { status: 200, body: { runId: run.runId, status: currentEntry(run, state.clock()).status }, headers: { 'idempotent-replayed': 'true' } };
}

function execute(state: SimState, workflowId: string, raw: ReturnType<typeof groupForm>, key: string | undefined): Reply {
  const scenario = scenarioFor(state, workflowId);
  if (scenario.forbidden) {
    const { violation, message } = scenario.forbidden;
    throw new HttpError(403, 'permission_denied', message ?? `execution of ${workflowId} is not permitted: ${violation}`, { violation });
  }
  const inputs = typedInputs(raw, scenario.inputs);
  const replayed = key === undefined ? undefined : replay(state, key, workflowId, inputs);
  if (replayed) return replayed;
  const now = state.clock();
  const run = state.store.create(workflowId, scenario, inputs, now, key);
  state.stats.runsCreated += 1;
  // The answer is the state the run was created in (scheduled or running), even if its first step lasts 0 ms.
  return { status: 200, body: { runId: run.runId, status: timeline(run)[0].status } };
}

/** Parses the form, then creates the run (or replays the one its Idempotency-Key created). */
export async function handleExecute(context: RouteContext): Promise<Prepared> {
  const key = idempotencyKey(context);
  const form = await parseForm(context.req, { maxFileBytes: context.state.maxFileBytes });
  const raw = groupForm(form);
  return { scenario: raw.workflowId, perform: () => execute(context.state, raw.workflowId, raw, key) };
}
