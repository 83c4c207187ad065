import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type HttpError } from '../../src/simulator/http-error';
import { canonicalInputs, groupForm, typedInputs } from '../../src/simulator/inputs';
import type { ReceivedForm } from '../../src/simulator/multipart';
import type { InputSpec } from '../../src/simulator/scenario-types';

function form(fields: [string, string][]): ReceivedForm {
  return { fields: fields.map(([name, value]) => ({ name, value })), files: [] };
}

function rejects(fields: [string, string][], specs: Record<string, InputSpec>, status: number, field: string, message: RegExp): void {
  assert.throws(
    () => typedInputs(groupForm(form(fields)), specs),
    (err: HttpError) => err.status === status && err.extra.field === field && message.test(err.message),
  );
}

describe('execute form fields', () => {
  it('require workflowId (400 naming the field)', () => {
    assert.throws(() => groupForm(form([['inputs[a]', '1']])), (err: HttpError) => err.status === 400 && err.extra.field === 'workflowId');
  });

  it('reject fields that are not inputs[name]', () => {
    assert.throws(() => groupForm(form([['workflowId', 'w'], ['inputs.a', '1']])), (err: HttpError) => err.status === 400 && err.extra.field === 'inputs.a');
  });

  it('type inputs from the scenario and keep undeclared ones as text or arrays', () => {
    const raw = groupForm(
      form([
        ['workflowId', 'w'],
        ['inputs[n]', '300'],
        ['inputs[flag]', 'false'],
        ['inputs[obj]', '{"a":[1]}'],
        ['inputs[tags]', 'x'],
        ['inputs[tags]', 'y'],
        ['inputs[ids][]', '7'],
        ['inputs[free]', 'text'],
      ]),
    );
    const specs: Record<string, InputSpec> = { n: { type: 'number' }, flag: { type: 'boolean' }, obj: { type: 'json' }, ids: { type: 'number', array: true } };
    assert.deepEqual(typedInputs(raw, specs), { n: 300, flag: false, obj: { a: [1] }, tags: ['x', 'y'], ids: [7], free: 'text' });
  });

  it('give 422 naming the field for missing or mistyped inputs', () => {
    rejects([['workflowId', 'w']], { query: { required: true } }, 422, 'inputs[query]', /is required/);
    rejects([['workflowId', 'w'], ['inputs[n]', 'abc']], { n: { type: 'number' } }, 422, 'inputs[n]', /must be a number, got "abc"/);
    rejects([['workflowId', 'w'], ['inputs[b]', 'yes']], { b: { type: 'boolean' } }, 422, 'inputs[b]', /true or false/);
    rejects([['workflowId', 'w'], ['inputs[j]', '{']], { j: { type: 'json' } }, 422, 'inputs[j]', /JSON-encoded/);
    rejects([['workflowId', 'w'], ['inputs[f]', 'text']], { f: { type: 'file' } }, 422, 'inputs[f]', /must be a file part/);
    rejects([['workflowId', 'w'], ['inputs[s]', 'a'], ['inputs[s]', 'b']], { s: {} }, 422, 'inputs[s]', /takes one value, got 2/);
  });

  it('canonicalize inputs with sorted keys', () => {
    assert.equal(canonicalInputs({ b: 1, a: { d: 2, c: 3 } }, true), '{"a":{"c":3,"d":2},"b":1}');
  });
});
