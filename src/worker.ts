// The worker: `createWorker(options)` for embedding, `runWorkerFromEnv(env)` for the runnable entry
// (`node lib/worker.js`, `supervity-temporal worker`).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Duration } from '@temporalio/common';
import { DefaultLogger, type LogLevel, NativeConnection, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from './activities';
import { connectOrExplain, loadTemporalSettings, EnvSettingError } from './temporal-settings';
import type { SupervityClient } from './supervity/client';
import { supervityConfigFromEnv, type SupervityClientOptions } from './supervity/config';

/** Options of {@link createWorker}: Temporal's worker options, with the Supervity connection instead of activities. */
export interface CreateWorkerOptions extends Omit<WorkerOptions, 'activities' | 'workflowsPath' | 'workflowBundle' | 'connection' | 'namespace' | 'taskQueue'> {
  connection: NativeConnection;
  /** Default `default`. */
  namespace?: string;
  taskQueue: string;
  /** How the activities reach Supervity: options (API URL, token, file root...) or a client you built. */
  supervity: SupervityClientOptions | SupervityClient;
  /** Default: the prebuilt `lib/workflow-bundle.js` when present, else the workflow sources bundled at start-up. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

const prebuiltBundle = path.join(__dirname, 'workflow-bundle.js');

/** Where the workflow code comes from: the prebuilt bundle (`npm run build`) or the sources. */
export function defaultWorkflowSource(): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  if (existsSync(prebuiltBundle)) return { workflowBundle: { codePath: prebuiltBundle } };
  return { workflowsPath: require.resolve('./workflows') };
}

/** Creates a worker that runs `agentRunWorkflow` (and the package's other workflows) and the Supervity activities. */
export async function createWorker(options: CreateWorkerOptions): Promise<Worker> {
  const { supervity, workflowBundle, ...workerOptions } = options;
  return await Worker.create({
    shutdownGraceTime: '10s',
    ...workerOptions,
    ...(workflowBundle ? { workflowBundle } : defaultWorkflowSource()),
    activities: createActivities(supervity),
  });
}

/** Grace time for in-flight activities when the worker shuts down (default `10s`). */
export const shutdownGraceTimeVariable = 'SUPERVITY_SHUTDOWN_GRACE_TIME';
/** The worker's log level: TRACE, DEBUG, INFO, WARN, ERROR. */
export const logLevelVariable = 'SUPERVITY_LOG_LEVEL';
const logLevels: readonly LogLevel[] = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'];

/** Reads `SUPERVITY_LOG_LEVEL`, or `fallback` when unset. */
export function logLevelFromEnv(env: NodeJS.ProcessEnv, fallback: LogLevel): LogLevel {
  const raw = env[logLevelVariable]?.trim().toUpperCase();
  if (!raw) return fallback;
  if (!(logLevels as string[]).includes(raw)) throw new EnvSettingError(logLevelVariable, `${logLevelVariable}="${env[logLevelVariable]}" is not a log level; use one of ${logLevels.join(', ')}`);
  return raw as LogLevel;
}

/**
 * Installs Temporal's process-wide runtime with a logger at `level`, unless something in this process
 * already did (an embedding app, a test). `handleSignals: false` leaves SIGINT/SIGTERM to the caller.
 */
export function installWorkerRuntime(level: LogLevel, handleSignals = true): void {
  if (Runtime._instance !== undefined) return;
  Runtime.install({ logger: new DefaultLogger(level), ...(handleSignals ? {} : { shutdownSignals: [] }) });
}

/** Hooks of {@link runWorkerFromEnv}, so a CLI can say what it is doing. */
export interface RunWorkerHooks {
  /** Called once the worker polls: the settings it runs with (never the token or API key). */
  onReady?(summary: WorkerSummary): void;
}

/** What a running worker is connected to; safe to print (no credentials). */
export interface WorkerSummary {
  address: string;
  namespace: string;
  taskQueue: string;
  supervityApiUrl: string;
}

/**
 * Runs a worker configured by the environment until SIGINT/SIGTERM, then shuts it down gracefully:
 * polling stops, in-flight activities get `SUPERVITY_SHUTDOWN_GRACE_TIME` (default `10s`) to finish
 * before they are cancelled (and retried on another worker), and the promise resolves.
 * Logs through Temporal's runtime logger at `SUPERVITY_LOG_LEVEL` (default INFO) when the process
 * has not installed one. A missing or malformed setting throws `SupervityConfigError` /
 * `EnvSettingError` before anything connects or is installed.
 */
export async function runWorkerFromEnv(env: NodeJS.ProcessEnv = process.env, hooks: RunWorkerHooks = {}): Promise<void> {
  const supervity = supervityConfigFromEnv(env);
  const settings = loadTemporalSettings(env);
  const shutdownGraceTime = parseGraceTime(env[shutdownGraceTimeVariable]);
  installWorkerRuntime(logLevelFromEnv(env, 'INFO'));
  const connection = await connectOrExplain(settings.connectionOptions.address, () => NativeConnection.connect(settings.connectionOptions));
  try {
    const worker = await createWorker({ connection, namespace: settings.namespace, taskQueue: settings.taskQueue, supervity, shutdownGraceTime });
    hooks.onReady?.({ address: settings.connectionOptions.address, namespace: settings.namespace, taskQueue: settings.taskQueue, supervityApiUrl: String(supervity.apiUrl) });
    await worker.run();
  } finally {
    await connection.close();
  }
}

function parseGraceTime(raw: string | undefined): Duration {
  if (raw === undefined) return '10s';
  if (/^\d+$/.test(raw)) return Number(raw);
  if (/^\d+(\.\d+)?(ms|s|m|h)$/.test(raw.trim())) return raw.trim() as Duration;
  throw new EnvSettingError(shutdownGraceTimeVariable, `${shutdownGraceTimeVariable}="${raw}" is not a duration; use milliseconds or e.g. 10s, 1m`);
}

// `node lib/worker.js`: the same entry as `supervity-temporal worker` (loaded late: the CLI imports this file).
if (require.main === module) {
  void Promise.all([import('./cli/main'), import('./cli/worker')]).then(([{ runAsProcess }, { workerCommand }]) =>
    runAsProcess(['worker', ...process.argv.slice(2)], [workerCommand]),
  );
}
