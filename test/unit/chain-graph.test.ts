import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApplicationFailure } from '@temporalio/common';
import { planChain } from '../../src/workflows/chain-graph';
import type { AgentChainInput, ChainStep } from '../../src/workflows/chain-types';

const step = (name: string, extra: Partial<ChainStep> = {}, inputs: ChainStep['run']['inputs'] = {}): ChainStep => ({
  name,
  run: { workflowId: `demo.${name}`, inputs },
  ...extra,
});

function assertInvalid(input: unknown, ...fragments: string[]): ApplicationFailure {
  let caught: unknown;
  try {
    planChain(input as AgentChainInput);
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof ApplicationFailure, `expected an ApplicationFailure, got ${String(caught)}`);
  assert.equal(caught.type, 'SupervityInvalidInput');
  for (const fragment of fragments) assert.ok(caught.message.includes(fragment), `"${caught.message}" mentions ${fragment}`);
  return caught;
}

describe('chain graph: dependencies', () => {
  it('derives edges from $from and merges them with dependsOn, sorted and unique', () => {
    const plan = planChain({
      steps: [
        step('research'),
        step('facts'),
        step('draft', { dependsOn: ['facts', 'research'] }, { summary: { $from: 'research.outputs.summary' }, tone: 'dry' }),
      ],
    });
    assert.deepEqual(
      plan.steps.map(({ name, dependsOn }) => [name, dependsOn]),
      [['research', []], ['facts', []], ['draft', ['facts', 'research']]],
    );
    assert.equal(plan.failurePolicy, 'failFast');
  });

  it('accepts steps listed before the steps they depend on', () => {
    const plan = planChain({ steps: [step('b', {}, { x: { $from: 'a.outputs.x' } }), step('a')], failurePolicy: 'continue' });
    assert.deepEqual(plan.steps[0].dependsOn, ['a']);
    assert.equal(plan.failurePolicy, 'continue');
  });
});

describe('chain graph: rejected before any run starts', () => {
  it('a $from to a step that does not exist, naming step, input and path', () => {
    const failure = assertInvalid(
      { steps: [step('research'), step('draft', {}, { summary: { $from: 'reserch.outputs.summary' } })] },
      'step "draft" input "summary"',
      '"reserch.outputs.summary"',
      'not a step of this chain',
    );
    assert.deepEqual(failure.details, [{ step: 'draft', input: 'summary', path: 'reserch.outputs.summary' }]);
  });

  it('a dependsOn on an unknown step', () => {
    assertInvalid({ steps: [step('a', { dependsOn: ['ghost'] })] }, 'step "a" dependsOn "ghost"');
  });

  it('a cycle of dependsOn, listing its edges', () => {
    const failure = assertInvalid(
      { steps: [step('a', { dependsOn: ['c'] }), step('b', { dependsOn: ['a'] }), step('c', { dependsOn: ['b'] })] },
      'cycle: a -> c (dependsOn), c -> b (dependsOn), b -> a (dependsOn)',
    );
    assert.deepEqual((failure.details?.[0] as { cycle: string[] }).cycle, ['a', 'c', 'b', 'a']);
  });

  it('a $from to a step that does not come earlier (a cycle through a reference), naming the path', () => {
    assertInvalid(
      { steps: [step('a', {}, { x: { $from: 'b.outputs.y' } }), step('b', { dependsOn: ['a'] })] },
      'a -> b ($from "b.outputs.y" in input "x")',
      'b -> a (dependsOn)',
    );
  });

  it('a step that depends on itself', () => {
    assertInvalid({ steps: [step('a', {}, { x: { $from: 'a.outputs.y' } })] }, 'cycle: a -> a');
  });

  it('malformed chains, naming what is wrong', () => {
    assertInvalid({ steps: [] }, 'non-empty array');
    assertInvalid({}, 'non-empty array');
    assertInvalid({ steps: [step('a'), step('a')] }, 'step "a" appears twice');
    assertInvalid({ steps: [step('a.b')] }, 'step name "a.b" is invalid');
    assertInvalid({ steps: [{ name: 'a', run: {} }] }, 'step "a" needs run.workflowId');
    assertInvalid({ steps: [step('a', { dependsOn: 'b' as never })] }, 'dependsOn must be an array');
    assertInvalid({ steps: [{ name: 'a', run: { workflowId: 'w', resume: {} } }] }, 'run.resume is internal');
    assertInvalid({ steps: [step('a')], failurePolicy: 'sometimes' }, 'failurePolicy "sometimes"');
  });
});
