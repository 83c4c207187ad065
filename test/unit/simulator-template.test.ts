import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { placeholders, render, type TemplateContext } from '../../src/simulator/template';

const context: TemplateContext = {
  runId: 'run_1',
  workflowId: 'demo.x',
  attempt: 2,
  inputs: { query: 'hello', n: 3, tags: ['a', 'b'] },
  review: { formId: 'form_1', action: 'approve', data: { score: 5 } },
};

describe('output templates', () => {
  it('keeps the type of a value when the string is one placeholder', () => {
    assert.deepEqual(render({ n: '{{inputs.n}}', tags: '{{ inputs.tags }}', all: '{{inputs}}' }, context), {
      n: 3,
      tags: ['a', 'b'],
      all: context.inputs,
    });
  });

  it('interpolates inside text, JSON-encoding non-strings', () => {
    assert.equal(render('{{inputs.query}} x{{attempt}} {{review.data}}', context), 'hello x2 {"score":5}');
  });

  it('renders missing values as null (whole) or empty (inside text)', () => {
    assert.deepEqual(render({ a: '{{inputs.nope}}', b: 'c={{review.comment}}' }, context), { a: null, b: 'c=' });
  });

  it('only looks up own properties, never evaluates', () => {
    assert.equal(render('{{inputs.constructor}}', context), null);
    assert.deepEqual(placeholders('{{a.b}} and {{ c }} but not {{1+1}}'), ['a.b', 'c']);
  });
});
