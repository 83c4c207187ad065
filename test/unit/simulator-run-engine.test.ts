import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currentEntry, timeline, type RunRecord } from '../../src/simulator/run-engine';
import type { Scenario } from '../../src/simulator/scenario-types';

const reviewFlow: Scenario = {
  steps: [
    { status: 'scheduled', durationMs: 10 },
    { status: 'running', durationMs: 20 },
    { review: { step: 'ok', allowedActions: ['approve', 'reject'], failOn: { reject: { reason: 'review_rejected', message: 'no', retryable: false } } } },
    { status: 'running', durationMs: 5 },
  ],
  outputs: {},
};

function record(scenario: Scenario, attempt = 1): RunRecord {
  return { runId: 'run_1', workflowId: 'w', scenario, attempt, createdAt: 1000, inputs: {}, formIds: new Map([[2, 'form_1']]), decisions: new Map() };
}

const statuses = (run: RunRecord) => timeline(run).map((entry) => `${entry.status}@${entry.at - 1000}`);

describe('run engine: states follow the script on the clock', () => {
  it('moves scheduled -> running -> waiting and stops there until a decision', () => {
    const run = record(reviewFlow);
    assert.deepEqual(statuses(run), ['scheduled@0', 'running@10', 'waiting@30']);
    assert.equal(currentEntry(run, 1009).status, 'scheduled');
    assert.equal(currentEntry(run, 1010).status, 'running');
    assert.equal(currentEntry(run, 1_000_000).status, 'waiting');
  });

  it('continues from the decision time after an allowed decision', () => {
    const run = record(reviewFlow);
    run.decisions.set(2, { action: 'approve', at: 1100 });
    assert.deepEqual(statuses(run), ['scheduled@0', 'running@10', 'waiting@30', 'running@100', 'completed@105']);
  });

  it('fails at the decision when the action is in failOn', () => {
    const run = record(reviewFlow);
    run.decisions.set(2, { action: 'reject', at: 1050 });
    const last = timeline(run).at(-1);
    assert.equal(last?.status, 'failed');
    assert.equal(last?.failure?.reason, 'review_rejected');
  });

  it('fails only on the attempts the scenario names', () => {
    const flaky: Scenario = { steps: [{ status: 'running', durationMs: 5 }], fail: { attempts: [1], reason: 'x', message: 'm', retryable: true } };
    assert.equal(timeline(record(flaky, 1)).at(-1)?.status, 'failed');
    assert.equal(timeline(record(flaky, 2)).at(-1)?.status, 'completed');
  });

  it('drops the scripted future after a cancel', () => {
    const run = record(reviewFlow);
    run.cancelledAt = 1015;
    assert.deepEqual(statuses(run), ['scheduled@0', 'running@10', 'cancelled@15']);
  });

  it('merges consecutive steps of the same status into one state change', () => {
    const run = record({ steps: [{ status: 'running', durationMs: 5 }, { status: 'running', durationMs: 5 }] });
    assert.deepEqual(statuses(run), ['running@0', 'completed@10']);
  });
});
