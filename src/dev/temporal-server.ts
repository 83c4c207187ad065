// The local Temporal dev server (the `temporal` CLI binary) as a child process with persistent data.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection } from '@temporalio/client';
import { findTemporalBinary } from '../temporal-binaries';
import { supervitySearchAttributes } from '../workflows/search-attributes';

/** Options of {@link startTemporalDevServer}. */
export interface TemporalDevServerOptions {
  /** SQLite file holding the server's state, so workflows survive restarts. */
  dbFile: string;
  host: string;
  port: number;
  /** Web UI port; `undefined` runs headless. */
  uiPort?: number;
  env?: NodeJS.ProcessEnv;
  /** Longest wait for the server to answer; default 60 s. */
  readyTimeoutMs?: number;
}

/** A running dev server. */
export interface TemporalDevServer {
  address: string;
  uiUrl?: string;
  /** Stops the server (SIGTERM, then SIGKILL after 10 s) and waits for it to exit. */
  stop(): Promise<void>;
}

/** Starts `temporal server start-dev` with the package's search attributes and waits until it answers. */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const binary = findTemporalBinary('cli', options.env);
  if (!binary) throw new Error('the Temporal CLI is not installed: run "npm run temporal:install" (or set TEMPORAL_CLI_PATH)');
  const args = [
    'server', 'start-dev', '--db-filename', options.dbFile, '--ip', options.host, '--port', String(options.port), '--log-level', 'warn',
    ...(options.uiPort === undefined ? ['--headless'] : ['--ui-port', String(options.uiPort), '--ui-disable-news-fetch']),
    ...supervitySearchAttributes.flatMap((key) => ['--search-attribute', `${key.name}=Keyword`]),
  ];
  // Its own process group: a terminal's Ctrl-C reaches only us, so we stop the worker before the
  // server; the exit hook still takes the server down if this process dies.
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  const stderr = tail(child);
  const address = `${options.host}:${options.port}`;
  try {
    await waitUntilServing(address, child, options.readyTimeoutMs ?? 60_000, stderr);
  } catch (err) {
    await stopChild(child);
    throw err;
  }
  return {
    address,
    uiUrl: options.uiPort === undefined ? undefined : `http://${options.host === '127.0.0.1' ? 'localhost' : options.host}:${options.uiPort}`,
    stop: () => stopChild(child),
  };
}

/** The last lines the server wrote to stderr, for error messages. */
function tail(child: ChildProcess): () => string {
  let text = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-2000);
  });
  return () => text.trim();
}

async function waitUntilServing(address: string, child: ChildProcess, timeoutMs: number, stderr: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the Temporal dev server exited (${child.exitCode ?? child.signalCode}) before serving on ${address}: ${stderr() || 'no output'}`);
    }
    if (await answers(address)) return;
    await sleep(250);
  }
  throw new Error(`the Temporal dev server did not answer on ${address} within ${timeoutMs / 1000} s: ${stderr() || 'no output'}`);
}

async function answers(address: string): Promise<boolean> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: 1000 });
    await connection.workflowService.describeNamespace({ namespace: 'default' });
    return true;
  } catch {
    return false;
  } finally {
    await connection?.close();
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killer);
}
