// `supervity-temporal chain --file chain.json [--follow] [--id ID] [--json]`: starts agentChainWorkflow.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Client, type WorkflowHandleWithFirstExecutionRunId, WorkflowExecutionAlreadyStartedError, WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { connectClientFromEnv } from '../temporal-settings';
import type { agentChainWorkflow } from '../workflows/agent-chain';
import { planChain } from '../workflows/chain-graph';
import type { AgentChainInput, AgentChainResult } from '../workflows/chain-types';
import { chainStatusQuery, statusQuery } from '../workflows/messages';
import { formatChainSummary, formatStepLine, StepChangeLog, type ShownStep } from './chain-progress';
import { ExitCode, type CliCommand, type CliIO } from './command';
import { configError, usageError } from './errors';
import { parseCommandArgs, rejectExtraPositionals } from './parse';

/** The workflow type name of chains, as the worker registers it. */
export const agentChainWorkflowType = 'agentChainWorkflow';

const followIntervalMs = 1000;

type ChainHandle = WorkflowHandleWithFirstExecutionRunId<typeof agentChainWorkflow>;
type Outcome = { result: AgentChainResult } | { error: unknown };

const usage = `Usage: supervity-temporal chain --file chain.json [--follow] [--id ID] [--json]

Starts agentChainWorkflow: named agent steps, each run as its own agentRunWorkflow
(workflow id <chain id>/<step>), outputs fed forward with { "$from": "step.outputs.path" }.
The file is checked first (unknown steps, bad $from, cycles) and nothing starts if it is wrong.

Options:
  -f, --file PATH  the chain: { "steps": [{ "name", "run": { "workflowId", "inputs" }, "dependsOn"? }],
                   "failurePolicy"?: "failFast" | "continue" }
  --follow         print each step's progress (and pending reviews) until the chain ends;
                   exit 0 only when every step completed
  --id ID          the chain's workflow id (default chain-<uuid>)
  --json           one JSON object per line on stdout (events: started, step, completed, failed)

Reads TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_TASK_QUEUE (default supervity), as "worker" does.
`;

/** Reads and checks a chain file; every problem is a config error naming the file. */
export async function loadChainFile(file: string, cwd: string): Promise<AgentChainInput> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (err) {
    throw configError(`--file ${file}: cannot read it (${(err as Error).message})`);
  }
  let chain: AgentChainInput;
  try {
    chain = JSON.parse(text) as AgentChainInput;
  } catch (err) {
    throw configError(`--file ${file}: not valid JSON (${(err as Error).message})`);
  }
  try {
    planChain(chain);
  } catch (err) {
    throw configError(`--file ${file}: ${(err as Error).message}`);
  }
  return chain;
}

/** The `chain` sub-command. */
export const chainCommand: CliCommand = {
  name: 'chain',
  summary: 'start a chain of agents from a JSON file (and --follow its steps)',
  usage,
  async run(argv: string[], io: CliIO): Promise<number> {
    const parsed = parseCommandArgs('chain', argv, {
      file: { type: 'string', short: 'f' },
      follow: { type: 'boolean' },
      id: { type: 'string' },
      json: { type: 'boolean' },
    });
    const { values, positionals } = parsed;
    rejectExtraPositionals('chain', positionals, 0);
    if (!values.file) throw usageError('chain', 'missing --file chain.json');
    const chain = await loadChainFile(values.file, io.cwd);
    const { client, settings } = await connectClientFromEnv(io.env);
    try {
      const handle = await startChain(client, chain, values.id ?? `chain-${randomUUID()}`, settings.taskQueue);
      const out = new Output(io, values.json === true);
      out.started(handle, chain, settings.taskQueue);
      return values.follow ? await follow(client, handle, out) : ExitCode.Ok;
    } finally {
      await client.connection.close();
    }
  },
};

