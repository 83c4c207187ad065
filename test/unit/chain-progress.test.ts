import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatChainSummary, formatStepLine, StepChangeLog, type ShownStep } from '../../src/cli/chain-progress';

const step = (state: ShownStep['state'], extra: Partial<ShownStep> = {}): ShownStep => ({ name: 'draft', workflowId: 'c1/draft', state, ...extra });

describe('chain progress: what --follow prints', () => {
  it('prints a step again only when its state, run or pending form changed', () => {
    const log = new StepChangeLog();
    assert.equal(log.changes([step('running')]).length, 1);
    assert.equal(log.changes([step('running')]).length, 0);
    assert.equal(log.changes([step('running', { runId: 'r1' })]).length, 1);
    assert.equal(log.changes([step('waiting', { runId: 'r1', review: { formId: 'f1' } })]).length, 1);
    assert.equal(log.changes([step('waiting', { runId: 'r1', review: { formId: 'f2' } })]).length, 1, 'a new form is news');
  });

  it('says what a reviewer must act on, and where', () => {
    const line = formatStepLine(step('waiting', { review: { formId: 'f1', prompt: 'Publish?', allowedActions: ['approve', 'reject'] } }), 6);
    assert.equal(line, '  draft   waiting    review f1 "Publish?" [approve, reject]: decide on workflow c1/draft');
  });

  it('says why a step failed or was skipped', () => {
    assert.match(formatStepLine(step('failed', { failure: { type: 'SupervityRunFailed', message: 'boom' } }), 5), /failed +SupervityRunFailed: boom$/);
    assert.match(formatStepLine(step('cancelled'), 5), /cancelled by the chain$/);
    assert.match(formatStepLine(step('skipped', { skippedBecause: ['research'] }), 5), /because research did not complete$/);
  });

  it('sums up a chain that returned', () => {
    const result = { status: 'partial' as const, steps: [], outputs: {}, completed: ['a'], failed: ['b'], skipped: ['c', 'd'] };
    assert.equal(formatChainSummary('c1', result), 'chain c1 partial: 1 completed, 1 failed (b), 2 skipped (c, d)');
  });
});
