// `supervity-temporal dev`: the embedded environment until Ctrl-C.
import { installWorkerRuntime, logLevelFromEnv } from '../worker';
import { startDevEnvironment, type DevEnvironment } from '../dev';
import { ExitCode, type CliCommand } from './command';
import { devFlags, devFlagsHelp, devOptionsFrom } from './dev-options';
import { parseCommandArgs, rejectExtraPositionals } from './parse';

const usage = `Usage: supervity-temporal dev [options]

Runs everything locally in one process tree: a Temporal dev server (the "temporal" CLI binary, data in
a project-local SQLite file that survives restarts, Web UI on, search attributes registered), the
Supervity API simulator, and a worker. Prints the addresses and the environment to use from another
shell. Ctrl-C stops the worker (gracefully), the simulator and the server.

Options:
${devFlagsHelp}
`;

/** `supervity-temporal dev`. */
export const devCommand: CliCommand = {
  name: 'dev',
  summary: 'run Temporal (with Web UI), the Supervity simulator and a worker locally, until Ctrl-C',
  usage,
  async run(argv, io) {
    const parsed = parseCommandArgs('dev', argv, devFlags);
    rejectExtraPositionals('dev', parsed.positionals, 0);
    const options = devOptionsFrom(parsed.values, io.cwd, io.env);
    installWorkerRuntime(logLevelFromEnv(io.env, 'WARN'), false);
    io.stdout.write('starting the Temporal dev server, the Supervity simulator and a worker...\n');
    const dev = await startDevEnvironment(options);
    io.stdout.write(describeDev(dev));
    const reason = await untilStopped(dev);
    io.stdout.write(`\n${reason}; stopping the worker, the simulator and the Temporal server...\n`);
    await dev.close();
    io.stdout.write('stopped\n');
    return reason === 'the worker stopped unexpectedly' ? ExitCode.Failed : ExitCode.Ok;
  },
};

/** The addresses and the environment another shell uses. */
export function describeDev(dev: DevEnvironment): string {
  const exports = Object.entries(dev.env).map(([name, value]) => `export ${name}=${value}`).join('\n  ');
  return `
Temporal   ${dev.temporalAddress} (namespace ${dev.namespace}; data in ${dev.dbFile})
Web UI     ${dev.uiUrl ?? '(headless)'}
Supervity  ${dev.simulatorUrl} (simulator, token ${dev.token})
Worker     task queue "${dev.taskQueue}"

From another shell:
  ${exports}
  npx supervity-temporal run demo.review -i topic="Q3 report" --follow

Ctrl-C stops everything.
`;
}

async function untilStopped(dev: DevEnvironment): Promise<string> {
  let onSignal: (signal: NodeJS.Signals) => void = () => undefined;
  const signalled = new Promise<string>((resolve) => {
    onSignal = (signal) => resolve(`${signal} received`);
  });
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    return await Promise.race([signalled, dev.workerStopped.then(() => 'the worker stopped unexpectedly', () => 'the worker stopped unexpectedly')]);
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}

