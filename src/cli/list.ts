// `supervity-temporal list --waiting`: runs waiting for a human review, through visibility.
import { listWaitingRuns } from '../client';
import { ExitCode, type CliCommand } from './command';
import { withClient, writeJson } from './connect';
import { usageError } from './errors';
import { reviewCommand } from './format';
import { parseCommandArgs, rejectExtraPositionals } from './parse';

const usage = `Usage: supervity-temporal list --waiting [--task-queue Q] [--json]

Lists open agent runs waiting for a human review (visibility query SupervityRunStatus = 'waiting').
Needs the SupervityRunStatus and SupervityRunId search attributes registered on the namespace
("supervity-temporal dev" registers them; elsewhere:
  temporal operator search-attribute create --name SupervityRunStatus --type Keyword
  temporal operator search-attribute create --name SupervityRunId --type Keyword).
Visibility is eventually consistent: a run shows up a moment after it starts waiting.
`;

const options = { waiting: { type: 'boolean' }, 'task-queue': { type: 'string' }, json: { type: 'boolean' } } as const;

/** `supervity-temporal list`. */
export const listCommand: CliCommand = {
  name: 'list',
  summary: 'list runs waiting for a review (--waiting)',
  usage,
  async run(argv, io) {
    const parsed = parseCommandArgs('list', argv, options);
    rejectExtraPositionals('list', parsed.positionals, 0);
    if (!parsed.values.waiting) throw usageError('list', 'say what to list: --waiting');
    const runs = await withClient(io.env, (client) => listWaitingRuns(client, { taskQueue: parsed.values['task-queue'] }));
    if (parsed.values.json) writeJson(io.stdout, runs);
    else if (runs.length === 0) io.stdout.write('no runs waiting for review\n');
    else for (const run of runs) io.stdout.write(`${run.workflowId}  run ${run.supervityRunId ?? '?'}  started ${run.startTime.toISOString()}  ->  ${reviewCommand(run.workflowId, 'approve')}\n`);
    return ExitCode.Ok;
  },
};
