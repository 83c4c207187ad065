import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import { startSimulator, type Simulator } from '../../src/simulator';

const ROUTES: [string, string][] = [
  ['POST', '/api/v1/workflow-runs/execute'],
  ['GET', '/api/v1/workflow-runs/run_x'],
  ['POST', '/api/v1/workflow-runs/run_x/cancel'],
  ['GET', '/api/v1/user-forms?runId=run_x&status=pending'],
  ['GET', '/api/v1/user-forms/form_x'],
  ['POST', '/api/v1/user-forms/form_x/submit'],
  ['GET', '/_sim/stats'],
  ['GET', '/no/such/route'],
];

describe('simulator auth: a bearer token on every route', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ port: 0, token: 'right-token' });
  });
  after(async () => {
    await sim?.close();
  });

  for (const [method, path] of ROUTES) {
    it(`${method} ${path} answers 401 without a token or with a wrong one, saying nothing more`, async () => {
      const bodies = new Set<string>();
      for (const authorization of [undefined, 'Bearer wrong-token', 'Bearer right-token-but-longer', 'Basic right-token', 'right-token']) {
        const res = await request(`${sim.url}${path}`, { method, headers: authorization ? { authorization } : {} });
        assert.equal(res.statusCode, 401, `${authorization ?? 'no header'}`);
        assert.equal(res.headers['www-authenticate'], 'Bearer');
        bodies.add(await res.body.text());
      }
      assert.deepEqual([...bodies], [JSON.stringify({ error: { code: 'unauthorized', message: 'missing or invalid bearer token' } })]);
    });
  }

  it('lets the right token through', async () => {
    const res = await request(`${sim.url}/_sim/stats`, { headers: { authorization: 'Bearer right-token' } });
    assert.equal(res.statusCode, 200);
    await res.body.dump();
  });

  it('creates nothing for unauthenticated executes', () => {
    assert.equal(sim.stats().runsCreated, 0);
    assert.equal(sim.stats().calls.execute, 5);
  });
});
