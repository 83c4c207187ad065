import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startSimulator, type Simulator } from '../../src/simulator';
import { simClient } from '../fixtures/simulator/client';

/** Runs `call` and answers how it ended: its status, or the connection error's code. */
async function outcome(call: () => Promise<{ status: number }>): Promise<number | string> {
  try {
    return (await call()).status;
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}

describe('simulator fault injection', () => {
  let sim: Simulator;
  let api: ReturnType<typeof simClient>;
  before(async () => {
    sim = await startSimulator({ port: 0, token: 't' });
    api = simClient(sim.url, 't');
  });
  beforeEach(() => sim.setFaults([]));
  after(async () => {
    await sim?.close();
  });

  it('applies rules given at start', async () => {
    const fresh = await startSimulator({ port: 0, token: 't', faults: [{ route: 'listReviews', status: 502, times: 1 }] });
    try {
      const client = simClient(fresh.url, 't');
      assert.deepEqual([(await client.get('/api/v1/user-forms')).status, (await client.get('/api/v1/user-forms')).status], [502, 200]);
    } finally {
      await fresh.close();
    }
  });

  it('latency: a delayed answer arrives after an undelayed one sent later', async () => {
    const runId = (await api.execute('demo.echo', { n: 'latency' })).body.runId as string;
    sim.setFaults([{ route: 'getRun', latencyMs: 1000 }]);
    const order: string[] = [];
    const polls = sim.stats().calls.getRun;
    const slow = api.getRun(runId).then((res) => order.push(`getRun ${res.status}`));
    while (sim.stats().calls.getRun === polls) await new Promise((resolve) => setImmediate(resolve));
    await api.get('/api/v1/user-forms').then((res) => order.push(`listReviews ${res.status}`));
    await slow;
    assert.deepEqual(order, ['listReviews 200', 'getRun 200']);
  });

  it('5xx: the first `times` executes get 503 and create nothing; the retry creates one run', async () => {
    sim.setFaults([{ route: 'execute', status: 503, times: 2 }]);
    const before = sim.stats();
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await api.execute('demo.echo', { n: '5xx' })).status);
    assert.deepEqual(statuses, [503, 503, 200]);
    assert.equal(sim.stats().runsCreated, before.runsCreated + 1);
    assert.equal(sim.stats().calls.execute, before.calls.execute + 3);
  });

  it('429: answers Retry-After', async () => {
    sim.setFaults([{ route: 'getRun', status: 429, retryAfterSeconds: 3 }]);
    const res = await api.getRun('run_any');
    assert.equal(res.status, 429);
    assert.equal(res.headers['retry-after'], '3');
    assert.equal(res.body.error?.code, 'rate_limited');
  });

  it('reset before the response: the connection drops and no run exists', async () => {
    sim.setFaults([{ route: 'execute', reset: 'before-response', times: 1 }]);
    const before = sim.stats().runsCreated;
    const result = await outcome(() => api.execute('demo.echo', { n: 'reset-before' }));
    assert.equal(typeof result, 'string', `a connection error, got ${result}`);
    assert.equal(sim.stats().runsCreated, before);
  });

  it('reset after create: the run exists once, and the retry with the same key replays it', async () => {
    sim.setFaults([{ route: 'execute', reset: 'after-create', times: 1 }]);
    const before = sim.stats();
    const headers = { 'idempotency-key': 'reset-after-create-1' };
    const result = await outcome(() => api.execute('demo.echo', { n: 'reset-after' }, headers));
    assert.equal(typeof result, 'string', `a connection error, got ${result}`);
    assert.equal(sim.stats().runsCreated, before.runsCreated + 1, 'the run was created before the reset');
    const retry = await api.execute('demo.echo', { n: 'reset-after' }, headers);
    assert.equal(retry.status, 200);
    const after = sim.stats();
    assert.equal(after.runsCreated, before.runsCreated + 1, 'exactly once');
    assert.equal(after.idempotentReplays, before.idempotentReplays + 1);
    assert.deepEqual(Object.keys(after.runs).filter((id) => !(id in before.runs)), [retry.body.runId]);
  });

  it('scenario rules hit only requests about that workflow, on every route', async () => {
    const flaky = (await api.execute('demo.flaky', { n: 'scoped' })).body.runId as string;
    const echo = (await api.execute('demo.echo', { n: 'scoped' })).body.runId as string;
    sim.setFaults([{ scenario: 'demo.flaky', status: 500 }]);
    assert.equal((await api.getRun(flaky)).status, 500);
    assert.equal((await api.post(`/api/v1/workflow-runs/${flaky}/cancel`)).status, 500);
    assert.equal((await api.execute('demo.flaky', { n: 'scoped' })).status, 500);
    assert.equal((await api.getRun(echo)).status, 200);
  });

  it('rate 1 always fires, rate 0 never', async () => {
    sim.setFaults([{ route: 'listReviews', status: 500, rate: 0 }, { route: 'getReviewForm', status: 500, rate: 1 }]);
    assert.equal((await api.get('/api/v1/user-forms')).status, 200);
    assert.equal((await api.get('/api/v1/user-forms/form_x')).status, 500);
  });

  it('close() ends pending latencies and leaves no timer behind', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
    const before = timers();
    const slowSim = await startSimulator({ port: 0, token: 't', faults: [{ latencyMs: 60_000 }] });
    const ended = new Promise<string>((resolve) => {
      const req = httpRequest(`${slowSim.url}/api/v1/user-forms`, { headers: { authorization: 'Bearer t' }, agent: false });
      req.on('response', (res) => resolve(`status ${res.statusCode}`));
      req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
      req.end();
    });
    while (slowSim.stats().calls.listReviews === 0) await new Promise((resolve) => setImmediate(resolve));
    await slowSim.close();
    assert.equal(await ended, 'ECONNRESET');
    assert.equal(timers(), before);
  });
});
