// `supervity-temporal cancel <id>`: cancels the workflow, which cancels the Supervity run.
import { cancelAgentRun } from '../client';
import { ExitCode, type CliCommand } from './command';
import { withClient } from './connect';
import { parseCommandArgs, rejectExtraPositionals, requirePositional } from './parse';

const usage = `Usage: supervity-temporal cancel <temporalWorkflowId>

Requests cancellation of an agent run: the workflow asks Supervity to cancel the run (best effort,
recorded in its history) and ends cancelled. "status <id>" shows when it has.
`;

/** `supervity-temporal cancel`. */
export const cancelCommand: CliCommand = {
  name: 'cancel',
  summary: 'cancel a run (the Supervity run is cancelled too)',
  usage,
  async run(argv, io) {
    const parsed = parseCommandArgs('cancel', argv, {});
    const workflowId = requirePositional('cancel', parsed.positionals, 0, 'the Temporal workflow id of the run');
    rejectExtraPositionals('cancel', parsed.positionals, 1);
    await withClient(io.env, (client) => cancelAgentRun(client, workflowId));
    io.stdout.write(`cancellation requested for ${workflowId}; the workflow cancels its Supervity run and ends cancelled\n`);
    return ExitCode.Ok;
  },
};
