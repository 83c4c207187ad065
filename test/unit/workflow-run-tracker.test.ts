import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RunTracker, decisionProblem } from '../../src/workflows/run-tracker';
import type { AgentRunResumeState } from '../../src/workflows/types';

const review = { formId: 'form-1', allowedActions: ['approve', 'reject'] };

function waitingTracker(): RunTracker {
  const run = new RunTracker();
  run.started({ runId: 'run-1', status: 'scheduled' }, 0);
  run.observe({ runId: 'run-1', status: 'waiting', review }, 1000, 5000);
  return run;
}

describe('RunTracker', () => {
  it('starts a review wait with a deadline when a new form appears', () => {
    const run = waitingTracker();
    assert.equal(run.status, 'waiting');
    assert.equal(run.reviewDeadline, 6000);
    assert.equal(run.waitingSince, new Date(1000).toISOString());
    run.observe({ runId: 'run-1', status: 'waiting', review }, 4000, 5000);
    assert.equal(run.reviewDeadline, 6000, 'the same form keeps its deadline');
  });

  it('relays a decision once per form: duplicates are no-ops answered with the first receipt', () => {
    const run = waitingTracker();
    const firstSeq = run.enqueue({ action: 'approve', reviewer: 'ana' });
    const duplicateSeq = run.enqueue({ action: 'approve', formId: 'form-1' });
    const first = run.takeDecision();
    assert.deepEqual(first, { action: 'approve', reviewer: 'ana', formId: 'form-1', seq: firstSeq });
    const receipt = { formId: 'form-1', action: 'approve', status: 'submitted' };
    run.relayed(first, { receipt }, 2000);
    assert.equal(run.decisionInFlight, true);
    assert.equal(run.takeDecision(), undefined, 'the duplicate for a decided form is not relayed');
    assert.deepEqual(run.outcomes.get(duplicateSeq), { receipt });
    const lateSeq = run.enqueue({ action: 'reject', formId: 'form-1' });
    assert.deepEqual(run.outcomes.get(lateSeq), { receipt });
    assert.equal(run.pendingDecisions.length, 0);
    assert.deepEqual(run.reviews, [{ formId: 'form-1', action: 'approve', reviewer: 'ana', at: new Date(2000).toISOString() }]);
  });

  it('leaves the form open when Supervity refuses a decision', () => {
    const run = waitingTracker();
    run.enqueue({ action: 'approve' });
    run.relayed(run.takeDecision()!, { error: new Error('422') }, 2000);
    assert.equal(run.decisionInFlight, false);
    run.enqueue({ action: 'reject' });
    assert.equal(run.takeDecision()?.action, 'reject');
  });

  it('keeps a decision that arrives before the run waits, for the next form', () => {
    const run = new RunTracker();
    run.started({ runId: 'run-1', status: 'running' }, 0);
    run.enqueue({ action: 'approve' });
    assert.equal(run.takeDecision(), undefined);
    run.observe({ runId: 'run-1', status: 'waiting', review }, 10, undefined);
    assert.equal(run.takeDecision()?.formId, 'form-1');
  });

  it('validates decisions against the pending form', () => {
    const run = waitingTracker();
    assert.equal(decisionProblem(run, { action: 'approve' }), undefined);
    assert.match(decisionProblem(run, { action: 'escalate' })!, /'escalate' is not allowed by form form-1; allowed: approve, reject/);
    assert.match(decisionProblem(run, { action: 'approve', formId: 'other' })!, /form other is not the pending form/);
    run.observe({ runId: 'run-1', status: 'running' }, 3000);
    assert.match(decisionProblem(run, { action: 'approve' })!, /the run is running, not waiting/);
  });

  it('carries everything across continue-as-new', () => {
    const run = waitingTracker();
    run.enqueue({ action: 'approve', formId: 'form-9' });
    const resumed = new RunTracker(JSON.parse(JSON.stringify(run.resumeState())) as AgentRunResumeState);
    assert.deepEqual(resumed.snapshot(), run.snapshot());
    assert.equal(resumed.reviewDeadline, 6000);
    assert.deepEqual(resumed.pendingDecisions, [{ action: 'approve', formId: 'form-9', seq: 1 }]);
    assert.equal(resumed.enqueue({ action: 'reject' }), 2, 'numbering goes on after the carried decisions');
  });

  it('records each attempt and its error', () => {
    const run = new RunTracker();
    run.started({ runId: 'run-1', status: 'running' }, 0);
    const error = { reason: 'timeout', message: 'upstream timed out', retryable: true };
    run.observe({ runId: 'run-1', status: 'failed', error }, 10);
    run.nextAttempt();
    run.started({ runId: 'run-2', status: 'running' }, 20);
    assert.deepEqual(run.attempts, [{ runId: 'run-1', status: 'failed', error }, { runId: 'run-2', status: 'running' }]);
    assert.equal(run.attempt, 2);
  });
});
