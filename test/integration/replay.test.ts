import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { testWorkflowBundle } from '../helpers/temporal';

// Histories recorded from real runs (RECORD_HISTORIES=1 npm test). Replaying them against the current
// workflow code fails on any change that would break workflows already running in production.
const dir = path.resolve(__dirname, '..', 'fixtures', 'histories');
const fixtures = readdirSync(dir).filter((file) => file.endsWith('.json')).sort();

type History = temporal.api.history.v1.History;

/**
 * Decoded with @temporalio/proto's own classes: the SDK's historyFromJSON fails here ("type must be
 * a Type") because @temporalio/common carries a second copy of protobufjs.
 */
function load(file: string): { workflowId: string; history: History } {
  const { workflowId, history } = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { workflowId: string; history: object };
  return { workflowId, history: temporal.api.history.v1.History.fromObject(history) };
}

async function replay(workflowId: string, history: History): Promise<void> {
  await Worker.runReplayHistory({ workflowBundle: testWorkflowBundle() }, history, workflowId);
}

describe('replay of recorded workflow histories', () => {
  it('has the recorded main paths of agentRunWorkflow and agentChainWorkflow', () => {
    const names = ['complete', 'review-approve', 'retry-then-complete', 'fatal', 'continue-as-new'].map((n) => `agent-run-${n}.json`);
    names.push(...['three-steps', 'diamond', 'review', 'fail-fast', 'continue', 'cancelled'].map((n) => `chain-${n}.json`));
    for (const name of names) assert.ok(fixtures.includes(name), `missing fixture ${name}`);
  });

  for (const file of fixtures) {
    it(`replays ${file} deterministically`, async () => {
      const { workflowId, history } = load(file);
      await replay(workflowId, history);
    });
  }

  it('fails on a history whose commands the code would not issue', async () => {
    const { workflowId, history } = load('agent-run-complete.json');
    const scheduled = history.events.find((event) => event.activityTaskScheduledEventAttributes)!;
    scheduled.activityTaskScheduledEventAttributes!.activityType = { name: 'cancelRun' };
    await assert.rejects(replay(workflowId, history), DeterminismViolationError);
  });
});
