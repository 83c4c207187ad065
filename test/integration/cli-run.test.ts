import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WorkflowFailedError } from '@temporalio/client';
import { CancelledFailure } from '@temporalio/common';
import { startAgentRun } from '../../src/client';
import { ExitCode } from '../../src/cli/command';
import { waitForStatus } from '../helpers/agent-run';
import { runCliToEnd, spawnCli, startCliTestBed, type CliTestBed } from './cli-harness';

describe('CLI: run, review, status, cancel, list against a real Temporal server', () => {
  let bed: CliTestBed;
  before(async () => {
    bed = await startCliTestBed();
  });
  after(async () => {
    await bed?.teardown();
  });

  it('run --wait prints the outputs of demo.summarize and exits 0', async () => {
    const out = await runCliToEnd(['run', 'demo.summarize', '-i', 'query=Summarize the wait test', '-i', 'max_tokens=300', '--wait'], bed.cliEnv);
    assert.equal(out.code, ExitCode.Ok, out.stderr);
    assert.match(out.stdout, /^started agent-run-demo\.summarize-/m);
    assert.match(out.stdout, /completed: run \S+ after 1 attempt\(s\)/);
    assert.match(out.stdout, /"summary": "Summary: Summarize the wait test"/);
  });

  it('run --wait --json gives the result as one JSON document, inputs typed', async () => {
    const out = await runCliToEnd(['run', 'demo.summarize', '-i', 'query=json please', '-i', 'max_tokens=120', '--wait', '--json', '--id', 'cli-json-1'], bed.cliEnv);
    assert.equal(out.code, ExitCode.Ok, out.stderr);
    const lines = out.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.equal(lines[0]?.workflowId, 'cli-json-1');
    const result = lines.at(-1) as { status: string; outputs: { summary: string; maxTokens: unknown } };
    assert.equal(result.status, 'completed');
    assert.equal(result.outputs.summary, 'Summary: json please');
    assert.equal(String(result.outputs.maxTokens), '120');
  });

  it('run --follow shows the pending review and the exact review command; running it completes the run', async () => {
    const follow = spawnCli(['run', 'demo.review', '-i', 'topic=follow test', '--follow'], bed.cliEnv);
    const [, command] = await follow.waitFor(/to approve: (supervity-temporal review \S+ approve)\n/);
    assert.match(follow.output(), /waiting for review: form \S+ at step "approve-draft"/);
    assert.match(follow.output(), /allowed actions: approve, reject/);
    const review = await runCliToEnd([...command.split(' ').slice(1), '--comment', 'ship it', '--reviewer', 'ann'], bed.cliEnv);
    assert.equal(review.code, ExitCode.Ok, review.stderr);
    assert.match(review.stdout, /review "approve" accepted for form \S+/);
    const done = await follow.exited;
    assert.equal(done.code, ExitCode.Ok, done.stderr);
    assert.match(done.stdout, /review: "approve" on form \S+ by ann relayed to Supervity/);
    assert.match(done.stdout, /completed: run \S+ after 1 attempt\(s\), reviews: approve by ann/);
    assert.match(done.stdout, /"decision": "approve"/);
  });

  it('review with an action the form does not allow is rejected at once, exit 1, run still waiting', async () => {
    const handle = await startAgentRun(bed.env.client, { workflowId: 'demo.review', inputs: { topic: 'bad action' } }, { taskQueue: bed.taskQueue });
    await waitForStatus(handle, (s) => s.status === 'waiting');
    const out = await runCliToEnd(['review', handle.workflowId, 'frobnicate'], bed.cliEnv);
    assert.equal(out.code, ExitCode.Failed);
    assert.match(out.stderr, /^review rejected: .*frobnicate/);
    assert.match(out.stderr, /approve, reject/);
    const status = await runCliToEnd(['status', handle.workflowId, '--json'], bed.cliEnv);
    assert.equal(status.code, ExitCode.Ok, status.stderr);
    const report = JSON.parse(status.stdout) as { execution: string; status: { status: string; review?: { allowedActions?: string[] } } };
    assert.equal(report.execution, 'RUNNING');
    assert.equal(report.status.status, 'waiting');
    assert.deepEqual(report.status.review?.allowedActions, ['approve', 'reject']);
    await handle.terminate('test done');
  });

  it('status shows the pending review for a person, and the outputs once completed', async () => {
    const handle = await startAgentRun(bed.env.client, { workflowId: 'demo.review', inputs: { topic: 'status' } }, { taskQueue: bed.taskQueue });
    await waitForStatus(handle, (s) => s.status === 'waiting');
    const waiting = await runCliToEnd(['status', handle.workflowId], bed.cliEnv);
    assert.equal(waiting.code, ExitCode.Ok, waiting.stderr);
    assert.match(waiting.stdout, new RegExp(`workflow ${handle.workflowId}: RUNNING`));
    assert.match(waiting.stdout, /status: waiting/);
    assert.match(waiting.stdout, new RegExp(`to approve: supervity-temporal review ${handle.workflowId} approve`));
    assert.equal((await runCliToEnd(['review', handle.workflowId, 'approve'], bed.cliEnv)).code, ExitCode.Ok);
    await handle.result();
    const done = await runCliToEnd(['status', handle.workflowId], bed.cliEnv);
    assert.equal(done.code, ExitCode.Ok, done.stderr);
    assert.match(done.stdout, /COMPLETED[\s\S]*"decision": "approve"/);
  });

  it('cancel ends the workflow cancelled and cancels the Supervity run', async () => {
    const handle = await startAgentRun(bed.env.client, { workflowId: 'demo.review', inputs: { topic: 'cancel me' } }, { taskQueue: bed.taskQueue });
    const { runId } = await waitForStatus(handle, (s) => s.status === 'waiting');
    const out = await runCliToEnd(['cancel', handle.workflowId], bed.cliEnv);
    assert.equal(out.code, ExitCode.Ok, out.stderr);
    await assert.rejects(handle.result(), (err) => err instanceof WorkflowFailedError && err.cause instanceof CancelledFailure);
    assert.equal(bed.sim.stats().runs[runId]?.status, 'cancelled');
    const status = await runCliToEnd(['status', handle.workflowId], bed.cliEnv);
    assert.equal(status.code, ExitCode.Failed);
    assert.match(status.stdout, /CANCELLED[\s\S]*failed: Cancelled/);
  });

  it('run --wait on a run that fails for good exits 1 with the failure type and run facts', async () => {
    const out = await runCliToEnd(['run', 'demo.fatal', '-i', 'query=fatal', '--wait'], bed.cliEnv);
    assert.equal(out.code, ExitCode.Failed);
    assert.match(out.stderr, /^failed: SupervityRunFailed: /m);
    assert.match(out.stderr, /"retryable": false/);
  });

  it('list --waiting finds a run waiting for review through the search attribute', async () => {
    const handle = await startAgentRun(bed.env.client, { workflowId: 'demo.review', inputs: { topic: 'list me' } }, { taskQueue: bed.taskQueue });
    await waitForStatus(handle, (s) => s.status === 'waiting');
    let listed: Array<{ workflowId: string }> = [];
    for (let tries = 0; tries < 20 && !listed.some((r) => r.workflowId === handle.workflowId); tries += 1) {
      const out = await runCliToEnd(['list', '--waiting', '--json', '--task-queue', bed.taskQueue], bed.cliEnv);
      assert.equal(out.code, ExitCode.Ok, out.stderr);
      listed = JSON.parse(out.stdout) as Array<{ workflowId: string }>;
    }
    assert.ok(listed.some((r) => r.workflowId === handle.workflowId), `listed: ${JSON.stringify(listed)}`);
    await handle.terminate('test done');
  });
});
