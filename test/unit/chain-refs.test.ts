import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApplicationFailure } from '@temporalio/common';
import { collectStepRefs, isStepOutputRef, parseRefPath, resolveStepInputs } from '../../src/workflows/chain-refs';

/** Asserts `fn` throws SupervityInvalidInput whose message holds every fragment. */
function assertInvalid(fn: () => unknown, ...fragments: string[]): ApplicationFailure {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof ApplicationFailure, `expected an ApplicationFailure, got ${String(caught)}`);
  assert.equal(caught.type, 'SupervityInvalidInput');
  assert.equal(caught.nonRetryable, true);
  for (const fragment of fragments) assert.ok(caught.message.includes(fragment), `"${caught.message}" mentions ${fragment}`);
  return caught;
}

describe('chain refs: the $from path syntax', () => {
  it('reads a step, "outputs", then keys, indexes and quoted keys', () => {
    assert.deepEqual(parseRefPath('research.outputs.summary'), { step: 'research', segments: ['summary'] });
    assert.deepEqual(parseRefPath('a.outputs.items[0].title'), { step: 'a', segments: ['items', 0, 'title'] });
    assert.deepEqual(parseRefPath('a-1.outputs["first name"][12]'), { step: 'a-1', segments: ['first name', 12] });
    assert.deepEqual(parseRefPath('a.outputs'), { step: 'a', segments: [] });
  });

  it('rejects anything else, saying where it broke', () => {
    assert.throws(() => parseRefPath('research.summary'), /expected "<step>.outputs/);
    assert.throws(() => parseRefPath('.outputs.x'), /expected "<step>.outputs/);
    assert.throws(() => parseRefPath('a.outputs.items[-1]'), /cannot read "\[-1\]"/);
    assert.throws(() => parseRefPath('a.outputs.x + 1'), /cannot read " \+ 1"/);
    assert.throws(() => parseRefPath('a.outputsX'), /cannot read "X"/);
  });

  it('recognises only objects with a $from key as references', () => {
    assert.equal(isStepOutputRef({ $from: 'a.outputs.x' }), true);
    assert.equal(isStepOutputRef({ from: 'a.outputs.x' }), false);
    assert.equal(isStepOutputRef(['$from']), false);
    assert.equal(isStepOutputRef('a.outputs.x'), false);
  });
});

describe('chain refs: collecting references from a step', () => {
  it('lists each top-level $from with its input name; literals are left alone', () => {
    const refs = collectStepRefs('draft', { summary: { $from: 'research.outputs.summary' }, tone: 'formal', meta: { a: 1 } });
    assert.deepEqual(refs, [{ input: 'summary', path: 'research.outputs.summary', ref: { step: 'research', segments: ['summary'] } }]);
  });

  it('rejects a malformed reference, naming step, input and path', () => {
    const failure = assertInvalid(() => collectStepRefs('draft', { summary: { $from: 'research.summary' } }), 'step "draft"', 'input "summary"', 'research.summary');
    assert.deepEqual(failure.details, [{ step: 'draft', input: 'summary', path: 'research.summary' }]);
    assertInvalid(() => collectStepRefs('draft', { summary: { $from: 'a.outputs.x', extra: 1 } }), 'exactly { "$from"');
    assertInvalid(() => collectStepRefs('draft', { summary: { $from: 42 } as never }), 'exactly { "$from"');
  });
});

describe('chain refs: resolving references against outputs', () => {
  const outputs = { research: { summary: 'S', items: [{ title: 'T0' }], 'first name': 'Ada', empty: null } };

  it('replaces each reference by the value it points at and keeps the literals', () => {
    const inputs = { summary: { $from: 'research.outputs.summary' }, title: { $from: 'research.outputs.items[0].title' }, tone: 'formal' };
    assert.deepEqual(resolveStepInputs('draft', inputs, outputs), { summary: 'S', title: 'T0', tone: 'formal' });
    assert.deepEqual(resolveStepInputs('draft', { who: { $from: 'research.outputs["first name"]' } }, outputs), { who: 'Ada' });
    assert.deepEqual(resolveStepInputs('draft', { all: { $from: 'research.outputs.items' } }, outputs), { all: [{ title: 'T0' }] });
    assert.equal(resolveStepInputs('draft', undefined, outputs), undefined);
  });

  it('fails SupervityInvalidInput naming step, input, path and what is there when the path matches nothing', () => {
    const failure = assertInvalid(
      () => resolveStepInputs('draft', { summary: { $from: 'research.outputs.summry' } }, outputs),
      'step "draft"',
      'input "summary"',
      '"research.outputs.summry"',
      'keys: summary, items',
    );
    assert.deepEqual(failure.details, [{ step: 'draft', input: 'summary', path: 'research.outputs.summry' }]);
    assertInvalid(() => resolveStepInputs('d', { x: { $from: 'research.outputs.items[3]' } }, outputs), 'has 1 item(s), no [3]');
    assertInvalid(() => resolveStepInputs('d', { x: { $from: 'research.outputs.summary[0]' } }, outputs), 'research.outputs.summary is not an array');
    assertInvalid(() => resolveStepInputs('d', { x: { $from: 'research.outputs.summary.len' } }, outputs), 'is not an object');
    assertInvalid(() => resolveStepInputs('d', { x: { $from: 'research.outputs.empty' } }, outputs), 'research.outputs.empty is null');
    assertInvalid(() => resolveStepInputs('d', { x: { $from: 'other.outputs.x' } }, outputs), 'step "other" has no outputs');
  });

  it('never reads inherited properties', () => {
    assertInvalid(() => resolveStepInputs('d', { x: { $from: 'research.outputs.constructor' } }, outputs), 'has no "constructor"');
  });
});
