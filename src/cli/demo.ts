// `supervity-temporal demo` (what `npm start` runs): the embedded environment, one demo.review run
// followed to its end, approved as a reviewer would, then everything stopped.
import type { Client } from '@temporalio/client';
import { startAgentRun, submitReview } from '../client';
import { connectClientFromEnv } from '../temporal-settings';
import { installWorkerRuntime, logLevelFromEnv } from '../worker';
import { startDevEnvironment, type DevEnvironment } from '../dev';
import { ExitCode, type CliCommand, type CliIO } from './command';
import { devFlags, devFlagsHelp, devOptionsFrom } from './dev-options';
import { awaitOutcome } from './run';
import { formatEvent } from './format';
import type { FollowEvent } from './follow';
import { parseCommandArgs, rejectExtraPositionals } from './parse';

const usage = `Usage: supervity-temporal demo [options]

Starts the embedded environment (as "dev" does, falling back to free ports if the usual ones are
taken), runs the Supervity workflow demo.review with --follow, shows the run pausing for a human
review, approves it as a reviewer would, prints the outputs and the Temporal Web UI link to the
workflow, then stops everything. Exit 0 when the run completed.

Options:
${devFlagsHelp}
`;

const inputs = { topic: 'Q3 vendor contract renewal', audience: 'legal team', max_words: 200 };
const reviewer = 'demo-reviewer';
const comment = 'Looks good, publish it.';

/** `supervity-temporal demo`. */
export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'the guided demo (npm start): a run that pauses for review, approved, to its outputs',
  usage,
  async run(argv, io) {
    const parsed = parseCommandArgs('demo', argv, devFlags);
    rejectExtraPositionals('demo', parsed.positionals, 0);
    const options = { ...devOptionsFrom(parsed.values, io.cwd, io.env), portFallback: true };
    installWorkerRuntime(logLevelFromEnv(io.env, 'WARN'), false);
    say(io, 'Starting the embedded environment: a Temporal dev server, the Supervity API simulator and a worker...');
    const dev = await startDevEnvironment(options);
    try {
      io.stdout.write(`  Temporal ${dev.temporalAddress} · Web UI ${dev.uiUrl} · Supervity simulator ${dev.simulatorUrl} · task queue "${dev.taskQueue}"\n`);
      const { client } = await connectClientFromEnv({ ...io.env, ...dev.env });
      try {
        return await runDemo(client, dev, io);
      } finally {
        await client.connection.close();
      }
    } finally {
      say(io, 'Stopping the worker, the simulator and the Temporal server...');
      await dev.close();
      io.stdout.write('  stopped.\n');
    }
  },
};

async function runDemo(client: Client, dev: DevEnvironment, io: CliIO): Promise<number> {
  const args = Object.entries(inputs).map(([name, value]) => `-i ${name}=${shellWord(String(value))}`).join(' ');
  say(io, `A Supervity agent run that pauses for a human review, as a durable Temporal workflow:\n$ supervity-temporal run demo.review ${args} --follow`);
  const handle = await startAgentRun(client, { workflowId: 'demo.review', inputs }, { taskQueue: dev.taskQueue });
  const workflowId = handle.workflowId;
  io.stdout.write(`started ${workflowId} (task queue ${dev.taskQueue})\n`);
  const onEvent = async (event: FollowEvent) => {
    io.stdout.write(`${formatEvent(event, workflowId)}\n`);
    if (event.kind !== 'review') return;
    say(io, `The run is paused until someone decides. Approving it, as a reviewer would:\n$ supervity-temporal review ${workflowId} approve --comment "${comment}" --reviewer ${reviewer}`);
    const receipt = await submitReview(client, workflowId, { action: 'approve', comment, reviewer });
    io.stdout.write(`review "${receipt.action}" accepted for form ${receipt.formId}; the run resumes\n\n`);
  };
  const code = await awaitOutcome(client, workflowId, io, { follow: true, json: false, onEvent });
  say(io, `Temporal Web UI for this workflow: ${dev.workflowUrl(workflowId)}\n  (its history stays in ${dev.dbFile}; "npx supervity-temporal dev" serves the Web UI again)`);
  return code === ExitCode.Ok ? ExitCode.Ok : ExitCode.Failed;
}

/** `text` as one shell word, quoted only when it must be. */
function shellWord(text: string): string {
  return /^[\w.,:/+-]+$/.test(text) ? text : `"${text.replace(/(["\\$`])/g, '\\$1')}"`;
}

function say(io: CliIO, text: string): void {
  io.stdout.write(`\n${text}\n`);
}
