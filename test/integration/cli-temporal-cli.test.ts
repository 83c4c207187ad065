// The `temporal` CLI itself drives agentRunWorkflow with plain JSON: start, signal, query, result.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { findTemporalBinary } from '../../src/temporal-binaries';
import type { AgentRunResult, AgentRunStatus } from '../../src/workflows/types';
import { startCliTestBed, type CliTestBed } from './cli-harness';

const run = promisify(execFile);

describe('the temporal CLI against agentRunWorkflow', () => {
  let bed: CliTestBed;
  let temporal: (args: string[]) => Promise<string>;
  before(async () => {
    bed = await startCliTestBed();
    const binary = findTemporalBinary('cli');
    assert.ok(binary, 'the temporal CLI is installed (npm run temporal:install)');
    temporal = async (args) => (await run(binary, [...args, '--address', bed.env.address, '--namespace', bed.env.namespace ?? 'default'])).stdout;
  });
  after(async () => {
    await bed?.teardown();
  });

  it('starts with JSON input, answers the status query, takes the reviewDecision signal, and gives the result', async () => {
    const workflowId = `temporal-cli-${process.pid}`;
    await temporal(['workflow', 'start', '--type', 'agentRunWorkflow', '--task-queue', bed.taskQueue, '--workflow-id', workflowId, '--input', '{"workflowId":"demo.review","inputs":{"topic":"from the temporal CLI"}}']);
    let status: AgentRunStatus | undefined;
    for (let tries = 0; tries < 100 && status?.status !== 'waiting'; tries += 1) {
      const out = await temporal(['workflow', 'query', '--workflow-id', workflowId, '--name', 'status', '--output', 'json']);
      status = (JSON.parse(out) as { queryResult: AgentRunStatus[] }).queryResult[0];
      if (status?.status !== 'waiting') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(status?.status, 'waiting');
    assert.deepEqual(status?.review?.allowedActions, ['approve', 'reject']);
    await temporal(['workflow', 'signal', '--workflow-id', workflowId, '--name', 'reviewDecision', '--input', '{"action":"approve","comment":"via temporal CLI","reviewer":"ops"}']);
    const out = await temporal(['workflow', 'result', '--workflow-id', workflowId, '--output', 'json']);
    const { result } = JSON.parse(out) as { result: AgentRunResult };
    assert.equal(result.status, 'completed');
    assert.equal(result.outputs.decision, 'approve');
    assert.deepEqual(result.reviews.map((r) => [r.action, r.reviewer]), [['approve', 'ops']]);
  });
});
