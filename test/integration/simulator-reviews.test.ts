import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type Simulator } from '../../src/simulator';
import type { Scenario } from '../../src/simulator';
import { manualClock, simClient } from '../fixtures/simulator/client';

const twoReviews: Scenario = {
  steps: [
    { status: 'running', durationMs: 10 },
    { review: { step: 'first', prompt: 'Check {{inputs.doc}}?', allowedActions: ['ok', 'redo'] } },
    { status: 'running', durationMs: 10 },
    { review: { step: 'second' } },
  ],
  outputs: { last: '{{review.action}}', data: '{{review.data}}' },
};

describe('simulator reviews, cancel and idempotency', () => {
  const clock = manualClock();
  let sim: Simulator;
  let api: ReturnType<typeof simClient>;
  before(async () => {
    sim = await startSimulator({ port: 0, token: 't', clock: clock.now, scenarios: { 'two.reviews': twoReviews } });
    api = simClient(sim.url, 't');
  });
  after(async () => {
    await sim?.close();
  });

  async function waitingRun(doc: string): Promise<{ runId: string; formId: string }> {
    const runId = (await api.execute('two.reviews', { doc })).body.runId as string;
    clock.advance(10);
    const run = (await api.getRun(runId)).body;
    assert.equal(run.status, 'waiting');
    return { runId, formId: run.review?.formId as string };
  }

  describe('user forms', () => {
    it('lists the pending form of a waiting run and shows it', async () => {
      const { runId, formId } = await waitingRun('a.pdf');
      const list = await api.get(`/api/v1/user-forms?runId=${runId}&status=pending&page=1&limit=10`);
      assert.equal(list.status, 200);
      assert.equal(list.body.total, 1);
      assert.equal(list.body.items?.[0]?.formId, formId);
      const form = await api.get(`/api/v1/user-forms/${formId}`);
      assert.equal(form.status, 200);
      assert.equal(form.body.status, 'pending');
      assert.equal(form.body.prompt, 'Check a.pdf?');
      assert.deepEqual(form.body.allowedActions, ['ok', 'redo']);
      assert.equal(form.body.runId, runId);
    });

    it('refuses an action the form does not allow (422 naming them), then a second decision (409)', async () => {
      const { formId } = await waitingRun('b.pdf');
      const wrong = await api.postJson(`/api/v1/user-forms/${formId}/submit`, { action: 'approve' });
      assert.equal(wrong.status, 422);
      assert.equal(wrong.body.error?.field, 'action');
      assert.match(String(wrong.body.error?.message), /allowed actions are ok, redo/);
      const missing = await api.postJson(`/api/v1/user-forms/${formId}/submit`, { comment: 'no action' });
      assert.equal(missing.status, 422);
      assert.equal(missing.body.error?.field, 'action');
      const receipt = await api.postJson(`/api/v1/user-forms/${formId}/submit`, { action: 'ok', data: { n: 1 } });
      assert.equal(receipt.status, 200);
      assert.equal(receipt.body.status, 'submitted');
      assert.equal(receipt.body.action, 'ok');
      const again = await api.postJson(`/api/v1/user-forms/${formId}/submit`, { action: 'ok' });
      assert.equal(again.status, 409);
      assert.equal((await api.get(`/api/v1/user-forms/${formId}`)).body.status, 'submitted');
    });

    it('moves on to the next review and completes with the latest decision', async () => {
      const { runId, formId } = await waitingRun('c.pdf');
      await api.postJson(`/api/v1/user-forms/${formId}/submit`, { action: 'redo' });
      clock.advance(10);
      const second = (await api.getRun(runId)).body;
      assert.equal(second.status, 'waiting');
      assert.notEqual(second.review?.formId, formId);
      const anyAction = await api.postJson(`/api/v1/user-forms/${second.review?.formId}/submit`, { action: 'whatever', data: { why: 'no list' } });
      assert.equal(anyAction.status, 200, 'a form without allowedActions takes any action');
      const done = (await api.getRun(runId)).body;
      assert.equal(done.status, 'completed');
      assert.deepEqual(done.outputs, { last: 'whatever', data: { why: 'no list' } });
      const decided = await api.get(`/api/v1/user-forms?runId=${runId}&status=submitted`);
      assert.equal(decided.body.total, 2);
    });

    it('pages the list and checks page and limit', async () => {
      const page = await api.get('/api/v1/user-forms?limit=1&page=2');
      assert.equal(page.status, 200);
      assert.equal(page.body.items?.length, 1);
      const bad = await api.get('/api/v1/user-forms?limit=0');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error?.field, 'limit');
    });

    it('404s for unknown forms; 400 for a body that is not JSON, 413 for one over 1 MiB', async () => {
      assert.equal((await api.get('/api/v1/user-forms/form_nope')).status, 404);
      assert.equal((await api.postJson('/api/v1/user-forms/form_nope/submit', { action: 'ok' })).status, 404);
      const { formId } = await waitingRun('d.pdf');
      const res = await fetch(`${sim.url}/api/v1/user-forms/${formId}/submit`, { method: 'POST', body: '{"action":', headers: { authorization: 'Bearer t' } });
      assert.equal(res.status, 400);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'invalid_json');
      const huge = await api.postJson(`/api/v1/user-forms/${formId}/submit`, { action: 'ok', comment: 'x'.repeat(1024 * 1024) });
      assert.equal(huge.status, 413);
      assert.equal((await api.get(`/api/v1/user-forms/${formId}`)).body.status, 'pending', 'nothing was decided');
    });
  });

  describe('cancel', () => {
    it('cancels a waiting run and closes its form', async () => {
      const { runId, formId } = await waitingRun('e.pdf');
      const cancelled = await api.post(`/api/v1/workflow-runs/${runId}/cancel`);
      assert.equal(cancelled.status, 200);
      assert.equal(cancelled.body.status, 'cancelled');
      assert.ok(cancelled.body.completedAt);
      clock.advance(1000);
      assert.equal((await api.getRun(runId)).body.status, 'cancelled');
      assert.equal((await api.get(`/api/v1/user-forms/${formId}`)).body.status, 'cancelled');
      assert.equal((await api.postJson(`/api/v1/user-forms/${formId}/submit`, { action: 'ok' })).status, 409);
    });

    it('leaves a terminal run as it is and answers it (200)', async () => {
      const runId = (await api.execute('demo.echo', { n: 'cancel-terminal' })).body.runId as string;
      const res = await api.post(`/api/v1/workflow-runs/${runId}/cancel`);
      assert.equal(res.status, 200);
      assert.equal(res.body.status, 'completed');
      assert.equal((await api.post('/api/v1/workflow-runs/run_nope/cancel')).status, 404);
    });
  });

  describe('Idempotency-Key', () => {
    it('answers the first run for the same key and creates nothing', async () => {
      const before = sim.stats();
      const headers = { 'idempotency-key': 'wf-1/run-1/attempt-1' };
      const first = await api.execute('demo.summarize', { query: 'idem' }, headers);
      const second = await api.execute('demo.summarize', { query: 'idem' }, headers);
      assert.equal(second.body.runId, first.body.runId);
      assert.equal(second.headers['idempotent-replayed'], 'true');
      const after = sim.stats();
      assert.equal(after.runsCreated, before.runsCreated + 1);
      assert.equal(after.idempotentReplays, before.idempotentReplays + 1);
    });

    it('refuses the same key for another workflowId or other inputs (409)', async () => {
      const headers = { 'idempotency-key': 'wf-2/run-1/attempt-1' };
      await api.execute('demo.summarize', { query: 'one' }, headers);
      const otherWorkflow = await api.execute('demo.echo', { query: 'one' }, headers);
      assert.equal(otherWorkflow.status, 409);
      assert.equal(otherWorkflow.body.error?.code, 'idempotency_key_reused');
      assert.equal((await api.execute('demo.summarize', { query: 'two' }, headers)).status, 409);
    });

    it('creates a run per request without a key', async () => {
      const before = sim.stats().runsCreated;
      await api.execute('demo.echo', { n: 'no-key' });
      await api.execute('demo.echo', { n: 'no-key' });
      assert.equal(sim.stats().runsCreated, before + 2);
    });
  });

  describe('get run and stats', () => {
    it('404s for an unknown run and counts polls per run', async () => {
      assert.equal((await api.getRun('run_nope')).status, 404);
      const runId = (await api.execute('demo.echo', { n: 'polls' })).body.runId as string;
      await api.getRun(runId);
      await api.getRun(runId);
      const stats = (await api.get('/_sim/stats')).body as unknown as ReturnType<Simulator['stats']>;
      assert.equal(stats.polls[runId], 2);
      assert.deepEqual(stats.runs[runId]?.statusChanges.map((change) => change.status), ['running', 'completed']);
      assert.equal(stats.runs[runId]?.attempt, 1);
      assert.deepEqual(stats, sim.stats());
    });

    it('answers 404 for unknown paths and 405 for a wrong method', async () => {
      assert.equal((await api.get('/api/v1/nothing')).status, 404);
      const wrong = await api.get('/api/v1/workflow-runs/execute/cancel');
      assert.equal(wrong.status, 405);
    });
  });
});
