// `supervity-temporal status <id>`: the workflow's state and, while it runs, the `status` query.
import { type Client, WorkflowFailedError } from '@temporalio/client';
import { getRunStatus, type AgentRunWorkflow } from '../client';
import type { AgentRunResult, AgentRunStatus } from '../workflows/types';
import { ExitCode, type CliCommand } from './command';
import { withClient, writeJson } from './connect';
import { failureSummary, formatFailure, formatResult, formatStatus, type FailureSummary } from './format';
import { parseCommandArgs, rejectExtraPositionals, requirePositional } from './parse';

const usage = `Usage: supervity-temporal status <temporalWorkflowId> [--json]

While the workflow runs: the Supervity run's state, attempt, pending review (with the commands that
answer it), retries and reviews so far (the workflow's "status" query). Once closed: its outputs or
its failure. Exit 0 unless the workflow failed, was cancelled or terminated (1).
`;

type Report =
  | { workflowId: string; execution: 'RUNNING'; status: AgentRunStatus }
  | { workflowId: string; execution: string; result: AgentRunResult }
  | { workflowId: string; execution: string; failure: FailureSummary };

/** `supervity-temporal status`. */
export const statusCommand: CliCommand = {
  name: 'status',
  summary: "show a run's state, pending review, attempts (or its outputs once done)",
  usage,
  async run(argv, io) {
    const parsed = parseCommandArgs('status', argv, { json: { type: 'boolean' } });
    const workflowId = requirePositional('status', parsed.positionals, 0, 'the Temporal workflow id of the run');
    rejectExtraPositionals('status', parsed.positionals, 1);
    const report = await withClient(io.env, (client) => readReport(client, workflowId));
    if (parsed.values.json) writeJson(io.stdout, report);
    else io.stdout.write(`${describe(report)}\n`);
    return 'failure' in report ? ExitCode.Failed : ExitCode.Ok;
  },
};

async function readReport(client: Client, workflowId: string): Promise<Report> {
  const handle = client.workflow.getHandle<AgentRunWorkflow>(workflowId);
  const execution = (await handle.describe()).status.name;
  if (execution === 'RUNNING') return { workflowId, execution, status: await getRunStatus(client, workflowId) };
  try {
    return { workflowId, execution, result: await handle.result() };
  } catch (err) {
    if (!(err instanceof WorkflowFailedError)) throw err;
    return { workflowId, execution, failure: failureSummary(err) };
  }
}

function describe(report: Report): string {
  if ('status' in report) return formatStatus(report.workflowId, report.execution, report.status);
  const head = formatStatus(report.workflowId, report.execution, undefined);
  return `${head}\n${'result' in report ? formatResult(report.result) : formatFailure(report.failure)}`;
}
