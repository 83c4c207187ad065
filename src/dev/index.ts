// The embedded default: a local Temporal dev server, the Supervity simulator and a worker, in one
// process tree, with Temporal's data kept in a project-local file.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { defaultTaskQueue } from '../temporal-settings';
import { startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import { createWorker } from '../worker';
import { claimDataDir } from './lock';
import { choosePort } from './ports';
import { startTemporalDevServer, type TemporalDevServer } from './temporal-server';

/** Options of {@link startDevEnvironment}. */
export interface DevEnvironmentOptions {
  /** Where Temporal's SQLite file lives; default `.supervity-dev` under `cwd`. */
  dataDir?: string;
  cwd?: string;
  host?: string;
  /** Ports; defaults 7233 (Temporal), 8233 (Web UI), 8787 (simulator). 0 picks a free one. */
  temporalPort?: number;
  uiPort?: number;
  simulatorPort?: number;
  /** Use a free port when a default one is taken, instead of failing. Default false. */
  portFallback?: boolean;
  /** The simulator's token; default `dev-token`. */
  token?: string;
  taskQueue?: string;
  /** Root for `{ file: { path } }` inputs; default `cwd`. */
  fileRoot?: string;
  env?: NodeJS.ProcessEnv;
}

/** A running embedded environment. */
export interface DevEnvironment {
  temporalAddress: string;
  namespace: string;
  uiUrl?: string;
  simulatorUrl: string;
  token: string;
  taskQueue: string;
  dbFile: string;
  /** The variables another shell sets to use this environment (`run`, `review`, `worker`...). */
  env: Record<string, string>;
  /** The Web UI page of a workflow. */
  workflowUrl(workflowId: string): string | undefined;
  /** Settles if the in-process worker stops on its own (a crash). */
  workerStopped: Promise<void>;
  /** Stops the worker (gracefully), the simulator and the Temporal server, in that order. */
  close(): Promise<void>;
}

/** Starts Temporal, the simulator and a worker; on failure, stops what had started. */
export async function startDevEnvironment(options: DevEnvironmentOptions = {}): Promise<DevEnvironment> {
  const cwd = options.cwd ?? process.cwd();
  const host = options.host ?? '127.0.0.1';
  const fallback = options.portFallback ?? false;
  const dataDir = path.resolve(cwd, options.dataDir ?? '.supervity-dev');
  mkdirSync(dataDir, { recursive: true });
  const release = claimDataDir(dataDir);
  const stack: Array<() => Promise<void>> = [() => Promise.resolve(release())];
  const closeAll = async () => {
    for (const stop of stack.splice(0).reverse()) await stop();
  };
  try {
    const temporalPort = await choosePort(options.temporalPort ?? 7233, host, fallback, '--port');
    const uiPort = await choosePort(options.uiPort ?? temporalPort + 1000, host, fallback, '--ui-port');
    const dbFile = path.join(dataDir, 'temporal.db');
    const temporal: TemporalDevServer = await startTemporalDevServer({ dbFile, host, port: temporalPort, uiPort, env: options.env });
    stack.push(() => temporal.stop());
    const token = options.token ?? 'dev-token';
    const simulator: Simulator = await startSimulator({ host, port: await choosePort(options.simulatorPort ?? 8787, host, fallback, '--sim-port'), token });
    stack.push(() => simulator.close());
    const taskQueue = options.taskQueue ?? defaultTaskQueue;
    const connection = await NativeConnection.connect({ address: temporal.address });
    stack.push(() => connection.close());
    const fileRoot = options.fileRoot ?? cwd;
    const worker: Worker = await createWorker({ connection, namespace: 'default', taskQueue, supervity: { apiUrl: simulator.url, token, fileRoot } });
    const workerStopped = worker.run();
    stack.push(async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await workerStopped.catch(() => undefined);
    });
    return {
      temporalAddress: temporal.address,
      namespace: 'default',
      uiUrl: temporal.uiUrl,
      simulatorUrl: simulator.url,
      token,
      taskQueue,
      dbFile,
      env: { TEMPORAL_ADDRESS: temporal.address, TEMPORAL_NAMESPACE: 'default', TEMPORAL_TASK_QUEUE: taskQueue, SUPERVITY_API_URL: simulator.url, SUPERVITY_TOKEN: token, SUPERVITY_FILE_ROOT: fileRoot },
      workflowUrl: (id) => (temporal.uiUrl ? `${temporal.uiUrl}/namespaces/default/workflows/${encodeURIComponent(id)}` : undefined),
      workerStopped,
      close: closeAll,
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}
