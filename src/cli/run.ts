// `supervity-temporal run <supervityWorkflowId> -i name=value ... [--wait|--follow]`.
import { type Client, WorkflowFailedError } from '@temporalio/client';
import { startAgentRun, type AgentRunWorkflow } from '../client';
import type { AgentRunResult } from '../workflows/types';
import { ExitCode, type CliCommand, type CliIO } from './command';
import { withClient, writeJson } from './connect';
import { usageError } from './errors';
import { followRun, type FollowEvent } from './follow';
import { failureSummary, formatEvent, formatFailure, formatResult } from './format';
import { inputSyntaxHelp, parseInputs } from './inputs';
import { parseCommandArgs, rejectExtraPositionals, requirePositional } from './parse';

const usage = `Usage: supervity-temporal run <supervityWorkflowId> [-i name=value ...] [--id ID] [--wait | --follow] [--json]

Starts agentRunWorkflow for a Supervity workflow: the run is durable from here on (worker restarts,
retries and review pauses of days included).

Options:
  -i, --input name=value  a run input (repeatable; syntax below)
  --id ID                 Temporal workflow id (default agent-run-<supervityWorkflowId>-<uuid>)
  --task-queue Q          default $TEMPORAL_TASK_QUEUE or "supervity"
  --wait                  wait for the outputs (exit 1 if the run fails)
  --follow                like --wait, showing state changes, retries and the pending review with the
                          command that answers it
  --json                  machine-readable output (with --follow: one JSON event per line)

${inputSyntaxHelp}

Example:
  supervity-temporal run demo.summarize -i query="Summarize this document" -i max_tokens=300 \\
    -i document=@./contract.pdf --follow
`;

const options = {
  input: { type: 'string', short: 'i', multiple: true },
  id: { type: 'string' },
  'task-queue': { type: 'string' },
  wait: { type: 'boolean' },
  follow: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** `supervity-temporal run`. */
export const runCommand: CliCommand = {
  name: 'run',
  summary: 'start an agent run (-i inputs, @file), optionally --wait or --follow it',
  usage,
  async run(argv, io) {
    const parsed = parseCommandArgs('run', argv, options);
    const { values, positionals } = parsed;
    const supervityWorkflowId = requirePositional('run', positionals, 0, 'the Supervity workflow id, e.g. demo.summarize');
    rejectExtraPositionals('run', positionals, 1);
    if (values.wait && values.follow) throw usageError('run', '--wait and --follow are exclusive');
    const inputs = parseInputs(values.input ?? [], io.cwd);
    return await withClient(io.env, async (client, settings) => {
      const taskQueue = values['task-queue'] ?? settings.taskQueue;
      const handle = await startAgentRun(client, { workflowId: supervityWorkflowId, inputs }, { workflowId: values.id, taskQueue });
      const started = { workflowId: handle.workflowId, runId: handle.firstExecutionRunId, taskQueue, namespace: settings.namespace };
      if (!values.wait && !values.follow) return reportStarted(io, started, Boolean(values.json));
      if (values.json) writeJson(io.stdout, { event: 'started', ...started });
      else io.stdout.write(`started ${handle.workflowId} (task queue ${taskQueue})\n`);
      return await awaitOutcome(client, handle.workflowId, io, { follow: Boolean(values.follow), json: Boolean(values.json) });
    });
  },
};

function reportStarted(io: CliIO, started: { workflowId: string; runId: string; taskQueue: string }, json: boolean): number {
  if (json) writeJson(io.stdout, started);
  else {
    io.stdout.write(`started ${started.workflowId} (task queue ${started.taskQueue})\n`);
    io.stdout.write(`  progress: supervity-temporal status ${started.workflowId}\n`);
  }
  return ExitCode.Ok;
}

/** How {@link awaitOutcome} reports: progress or not, JSON or text, and an optional own event handler. */
export interface OutcomeMode {
  follow: boolean;
  json: boolean;
  /** Replaces the default printing of progress events. */
  onEvent?: (event: FollowEvent) => void | Promise<void>;
}

/** Waits for the run (showing progress when following); prints outputs or the failure; the exit code. */
export async function awaitOutcome(client: Client, workflowId: string, io: CliIO, mode: OutcomeMode): Promise<number> {
  const print = (event: FollowEvent): void => {
    if (mode.json) writeJson(io.stdout, { event: event.kind, ...event });
    else io.stdout.write(`${formatEvent(event, workflowId)}\n`);
  };
  let result: AgentRunResult;
  try {
    result = mode.follow ? await followRun(client, workflowId, { onEvent: mode.onEvent ?? print }) : await client.workflow.getHandle<AgentRunWorkflow>(workflowId).result();
  } catch (err) {
    if (!(err instanceof WorkflowFailedError)) throw err;
    const failure = failureSummary(err);
    if (mode.json) writeJson(io.stdout, { event: 'failed', workflowId, failure });
    else io.stderr.write(`${formatFailure(failure)}\n`);
    return ExitCode.Failed;
  }
  if (mode.json) writeJson(io.stdout, mode.follow ? { event: 'completed', workflowId, result } : result);
  else io.stdout.write(`${formatResult(result)}\n`);
  return ExitCode.Ok;
}
