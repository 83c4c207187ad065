import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from '@temporalio/worker';
import { testWorkflowBundle } from '../helpers/temporal';

// Histories recorded from real runs (RECORD_HISTORIES=1 npm test). Replaying them against the current
// workflow code fails on any change that would break workflows already running in production.
const dir = path.resolve(__dirname, '..', 'fixtures', 'histories');
const fixtures = readdirSync(dir).filter((file) => file.endsWith('.json')).sort();

describe('replay of recorded workflow histories', () => {
  it('has the recorded main paths of agentRunWorkflow', () => {
    for (const name of ['complete', 'review-approve', 'retry-then-complete', 'fatal', 'continue-as-new']) {
      assert.ok(fixtures.includes(`agent-run-${name}.json`), `missing fixture agent-run-${name}.json`);
    }
  });

  for (const file of fixtures) {
    it(`replays ${file} deterministically`, async () => {
      const { workflowId, history } = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { workflowId: string; history: unknown };
      await Worker.runReplayHistory({ workflowBundle: testWorkflowBundle() }, history, workflowId);
    });
  }
});