async function startChain(client: Client, chain: AgentChainInput, workflowId: string, taskQueue: string): Promise<ChainHandle> {
  try {
    return await client.workflow.start<typeof agentChainWorkflow>(agentChainWorkflowType, { args: [chain], workflowId, taskQueue });
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) throw configError(`--id ${workflowId}: a workflow with this id is already running; choose another id`);
    throw err;
  }
}

/** Prints step changes until the chain closes; the exit code says whether every step completed. */
async function follow(client: Client, handle: ChainHandle, out: Output): Promise<number> {
  const outcome: Promise<Outcome> = handle.result().then((result) => ({ result }), (error: unknown) => ({ error }));
  const changes = new StepChangeLog();
  let ended: Outcome | undefined;
  for (;;) {
    const steps = ended && 'result' in ended ? ended.result.steps : await currentSteps(client, handle);
    for (const step of changes.changes(steps ?? [])) out.step(step);
    if (ended) return out.ended(handle.workflowId, ended);
    ended = await Promise.race([outcome, sleep(followIntervalMs).then(() => undefined)]);
  }
}

/** The chain's steps, with the review of any step whose own workflow waits on one; undefined if not answerable yet. */
async function currentSteps(client: Client, handle: ChainHandle): Promise<ShownStep[] | undefined> {
  try {
    const { steps } = await handle.query(chainStatusQuery);
    return await Promise.all(
      steps.map(async (step): Promise<ShownStep> => {
        if (step.state !== 'running') return step;
        const run = await client.workflow.getHandle(step.workflowId).query(statusQuery);
        return run.status === 'waiting' ? { ...step, state: 'waiting', runId: run.runId, review: run.review } : { ...step, runId: run.runId || undefined };
      }),
    );
  } catch {
    return undefined;
  }
}

/** Human lines, or one JSON object per line with `--json`. */
class Output {
  private nameWidth = 0;

  constructor(
    private readonly io: CliIO,
    private readonly json: boolean,
  ) {}

  started(handle: ChainHandle, chain: AgentChainInput, taskQueue: string): void {
    const steps = chain.steps.map(({ name }) => name);
    this.nameWidth = Math.max(...steps.map((name) => name.length));
    if (this.json) return this.line({ event: 'started', workflowId: handle.workflowId, runId: handle.firstExecutionRunId, steps });
    this.io.stdout.write(`chain ${handle.workflowId} started on task queue ${taskQueue}: ${steps.join(', ')}\n`);
  }

  step(step: ShownStep): void {
    const { name, ...rest } = step;
    if (this.json) return this.line({ event: 'step', step: name, ...rest });
    this.io.stdout.write(`${formatStepLine(step, this.nameWidth)}\n`);
  }

  ended(workflowId: string, outcome: Outcome): number {
    if ('result' in outcome) {
      if (this.json) this.line({ event: 'completed', workflowId, result: outcome.result });
      else this.io.stdout.write(`${formatChainSummary(workflowId, outcome.result)}\n`);
      return outcome.result.status === 'completed' ? ExitCode.Ok : ExitCode.Failed;
    }
    const failure = describeChainFailure(outcome.error);
    if (this.json) this.line({ event: 'failed', workflowId, failure });
    else this.io.stdout.write(`chain ${workflowId} failed: ${failure.type}: ${failure.message}\n`);
    return ExitCode.Failed;
  }

  private line(event: Record<string, unknown>): void {
    this.io.stdout.write(`${JSON.stringify(event)}\n`);
  }
}

function describeChainFailure(err: unknown): { type: string; message: string } {
  const cause = err instanceof WorkflowFailedError ? err.cause : err;
  if (cause instanceof ApplicationFailure) return { type: cause.type ?? 'ApplicationFailure', message: cause.message };
  if (cause instanceof CancelledFailure) return { type: 'Cancelled', message: 'the chain was cancelled' };
  if (err instanceof Error) return { type: err.name, message: err.message };
  return { type: 'Error', message: String(err) };
}
