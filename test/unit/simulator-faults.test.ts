import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FaultInjector, seededRandom, validateFaultRules } from '../../src/simulator/faults';

describe('fault rules', () => {
  it('fire for the first `times` matching requests only', () => {
    const faults = new FaultInjector([{ route: 'execute', status: 503, times: 2 }], Math.random);
    const seen = [1, 2, 3].map(() => faults.decide('execute', 'demo.x').status);
    assert.deepEqual(seen, [503, 503, undefined]);
    assert.equal(faults.decide('getRun', 'demo.x').status, undefined);
  });

  it('match a scenario only when the request is about it', () => {
    const faults = new FaultInjector([{ scenario: 'demo.flaky', reset: 'after-create' }], Math.random);
    assert.equal(faults.decide('execute', 'demo.summarize').reset, undefined);
    assert.equal(faults.decide('execute', 'demo.flaky').reset, 'after-create');
  });

  it('add latencies and let the first fired status decide', () => {
    const faults = new FaultInjector(
      [{ latencyMs: 5 }, { latencyMs: 7, status: 429, retryAfterSeconds: 2 }, { status: 503 }],
      Math.random,
    );
    assert.deepEqual(faults.decide('getRun', undefined), { latencyMs: 12, status: 429, retryAfterSeconds: 2, reset: undefined });
  });

  it('fire by rate reproducibly with a seed', () => {
    const pattern = () => {
      const faults = new FaultInjector([{ status: 500, rate: 0.5 }], seededRandom(42));
      return Array.from({ length: 20 }, () => faults.decide('getRun', undefined).status ?? 200);
    };
    const first = pattern();
    assert.deepEqual(pattern(), first);
    assert.ok(first.includes(500) && first.includes(200), `a 0.5 rate mixes outcomes: ${first.join(',')}`);
  });

  it('restart their counters when replaced', () => {
    const faults = new FaultInjector([{ status: 503, times: 1 }], Math.random);
    faults.decide('execute', undefined);
    faults.set([{ status: 503, times: 1 }]);
    assert.equal(faults.decide('execute', undefined).status, 503);
  });

  it('are rejected with the path of every bad field', () => {
    assert.throws(
      () => validateFaultRules([{ route: 'exec', status: 200 }, { rate: 2, latencyMs: 1 }, {}]),
      (err: Error) =>
        err.message.includes('faults[0].route must be one of execute') &&
        err.message.includes('faults[0].status must be an integer between 400 and 599') &&
        err.message.includes('faults[1].rate must be a number between 0 and 1') &&
        err.message.includes('faults[2] does nothing'),
    );
  });
});
