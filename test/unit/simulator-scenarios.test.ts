import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { BUILTIN_SCENARIOS, loadScenarioFile, parseScenarioFile, validateScenarios } from '../../src/simulator';

const fixtures = path.join(__dirname, '..', 'fixtures', 'simulator');

describe('scenario validation', () => {
  it('accepts every built-in scenario', () => {
    assert.doesNotThrow(() => validateScenarios(BUILTIN_SCENARIOS));
  });

  it('names the path of every problem', () => {
    const bad = {
      'my.flow': {
        inputs: { n: { type: 'int' } },
        steps: [{ review: {} }, { status: 'done', durationMS: 5 }],
        outputs: { x: '{{secret.value}}' },
        fail: { reason: 'r', retryable: 'yes' },
      },
    };
    assert.throws(
      () => validateScenarios(bad),
      (err: Error) =>
        [
          'scenarios["my.flow"].inputs.n.type must be one of string, number, boolean, json, file',
          'scenarios["my.flow"].steps[0] must be a status step',
          'scenarios["my.flow"].steps[1].durationMS is not a known field',
          'scenarios["my.flow"].steps[1].status must be one of scheduled, running',
          'scenarios["my.flow"].steps[1].durationMs is required',
          'scenarios["my.flow"].outputs.x uses {{secret.value}}',
          'scenarios["my.flow"].fail.message must be a non-empty string',
          'scenarios["my.flow"].fail.retryable must be true or false',
        ].every((line) => err.message.includes(line)) || assert.fail(err.message),
    );
  });

  it('requires steps unless the scenario is forbidden', () => {
    assert.throws(() => validateScenarios({ a: {} }), /scenarios\["a"\]\.steps must be a non-empty array/);
    assert.doesNotThrow(() => validateScenarios({ a: { forbidden: { violation: 'no' } } }));
  });
});

describe('scenario files', () => {
  it('load scenarios and faults', async () => {
    const file = await loadScenarioFile(path.join(fixtures, 'custom.json'));
    assert.ok(file.scenarios['custom.quick']);
    assert.equal(file.faults[0]?.status, 503);
  });

  it('name the file and the field when invalid', () => {
    assert.throws(() => parseScenarioFile('{"faults":[{"status":"x"}]}', 'f.json'), /^ScenarioError: f\.json: invalid fault rules:\n {2}faults\[0\]\.status/);
    assert.throws(() => parseScenarioFile('{ nope', 'f.json'), /f\.json is not valid JSON/);
    assert.throws(() => parseScenarioFile('{"scenario":{}}', 'f.json'), /unknown top-level field\(s\) scenario/);
  });

  it('say when the file cannot be read', async () => {
    await assert.rejects(loadScenarioFile(path.join(fixtures, 'missing.json')), /cannot read scenario file .*missing\.json: ENOENT/);
  });
});
