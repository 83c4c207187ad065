// The user-forms routes: list pending reviews, get one form, submit a decision.
import { HttpError } from '../http-error';
import { readJsonBody } from '../json-body';
import { currentEntry, type RunRecord } from '../run-engine';
import { formReached, formView } from '../run-view';
import type { Prepared, RouteContext, SimState } from '../route-types';
import { isRecord } from '../validate';

function positiveInt(query: URLSearchParams, name: string, fallback: number, max: number): number {
  const text = query.get(name);
  if (text === null || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new HttpError(400, 'invalid_query', `${name} must be an integer from 1 to ${max}`, { field: name });
  return value;
}

function listForms(state: SimState, query: URLSearchParams): unknown {
  const page = positiveInt(query, 'page', 1, Number.MAX_SAFE_INTEGER);
  const limit = positiveInt(query, 'limit', 20, 100);
  const runId = query.get('runId');
  const status = query.get('status');
  const now = state.clock();
  const runs = runId ? [state.store.runs.get(runId)].filter((run): run is RunRecord => run !== undefined) : [...state.store.runs.values()];
  const forms = runs
    .flatMap((run) => [...run.formIds.keys()].filter((index) => formReached(run, index, now)).map((index) => formView(run, index, now)))
    .filter((form) => !status || form.status === status);
  return { items: forms.slice((page - 1) * limit, page * limit), page, limit, total: forms.length };
}

/** `GET /api/v1/user-forms?runId=&status=&page=&limit=`: `{ items, page, limit, total }`. */
export function handleListReviews(context: RouteContext): Promise<Prepared> {
  const { state, query } = context;
  const runId = query.get('runId');
  return Promise.resolve({
    scenario: runId ? state.store.runs.get(runId)?.workflowId : undefined,
    perform: () => ({ status: 200, body: listForms(state, query) }),
  });
}

function findForm(state: SimState, formId: string): { run: RunRecord; index: number } {
  const ref = state.store.forms.get(formId);
  const run = ref && state.store.runs.get(ref.runId);
  if (!ref || !run || !formReached(run, ref.index, state.clock())) throw new HttpError(404, 'form_not_found', `no review form ${JSON.stringify(formId)}`);
  return { run, index: ref.index };
}

function formScenario(state: SimState, formId: string): string | undefined {
  const ref = state.store.forms.get(formId);
  return ref && state.store.runs.get(ref.runId)?.workflowId;
}

/** `GET /api/v1/user-forms/:formId`. */
export function handleGetReviewForm(context: RouteContext): Promise<Prepared> {
  const { state, params } = context;
  return Promise.resolve({
    scenario: formScenario(state, params.formId),
    perform: () => {
      const { run, index } = findForm(state, params.formId);
      return { status: 200, body: formView(run, index, state.clock()) };
    },
  });
}

function parseDecision(body: unknown): { action: string; data?: Record<string, unknown>; comment?: string } {
  const invalid = (field: string, message: string) => new HttpError(422, 'invalid_decision', message, { field });
  if (!isRecord(body)) throw invalid('action', 'the body must be a JSON object { action, data?, comment? }');
  if (typeof body.action !== 'string' || body.action === '') throw invalid('action', 'action is required (a non-empty string)');
  if (body.data !== undefined && !isRecord(body.data)) throw invalid('data', 'data must be a JSON object');
  if (body.comment !== undefined && typeof body.comment !== 'string') throw invalid('comment', 'comment must be a string');
  return { action: body.action, data: body.data, comment: body.comment };
}

function submit(state: SimState, formId: string, body: unknown): ReturnType<Prepared['perform']> {
  const { run, index } = findForm(state, formId);
  const now = state.clock();
  const form = formView(run, index, now);
  if (form.status !== 'pending') throw new HttpError(409, 'form_closed', `review form ${formId} is already ${form.status}`);
  const decision = parseDecision(body);
  if (form.allowedActions && !form.allowedActions.includes(decision.action)) {
    throw new HttpError(422, 'invalid_decision', `action ${JSON.stringify(decision.action)} is not allowed: allowed actions are ${form.allowedActions.join(', ')}`, { field: 'action' });
  }
  run.decisions.set(index, { ...decision, at: now });
  return { status: 200, body: { formId, runId: run.runId, action: decision.action, status: 'submitted', runStatus: currentEntry(run, now).status } };
}

/** `POST /api/v1/user-forms/:formId/submit` with `{ action, data?, comment? }`. */
export async function handleSubmitReview(context: RouteContext): Promise<Prepared> {
  const { state, params } = context;
  const body = await readJsonBody(context.req);
  return { scenario: formScenario(state, params.formId), perform: () => submit(state, params.formId, body) };
}
