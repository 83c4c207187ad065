import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type Simulator } from '../../src/simulator';
import { pause } from '../fixtures/simulator/client';

// The seed's examples (shared/seeds/agent-execution-apis.md), copied verbatim.
const SIMPLE_INPUTS = `curl -X POST "$SUPERVITY_API_URL/api/v1/workflow-runs/execute" \\
  -H "Authorization: Bearer $SUPERVITY_TOKEN" \\
  -F "workflowId=workflow_123" \\
  -F "inputs[query]=Summarize this document" \\
  -F "inputs[max_tokens]=300"`;

const FILE_INPUT = `curl -X POST "$SUPERVITY_API_URL/api/v1/workflow-runs/execute" \\
  -H "Authorization: Bearer $SUPERVITY_TOKEN" \\
  -F "workflowId=workflow_123" \\
  -F "inputs[document]=@./contract.pdf"`;

// Verbatim but for the example run id, replaced by the one execute answered.
const GET_RUN = `curl "$SUPERVITY_API_URL/api/v1/workflow-runs/run_abc123" \\
  -H "Authorization: Bearer $SUPERVITY_TOKEN"`;

const hasCurl = spawnSync('curl', ['--version']).error === undefined;
const run = promisify(execFile);

describe("the seed's curl examples against the simulator", { skip: hasCurl ? false : 'curl is not installed' }, () => {
  let sim: Simulator;
  let dir: string;
  const contract = Buffer.from('%PDF-1.4\n% a contract, streamed and hashed by the simulator\n'.repeat(2000));
  before(async () => {
    sim = await startSimulator({ port: 0, token: 'seed-token' });
    dir = await mkdtemp(path.join(tmpdir(), 'sim-curl-'));
    await writeFile(path.join(dir, 'contract.pdf'), contract);
  });
  after(async () => {
    await sim?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function curl(script: string): Promise<Record<string, unknown>> {
    const env = { ...process.env, SUPERVITY_API_URL: sim.url, SUPERVITY_TOKEN: 'seed-token' };
    const { stdout } = await run('bash', ['-c', script], { env, cwd: dir });
    return JSON.parse(stdout) as Record<string, unknown>;
  }

  async function untilTerminal(runId: string): Promise<Record<string, unknown>> {
    for (let poll = 0; poll < 200; poll++) {
      const state = await curl(GET_RUN.replace('run_abc123', runId));
      if (['completed', 'failed', 'cancelled'].includes(state.status as string)) return state;
      await pause(50);
    }
    throw new Error(`run ${runId} did not finish within 200 polls`);
  }

  it('simple inputs: execute answers { runId, status }, get run ends completed with outputs', async () => {
    const created = await curl(SIMPLE_INPUTS);
    assert.deepEqual(Object.keys(created).sort(), ['runId', 'status']);
    assert.equal(created.status, 'scheduled');
    const done = await untilTerminal(created.runId as string);
    assert.equal(done.status, 'completed');
    assert.ok(done.startedAt && done.completedAt);
    const outputs = done.outputs as { summary: string; received: unknown };
    assert.equal(typeof outputs.summary, 'string');
    assert.deepEqual(outputs.received, { query: 'Summarize this document', max_tokens: 300 });
  });

  it('file input: the file arrives intact (size and sha256 echoed)', async () => {
    const created = await curl(FILE_INPUT);
    const done = await untilTerminal(created.runId as string);
    assert.equal(done.status, 'completed');
    assert.deepEqual((done.outputs as { received: unknown }).received, {
      document: { filename: 'contract.pdf', contentType: 'application/pdf', size: contract.length, sha256: createHash('sha256').update(contract).digest('hex') },
    });
    assert.ok((sim.stats().polls[created.runId as string] ?? 0) >= 1);
  });
});
