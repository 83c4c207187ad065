import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planChain } from '../../src/workflows/chain-graph';
import { ChainTracker } from '../../src/workflows/chain-state';
import type { AgentChainInput } from '../../src/workflows/chain-types';
import type { AgentRunResult } from '../../src/workflows/types';

// a -> b -> d and a -> c -> d (a diamond), plus an independent e.
const diamond: AgentChainInput = {
  failurePolicy: 'continue',
  steps: [
    { name: 'a', run: { workflowId: 'w' } },
    { name: 'b', run: { workflowId: 'w', inputs: { x: { $from: 'a.outputs.x' } } } },
    { name: 'c', run: { workflowId: 'w' }, dependsOn: ['a'] },
    { name: 'd', run: { workflowId: 'w' }, dependsOn: ['b', 'c'] },
    { name: 'e', run: { workflowId: 'w' } },
  ],
};

const done = (outputs: Record<string, unknown>): AgentRunResult => ({ runId: 'r', status: 'completed', outputs, attempts: [], reviews: [] });
const ready = (tracker: ChainTracker) => tracker.readySteps().map(({ name }) => name);
const states = (tracker: ChainTracker) => Object.fromEntries(tracker.status().steps.map(({ name, state }) => [name, state]));

describe('chain state: readiness', () => {
  it('starts the roots, then each step once all it depends on completed', () => {
    const tracker = new ChainTracker(planChain(diamond), 'chain-1');
    assert.deepEqual(ready(tracker), ['a', 'e']);
    tracker.started('a');
    tracker.started('e');
    assert.deepEqual(ready(tracker), []);
    tracker.completed('a', done({ x: 1 }));
    assert.deepEqual(ready(tracker), ['b', 'c']);
    tracker.started('b');
    tracker.started('c');
    tracker.completed('b', done({}));
    assert.deepEqual(ready(tracker), [], 'd still waits for c');
    tracker.completed('c', done({}));
    assert.deepEqual(ready(tracker), ['d']);
    assert.deepEqual(tracker.outputs(), { a: { x: 1 }, b: {}, c: {} });
  });

  it('names each step workflow <chain id>/<step>', () => {
    const tracker = new ChainTracker(planChain(diamond), 'chain-1');
    assert.equal(tracker.step('d')?.workflowId, 'chain-1/d');
    assert.deepEqual(tracker.step('d')?.dependsOn, ['b', 'c']);
  });
});

describe('chain state: failures', () => {
  it('skips every step downstream of a failure, with the reason, and lists the outcome', () => {
    const tracker = new ChainTracker(planChain(diamond), 'chain-1');
    tracker.started('a');
    tracker.started('e');
    tracker.failed('a', { type: 'SupervityRunFailed', message: 'boom' });
    tracker.skipBlocked();
    assert.deepEqual(states(tracker), { a: 'failed', b: 'skipped', c: 'skipped', d: 'skipped', e: 'running' });
    assert.deepEqual(tracker.step('d')?.skippedBecause, ['b', 'c']);
    tracker.completed('e', done({ y: 2 }));
    const result = tracker.result();
    assert.equal(result.status, 'partial');
    assert.deepEqual([result.completed, result.failed, result.skipped], [['e'], ['a'], ['b', 'c', 'd']]);
    assert.deepEqual(result.outputs, { e: { y: 2 } });
  });

  it('reports the step that failed first, and cancellations from outside the chain as failures', () => {
    const tracker = new ChainTracker(planChain(diamond), 'chain-1');
    tracker.started('a');
    tracker.started('e');
    tracker.cancelled('e');
    assert.equal(tracker.firstFailure(), undefined, 'a cancellation by the chain is not a failure');
    tracker.cancelled('a', { type: 'SupervityRunCancelled', message: 'cancelled' });
    assert.equal(tracker.firstFailure()?.name, 'a');
  });

  it('marks the steps that never started skipped when the chain stops', () => {
    const tracker = new ChainTracker(planChain(diamond), 'chain-1');
    tracker.started('a');
    tracker.failed('a', { type: 'SupervityRunFailed', message: 'boom' });
    tracker.skipPending('a');
    assert.deepEqual(states(tracker), { a: 'failed', b: 'skipped', c: 'skipped', d: 'skipped', e: 'skipped' });
  });
});

describe('chain state: reports from step workflows', () => {
  it('shows a running step as waiting with its form, then running again; ignores stale and unknown reports', () => {
    const tracker = new ChainTracker(planChain(diamond), 'chain-1');
    tracker.started('a');
    const review = { formId: 'f1', prompt: 'ok?', allowedActions: ['approve'] };
    tracker.reported({ workflowId: 'chain-1/a', runId: 'r1', status: 'waiting', review });
    assert.deepEqual([tracker.step('a')?.state, tracker.step('a')?.review, tracker.step('a')?.runId], ['waiting', review, 'r1']);
    tracker.reported({ workflowId: 'chain-1/a', runId: 'r1', status: 'running' });
    assert.deepEqual([tracker.step('a')?.state, tracker.step('a')?.review], ['running', undefined]);
    tracker.reported({ workflowId: 'chain-1/e', runId: 'r2', status: 'waiting', review });
    tracker.reported({ workflowId: 'elsewhere', runId: 'r3', status: 'waiting', review });
    assert.deepEqual(states(tracker), { a: 'running', b: 'pending', c: 'pending', d: 'pending', e: 'pending' });
    tracker.completed('a', done({}));
    tracker.reported({ workflowId: 'chain-1/a', runId: 'r1', status: 'waiting', review });
    assert.equal(tracker.step('a')?.state, 'completed', 'a report after the end changes nothing');
  });
});
