import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WorkflowFailedError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { agentChainWorkflow } from '../../src/workflows/agent-chain';
import type { AgentChainInput, ChainStepRun } from '../../src/workflows/chain-types';
import { chainStatusQuery, chainStepRunSignal, submitStepReviewUpdate } from '../../src/workflows/messages';
import { fastPolling, waitForQuery, waitForStatus } from '../helpers/agent-run';
import { startChainTestEnv, type ChainTestEnv } from '../helpers/chain-env';
import { recordHistory } from '../helpers/histories';

type ChainHandle = WorkflowHandle<typeof agentChainWorkflow>;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

const run = (workflowId: string, inputs: ChainStepRun['inputs'] = {}): ChainStepRun => ({ workflowId, inputs, polling: fastPolling });

let counter = 0;
/** A topic no other test uses, so the simulator counts this test's runs apart. */
const topic = (label: string) => `${label}-${process.pid}-${++counter}`;

describe('agentChainWorkflow on a real Temporal server with the simulator', () => {
  let ctx: ChainTestEnv;
  before(async () => {
    ctx = await startChainTestEnv();
  });
  after(async () => {
    await ctx?.teardown();
  });

  const start = (taskQueue: string, input: AgentChainInput, label: string): Promise<ChainHandle> =>
    ctx.env.client.workflow.start<typeof agentChainWorkflow>('agentChainWorkflow', { taskQueue, args: [input], workflowId: topic(`chain-${label}`) });

  /** Positions in the chain's own history of the events that match. */
  async function positions(handle: ChainHandle, match: (event: HistoryEvent) => unknown): Promise<number[]> {
    const events = (await handle.fetchHistory()).events ?? [];
    return events.flatMap((event, i) => (match(event) ? [i] : []));
  }
  const childStarted = (event: HistoryEvent) => event.startChildWorkflowExecutionInitiatedEventAttributes;
  const childCompleted = (event: HistoryEvent) => event.childWorkflowExecutionCompletedEventAttributes;

  async function failureOf(handle: ChainHandle): Promise<WorkflowFailedError> {
    const error = await handle.result().then(() => undefined, (err: unknown) => err);
    assert.ok(error instanceof WorkflowFailedError, `expected the chain to fail, got ${String(error)}`);
    return error;
  }

  const stepHandle = (chain: ChainHandle, step: string) => ctx.env.client.workflow.getHandle(`${chain.workflowId}/${step}`);

  describe('data flow', () => {
    it('feeds each step the outputs of the one before, every step its own child workflow', async () => {
      const subject = topic('tides');
      await ctx.withWorker(async (taskQueue) => {
        const handle = await start(taskQueue, {
          steps: [
            { name: 'research', run: run('demo.research', { topic: subject }) },
            { name: 'draft', run: run('demo.draft', { summary: { $from: 'research.outputs.summary' } }) },
            { name: 'publish', run: run('demo.echo', { text: { $from: 'draft.outputs.draft' }, channel: 'blog' }) },
          ],
        }, 'three');
        const result = await handle.result();
        assert.equal(result.status, 'completed');
        assert.deepEqual(result.completed, ['research', 'draft', 'publish']);
        assert.equal(result.outputs.research.summary, `Research summary on ${subject}`);
        assert.equal(result.outputs.draft.draft, `Draft based on: Research summary on ${subject}`);
        assert.deepEqual(result.outputs.publish.inputs, { text: `Draft based on: Research summary on ${subject}`, channel: 'blog' });
        for (const step of ['research', 'draft', 'publish']) {
          const child = await stepHandle(handle, step).describe();
          assert.equal(child.type, 'agentRunWorkflow');
          assert.equal(child.status.name, 'COMPLETED');
          assert.equal(child.parentExecution?.workflowId, handle.workflowId);
        }
        const status = await handle.query(chainStatusQuery);
        assert.equal(status.state, 'completed');
        assert.deepEqual(status.steps.map(({ state }) => state), ['completed', 'completed', 'completed']);
        await recordHistory(handle, 'chain-three-steps');
      });
    });

    it('runs two independent steps in parallel and joins them (a diamond)', async () => {
      const subject = topic('diamond');
      await ctx.withWorker(async (taskQueue) => {
        const handle = await start(taskQueue, {
          steps: [
            { name: 'research', run: run('demo.research', { topic: subject }) },
            { name: 'short', run: run('demo.draft', { summary: { $from: 'research.outputs.summary' }, length: 'short' }) },
            { name: 'long', run: run('demo.draft', { summary: { $from: 'research.outputs.summary' }, length: 'long' }) },
            { name: 'join', run: run('demo.echo', { a: { $from: 'short.outputs.draft' }, b: { $from: 'long.outputs.draft' } }) },
          ],
        }, 'diamond');
        const result = await handle.result();
        assert.deepEqual(result.outputs.join.inputs, { a: `Draft based on: Research summary on ${subject}`, b: `Draft based on: Research summary on ${subject}` });
        // Both branches were started before either finished: they ran side by side.
        const initiated = await positions(handle, childStarted);
        const completed = await positions(handle, childCompleted);
        assert.equal(initiated.length, 4);
        assert.ok(initiated[2] < completed[1], `the second branch started (event ${initiated[2]}) before the first branch completed (event ${completed[1]})`);
        assert.deepEqual((await handle.query(chainStatusQuery)).steps.find(({ name }) => name === 'join')?.dependsOn, ['long', 'short']);
        await recordHistory(handle, 'chain-diamond');
      });
    });
  });

  describe('human review inside a step', () => {
    it('shows the step workflow waiting and takes the decision through the chain', async () => {
      const subject = topic('review');
      await ctx.withWorker(async (taskQueue) => {
        const handle = await start(taskQueue, {
          steps: [
            { name: 'research', run: run('demo.research', { topic: subject }) },
            { name: 'approve', run: run('demo.review', { summary: { $from: 'research.outputs.summary' } }) },
            { name: 'publish', run: run('demo.echo', { decision: { $from: 'approve.outputs.decision' } }) },
          ],
        }, 'review');
        const stepId = `${handle.workflowId}/approve`;
        const { review } = await waitForStatus(stepHandle(handle, 'approve'), ({ status }) => status === 'waiting');
        assert.deepEqual(review?.allowedActions, ['approve', 'reject']);
        const chain = await waitForQuery(handle, chainStatusQuery, ({ steps }) => steps.some((s) => s.name === 'approve' && s.state === 'waiting'));
        const chainView = chain.steps.find(({ name }) => name === 'approve')!;
        assert.equal(chainView.workflowId, stepId);
        assert.equal(chainView.review?.formId, review?.formId, 'the chain shows the form a reviewer must act on');

        await assert.rejects(
          handle.executeUpdate(submitStepReviewUpdate, { args: [{ step: 'publish', decision: { action: 'approve' } }] }),
          (err: unknown) => err instanceof WorkflowUpdateFailedError && /step "publish" is pending/.test(err.cause?.message ?? ''),
        );
        await assert.rejects(
          handle.executeUpdate(submitStepReviewUpdate, { args: [{ step: 'nope', decision: { action: 'approve' } }] }),
          (err: unknown) => err instanceof WorkflowUpdateFailedError && /no step "nope".*research, approve, publish/.test(err.cause?.message ?? ''),
        );
        const forwarded = await handle.executeUpdate(submitStepReviewUpdate, {
          args: [{ step: 'approve', decision: { action: 'approve', comment: 'ship it', reviewer: 'ann' } }],
        });
        assert.deepEqual(forwarded, { step: 'approve', workflowId: stepId });

        const result = await handle.result();
        assert.equal(result.outputs.approve.decision, 'approve');
        assert.deepEqual(result.outputs.publish.inputs, { decision: 'approve' });
        const approve = result.steps.find(({ name }) => name === 'approve');
        assert.deepEqual(approve?.result?.reviews.map(({ action, reviewer }) => ({ action, reviewer })), [{ action: 'approve', reviewer: 'ann' }]);
        await recordHistory(handle, 'chain-review');
      });
    });

    it("shows a step's pending form in the chain's own status when the step workflow reports it", async () => {
      await ctx.withWorker(async (taskQueue) => {
        const handle = await start(taskQueue, { steps: [{ name: 'slow', run: run('demo.slow', { note: topic('report') }) }] }, 'report');
        const stepId = `${handle.workflowId}/slow`;
        await waitForStatus(stepHandle(handle, 'slow'), ({ runId }) => runId !== '');
        const form = { formId: 'form-1', prompt: 'Approve?', allowedActions: ['approve'] };
        await handle.signal(chainStepRunSignal, { workflowId: stepId, runId: 'run-1', status: 'waiting', review: form });
        const [step] = (await handle.query(chainStatusQuery)).steps;
        assert.deepEqual([step.state, step.review, step.runId], ['waiting', form, 'run-1']);
        await handle.cancel();
        await failureOf(handle);
      });
    });
  });

  describe('failure policies', () => {
    it('failFast: a failed step cancels the running sibling (and its Supervity run) and the chain fails with its failure', async () => {
      const before = ctx.sim.stats();
      await ctx.withWorker(async (taskQueue) => {
        const handle = await start(taskQueue, {
          steps: [
            { name: 'warmup', run: run('demo.research', { topic: topic('warmup') }) },
            { name: 'boom', run: run('demo.fatal', { doc: topic('boom') }), dependsOn: ['warmup'] },
            { name: 'slow', run: run('demo.slow', { note: topic('slow') }) },
            { name: 'after', run: run('demo.draft', { summary: 'never' }), dependsOn: ['boom'] },
          ],
        }, 'failfast');
        const error = await failureOf(handle);
        assert.ok(error.cause instanceof ApplicationFailure);
        assert.equal(error.cause.type, 'SupervityRunFailed');
        assert.match(error.cause.message, /^chain step "boom" failed: Supervity run \S+ failed at step parse: The document could not be parsed/);
        const facts = error.cause.details?.[0] as Record<string, unknown>;
        assert.deepEqual([facts.chainStep, facts.workflowId, facts.reason], ['boom', `${handle.workflowId}/boom`, 'invalid_document']);

        const slow = await stepHandle(handle, 'slow').describe();
        assert.equal(slow.status.name, 'CANCELLED');
        const stats = ctx.sim.stats();
        const created = Object.entries(stats.runs).filter(([runId]) => !(runId in before.runs)).map(([, r]) => [r.workflowId, r.status]);
        assert.deepEqual(created.sort(), [['demo.fatal', 'failed'], ['demo.research', 'completed'], ['demo.slow', 'cancelled']], 'the sibling run was cancelled; "after" never ran');
        assert.equal(stats.calls.cancelRun - before.calls.cancelRun, 1);

        const status = await handle.query(chainStatusQuery);
        assert.equal(status.state, 'failed');
        assert.deepEqual(Object.fromEntries(status.steps.map(({ name, state }) => [name, state])), {
          warmup: 'completed',
          boom: 'failed',
          slow: 'cancelled',
          after: 'skipped',
        });
        await recordHistory(handle, 'chain-fail-fast');
      });
    });

    it('continue: independent steps go on, dependents of the failure are skipped, the result lists all three', async () => {
      await ctx.withWorker(async (taskQueue) => {
        const handle = await start(taskQueue, {
          failurePolicy: 'continue',
          steps: [
            { name: 'boom', run: run('demo.fatal', { doc: topic('boom') }) },
            { name: 'after', run: run('demo.draft', { summary: { $from: 'boom.outputs.summary' } }) },
            { name: 'research', run: run('demo.research', { topic: topic('continue') }) },
          ],
        }, 'continue');
        const result = await handle.result();
        assert.equal(result.status, 'partial');
        assert.deepEqual([result.completed, result.failed, result.skipped], [['research'], ['boom'], ['after']]);
        const boom = result.steps.find(({ name }) => name === 'boom');
        assert.equal(boom?.failure?.type, 'SupervityRunFailed');
        assert.deepEqual(result.steps.find(({ name }) => name === 'after')?.skippedBecause, ['boom']);
        await recordHistory(handle, 'chain-continue');
      });
    });
  });

  describe('invalid chains', () => {
    const rejectsBeforeAnyRun = async (input: AgentChainInput, label: string, ...fragments: RegExp[]) => {
      const executesBefore = ctx.sim.stats().calls.execute;
      await ctx.withWorker(async (taskQueue) => {
        const handle = await start(taskQueue, input, label);
        const error = await failureOf(handle);
        assert.ok(error.cause instanceof ApplicationFailure);
        assert.equal(error.cause.type, 'SupervityInvalidInput');
        for (const fragment of fragments) assert.match(error.cause.message, fragment);
        assert.deepEqual(await positions(handle, childStarted), [], 'no step started');
      });
      assert.equal(ctx.sim.stats().calls.execute, executesBefore, 'no Supervity run was executed');
    };

    it('rejects a $from to a step that does not exist before any run starts', async () => {
      await rejectsBeforeAnyRun(
        { steps: [{ name: 'research', run: run('demo.research', { topic: 'x' }) }, { name: 'draft', run: run('demo.draft', { summary: { $from: 'reserch.outputs.summary' } }) }] },
        'badref',
        /step "draft" input "summary"/,
        /"reserch.outputs.summary" reads step "reserch", which is not a step/,
      );
    });

    it('rejects a cycle before any run starts', async () => {
      await rejectsBeforeAnyRun(
        {
          steps: [
            { name: 'a', run: run('demo.draft', { summary: { $from: 'b.outputs.draft' } }) },
            { name: 'b', run: run('demo.draft', { summary: 'x' }), dependsOn: ['a'] },
          ],
        },
        'cycle',
        /cycle: a -> b \(\$from "b.outputs.draft" in input "summary"\), b -> a \(dependsOn\)/,
      );
    });

    it('fails a step whose $from matches nothing in the actual outputs, naming step and path, without running it', async () => {
      const draftsBefore = Object.values(ctx.sim.stats().runs).filter((r) => r.workflowId === 'demo.draft').length;
      await ctx.withWorker(async (taskQueue) => {
        const handle = await start(taskQueue, {
          steps: [
            { name: 'research', run: run('demo.research', { topic: topic('missing') }) },
            { name: 'draft', run: run('demo.draft', { summary: { $from: 'research.outputs.abstract' } }) },
          ],
        }, 'missing');
        const error = await failureOf(handle);
        assert.ok(error.cause instanceof ApplicationFailure);
        assert.equal(error.cause.type, 'SupervityInvalidInput');
        assert.match(error.cause.message, /step "draft" input "summary": \$from "research.outputs.abstract" matched nothing: research.outputs has no "abstract" \(keys: summary\)/);
      });
      assert.equal(Object.values(ctx.sim.stats().runs).filter((r) => r.workflowId === 'demo.draft').length, draftsBefore);
    });
  });

  describe('cancellation', () => {
    it('cancelling the chain cancels its running steps and their Supervity runs', async () => {
      const note = topic('cancel');
      await ctx.withWorker(async (taskQueue) => {
        const handle = await start(taskQueue, {
          steps: [
            { name: 'slow', run: run('demo.slow', { note }) },
            { name: 'next', run: run('demo.draft', { summary: 'never' }), dependsOn: ['slow'] },
          ],
        }, 'cancel');
        const { runId } = await waitForStatus(stepHandle(handle, 'slow'), (status) => status.runId !== '');
        await handle.cancel();
        const error = await failureOf(handle);
        assert.ok(error.cause instanceof CancelledFailure);
        assert.equal((await stepHandle(handle, 'slow').describe()).status.name, 'CANCELLED');
        assert.equal(ctx.sim.stats().runs[runId]?.status, 'cancelled');
        const status = await handle.query(chainStatusQuery);
        assert.deepEqual([status.state, ...status.steps.map(({ state }) => state)], ['cancelled', 'cancelled', 'skipped']);
        await recordHistory(handle, 'chain-cancelled');
      });
    });
  });
});
