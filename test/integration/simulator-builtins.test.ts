import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type Simulator } from '../../src/simulator';
import { manualClock, simClient } from '../fixtures/simulator/client';

// A hand-moved clock runs the built-ins at their real, demo-friendly durations without sleeping.
describe('simulator built-in scenarios', () => {
  const clock = manualClock();
  let sim: Simulator;
  let api: ReturnType<typeof simClient>;
  before(async () => {
    sim = await startSimulator({ port: 0, token: 't', clock: clock.now });
    api = simClient(sim.url, 't');
  });
  after(async () => {
    await sim?.close();
  });

  async function statusAfter(runId: string, ms: number): Promise<string | undefined> {
    clock.advance(ms);
    return (await api.getRun(runId)).body.status;
  }

  it('demo.summarize: scheduled, running about a second, then completed with a summary', async () => {
    const created = await api.execute('demo.summarize', { query: 'Summarize this document', max_tokens: '300' });
    assert.equal(created.status, 200);
    assert.deepEqual(Object.keys(created.body).sort(), ['runId', 'status']);
    assert.equal(created.body.status, 'scheduled');
    const runId = created.body.runId as string;
    assert.equal(await statusAfter(runId, 300), 'running');
    assert.equal(await statusAfter(runId, 999), 'running');
    assert.equal(await statusAfter(runId, 1), 'completed');
    const run = (await api.getRun(runId)).body;
    assert.deepEqual(run.outputs, { summary: 'Summary: Summarize this document', confidence: 0.92, maxTokens: 300, attempt: 1 });
    assert.ok(run.startedAt && run.completedAt && run.startedAt < run.completedAt);
  });

  it('demo.summarize: 422 naming the field for a missing query or a non-number max_tokens', async () => {
    const missing = await api.execute('demo.summarize', {});
    assert.equal(missing.status, 422);
    assert.equal(missing.body.error?.field, 'inputs[query]');
    const mistyped = await api.execute('demo.summarize', { query: 'q', max_tokens: 'lots' });
    assert.equal(mistyped.status, 422);
    assert.equal(mistyped.body.error?.field, 'inputs[max_tokens]');
  });

  it('demo.review: waits for a decision, then completes with it in the outputs', async () => {
    const runId = (await api.execute('demo.review', { topic: 'approve me' })).body.runId as string;
    assert.equal(await statusAfter(runId, 300), 'running');
    assert.equal(await statusAfter(runId, 800), 'waiting');
    const waiting = (await api.getRun(runId)).body;
    assert.deepEqual(waiting.review?.allowedActions, ['approve', 'reject']);
    assert.equal(await statusAfter(runId, 86_400_000), 'waiting', 'a review waits as long as it takes');
    const submitted = await api.postJson(`/api/v1/user-forms/${waiting.review?.formId}/submit`, { action: 'approve', comment: 'lgtm', data: { score: 5 } });
    assert.equal(submitted.status, 200);
    assert.equal(await statusAfter(runId, 0), 'running');
    assert.equal(await statusAfter(runId, 500), 'completed');
    const outputs = (await api.getRun(runId)).body.outputs;
    assert.equal(outputs?.decision, 'approve');
    assert.equal(outputs?.comment, 'lgtm');
    assert.deepEqual(outputs?.reviewData, { score: 5 });
  });

  it('demo.review: reject ends the run failed, not retryable, reason review_rejected', async () => {
    const runId = (await api.execute('demo.review', { topic: 'reject me' })).body.runId as string;
    clock.advance(1100);
    const formId = (await api.getRun(runId)).body.review?.formId;
    await api.postJson(`/api/v1/user-forms/${formId}/submit`, { action: 'reject', comment: 'too long' });
    const run = (await api.getRun(runId)).body;
    assert.equal(run.status, 'failed');
    assert.deepEqual(run.error, { reason: 'review_rejected', step: 'approve-draft', message: 'The reviewer rejected the draft: too long', retryable: false });
  });

  it('demo.flaky: attempt 1 fails retryable, attempt 2 with the same inputs completes', async () => {
    const first = (await api.execute('demo.flaky', { case: 'flaky-1' })).body.runId as string;
    assert.equal(await statusAfter(first, 500), 'failed');
    assert.equal((await api.getRun(first)).body.error?.retryable, true);
    const second = (await api.execute('demo.flaky', { case: 'flaky-1' })).body.runId as string;
    assert.equal(await statusAfter(second, 500), 'completed');
    assert.deepEqual((await api.getRun(second)).body.outputs, { result: 'ok', attempt: 2 });
    const other = (await api.execute('demo.flaky', { case: 'flaky-2' })).body.runId as string;
    assert.equal(await statusAfter(other, 500), 'failed', 'different inputs count attempts separately');
  });

  it('demo.fatal: fails, not retryable, with reason, step and message', async () => {
    const runId = (await api.execute('demo.fatal')).body.runId as string;
    assert.equal(await statusAfter(runId, 300), 'failed');
    assert.deepEqual((await api.getRun(runId)).body.error, { reason: 'invalid_document', step: 'parse', message: 'The document could not be parsed', retryable: false });
  });

  it('demo.forbidden: execute answers 403 with the violation and creates nothing', async () => {
    const before = sim.stats().runsCreated;
    const res = await api.execute('demo.forbidden', { query: 'x' });
    assert.equal(res.status, 403);
    assert.equal(res.body.error?.code, 'permission_denied');
    assert.match(String(res.body.error?.violation), /no-external-send/);
    assert.equal(sim.stats().runsCreated, before);
  });

  it('demo.slow: still running after 59 s, completed after 60', async () => {
    const runId = (await api.execute('demo.slow')).body.runId as string;
    assert.equal(await statusAfter(runId, 59_000), 'running');
    assert.equal(await statusAfter(runId, 1_200), 'completed');
  });

  it('demo.echo: completes at once and echoes text, repeated and file inputs', async () => {
    const file = Buffer.from('%PDF-1.4 not really a pdf\n'.repeat(1000));
    const created = await api.execute('demo.echo', { query: 'q', tags: ['a', 'b'], document: { file, filename: 'contract.pdf' } });
    assert.equal(created.body.status, 'running');
    const run = (await api.getRun(created.body.runId as string)).body;
    assert.equal(run.status, 'completed');
    assert.deepEqual(run.outputs?.inputs, {
      query: 'q',
      tags: ['a', 'b'],
      document: { filename: 'contract.pdf', contentType: 'application/octet-stream', size: file.length, sha256: createHash('sha256').update(file).digest('hex') },
    });
  });

  it('demo.research and demo.draft chain a summary into a draft', async () => {
    const research = (await api.execute('demo.research', { topic: 'tides' })).body.runId as string;
    clock.advance(300);
    const summary = (await api.getRun(research)).body.outputs?.summary as string;
    assert.equal(summary, 'Research summary on tides');
    const draft = (await api.execute('demo.draft', { summary })).body.runId as string;
    clock.advance(300);
    assert.equal((await api.getRun(draft)).body.outputs?.draft, 'Draft based on: Research summary on tides');
  });

  it('unknown workflowId: 404 naming the known ones', async () => {
    const res = await api.execute('demo.nope');
    assert.equal(res.status, 404);
    assert.equal(res.body.error?.code, 'workflow_not_found');
    assert.match(String(res.body.error?.message), /demo\.summarize/);
  });
});
