// `supervity-temporal worker`: the worker, configured by the environment.
import { logLevelVariable, runWorkerFromEnv, shutdownGraceTimeVariable } from '../worker';
import { ExitCode, type CliCommand } from './command';
import { parseCommandArgs, rejectExtraPositionals } from './parse';

/** Environment variables the worker and the client commands read, for `--help` texts. */
export const envHelp = `Environment:
  SUPERVITY_API_URL        Supervity API base URL (required by the worker), e.g. https://api.supervity.ai
  SUPERVITY_TOKEN          Supervity API token (required by the worker; never logged)
  SUPERVITY_FILE_ROOT      directory that { file: { path } } inputs must lie under (default: path inputs refused)
  SUPERVITY_URL_ALLOWLIST  comma-separated hosts { file: { url } } inputs may come from
  TEMPORAL_ADDRESS         Temporal frontend host:port (default localhost:7233)
  TEMPORAL_NAMESPACE       namespace (default "default")
  TEMPORAL_API_KEY         API key, e.g. for Temporal Cloud (turns TLS on)
  TEMPORAL_TLS*, TEMPORAL_PROFILE, TEMPORAL_CONFIG_FILE
                           TLS and profiles, exactly as the temporal CLI reads them (@temporalio/envconfig)
  TEMPORAL_TASK_QUEUE      task queue (default "supervity")`;

const usage = `Usage: supervity-temporal worker

Runs a Temporal worker for agentRunWorkflow (and agentChainWorkflow) with the Supervity activities.
Stops gracefully on SIGINT/SIGTERM: polling stops, in-flight activities get the grace time to finish,
then are cancelled and retried by another worker. Nothing is lost.

${envHelp}
  ${shutdownGraceTimeVariable}  grace time for in-flight activities on shutdown (default 10s)
  ${logLevelVariable}      TRACE, DEBUG, INFO (default), WARN, ERROR

A missing or malformed setting stops start-up with one line naming it (exit 3).
`;

/** `supervity-temporal worker`. */
export const workerCommand: CliCommand = {
  name: 'worker',
  summary: 'run a worker (Supervity activities + workflows) configured by the environment',
  usage,
  async run(argv, io) {
    const parsed = parseCommandArgs('worker', argv, {});
    rejectExtraPositionals('worker', parsed.positionals, 0);
    await runWorkerFromEnv(io.env, {
      onReady: (s) => io.stdout.write(`worker: polling task queue "${s.taskQueue}" on ${s.address} (namespace ${s.namespace}), Supervity API ${s.supervityApiUrl}; Ctrl-C to stop\n`),
    });
    io.stdout.write('worker: stopped\n');
    return ExitCode.Ok;
  },
};
