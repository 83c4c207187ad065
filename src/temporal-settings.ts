// Where and how to reach Temporal, read from the environment the way every Temporal tool reads it;
// shared by the worker, the CLI and the client helpers.
import { Client, Connection } from '@temporalio/client';
import { loadClientConnectConfig } from '@temporalio/envconfig';

/** The task queue used when none is given (and `TEMPORAL_TASK_QUEUE` is unset). */
export const defaultTaskQueue = 'supervity';

/** A setting read from the environment is malformed; the message names the variable and the fix. */
export class EnvSettingError extends Error {
  override readonly name = 'EnvSettingError';

  constructor(
    /** The environment variable at fault, e.g. `TEMPORAL_ADDRESS`. */
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

/** Where and how to reach Temporal, as read from the environment. */
export interface TemporalSettings {
  /** Options for `Connection.connect` / `NativeConnection.connect` (address, API key, TLS, gRPC metadata). */
  connectionOptions: { address: string; apiKey?: string; tls?: ReturnType<typeof loadClientConnectConfig>['connectionOptions']['tls']; metadata?: Record<string, string> };
  namespace: string;
  taskQueue: string;
}

/**
 * Reads the Temporal connection the way every Temporal tool does (`@temporalio/envconfig`: the
 * `TEMPORAL_ADDRESS`, `TEMPORAL_NAMESPACE`, `TEMPORAL_API_KEY`, `TEMPORAL_TLS*` variables, and
 * profiles of `temporal.toml` / `TEMPORAL_CONFIG_FILE` / `TEMPORAL_PROFILE`), plus `TEMPORAL_TASK_QUEUE`.
 * Defaults: `localhost:7233`, namespace `default`, task queue `supervity`.
 */
export function loadTemporalSettings(env: NodeJS.ProcessEnv = process.env): TemporalSettings {
  let loaded: ReturnType<typeof loadClientConnectConfig>;
  try {
    loaded = loadClientConnectConfig({ overrideEnvVars: definedOnly(env) });
  } catch (err) {
    const variable = env.TEMPORAL_PROFILE ? 'TEMPORAL_PROFILE' : 'TEMPORAL_CONFIG_FILE';
    const reason = err instanceof Error ? err.message : String(err);
    throw new EnvSettingError(variable, `${variable}: the Temporal client configuration could not be loaded (${reason}); fix the profile or unset ${variable}`);
  }
  const { address = 'localhost:7233', apiKey, tls, metadata } = loaded.connectionOptions;
  if (!/^[^\s:/]+:\d{1,5}$/.test(address) && !/^\[[0-9a-fA-F:]+\]:\d{1,5}$/.test(address)) {
    throw new EnvSettingError('TEMPORAL_ADDRESS', `TEMPORAL_ADDRESS="${address}" is not host:port; set it like TEMPORAL_ADDRESS=localhost:7233 or my-ns.a1b2c.tmprl.cloud:7233`);
  }
  const taskQueue = env.TEMPORAL_TASK_QUEUE ?? defaultTaskQueue;
  if (!taskQueue.trim()) throw new EnvSettingError('TEMPORAL_TASK_QUEUE', 'TEMPORAL_TASK_QUEUE is empty; unset it (default "supervity") or name a task queue');
  // envconfig builds metadata from TEMPORAL_GRPC_META_* variables and profile strings: text only.
  const textMetadata = metadata as Record<string, string> | undefined;
  return { connectionOptions: { address, apiKey, tls, metadata: textMetadata }, namespace: loaded.namespace || 'default', taskQueue };
}

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Temporal could not be reached at the configured address. */
export class TemporalUnavailableError extends Error {
  override readonly name = 'TemporalUnavailableError';

  constructor(readonly address: string, options?: { cause?: unknown }) {
    const reason = options?.cause instanceof Error ? `: ${options.cause.message}` : '';
    super(`Temporal at ${address} could not be reached${reason}; start one ("supervity-temporal dev") or set TEMPORAL_ADDRESS`, options);
  }
}

/** Runs `connect`, turning a connection failure into {@link TemporalUnavailableError}. */
export async function connectOrExplain<T>(address: string, connect: () => Promise<T>): Promise<T> {
  try {
    return await connect();
  } catch (err) {
    throw new TemporalUnavailableError(address, { cause: err });
  }
}

/** A Temporal client connected as {@link loadTemporalSettings} says; close `client.connection` when done. */
export async function connectClientFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<{ client: Client; settings: TemporalSettings }> {
  const settings = loadTemporalSettings(env);
  const { address } = settings.connectionOptions;
  const connection = await connectOrExplain(address, () => Connection.connect({ ...settings.connectionOptions, connectTimeout: '5s' }));
  return { client: new Client({ connection, namespace: settings.namespace }), settings };
}
