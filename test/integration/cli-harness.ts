// Shared by the CLI integration tests: spawns the built CLI (`node lib/cli.js`, as users run it)
// against a real Temporal dev server, the simulator over HTTP, and an in-process worker.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { startSimulator, type Scenario, type Simulator } from '../../src/simulator';
import { createWorker } from '../../src/worker';
import { createDevEnv, testWorkflowBundle, uniqueTaskQueue } from '../helpers/temporal';

export const cliPath = path.resolve(__dirname, '..', '..', 'lib', 'cli.js');
export const token = 'cli-test-token';

/** What a finished CLI process left behind. */
export interface CliOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A CLI process still running, with its output so far. */
export interface CliProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first stdout match of `pattern`; rejects if the process exits first. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  exited: Promise<CliOutcome>;
}

/** The process environment without the caller's own Temporal/Supervity settings, plus `extra`. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([name]) => !/^(TEMPORAL_|SUPERVITY_)/.test(name));
  return { ...Object.fromEntries(kept), TEMPORAL_CONFIG_FILE: '/nonexistent/temporal.toml', ...extra };
}

/** Spawns `node lib/cli.js <args>`. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv, cwd = process.cwd()): CliProcess {
  if (!existsSync(cliPath)) throw new Error(`missing ${cliPath}: run "npm run build" (npm test does it first)`);
  const child = spawn(process.execPath, [cliPath, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const watchers = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const check of watchers) check();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<CliOutcome>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = stdout.match(pattern);
        if (match) {
          watchers.delete(check);
          resolve(match);
        }
      };
      watchers.add(check);
      check();
      void exited.then(({ code }) => {
        if (watchers.delete(check)) reject(new Error(`CLI exited (${code}) before printing ${pattern}:\n${stdout}\n${stderr}`));
      });
    });
  return { child, output: () => stdout, waitFor, exited };
}

/** Runs `node lib/cli.js <args>` to its end. */
export async function runCliToEnd(args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<CliOutcome> {
  return await spawnCli(args, env, cwd).exited;
}

/** A dev server, a simulator and a worker for CLI tests; `cliEnv` points the CLI at them. */
export interface CliTestBed {
  env: TestWorkflowEnvironment;
  sim: Simulator;
  taskQueue: string;
  cliEnv: NodeJS.ProcessEnv;
  teardown(): Promise<void>;
}

/** Starts everything a spawned CLI needs; `teardown` stops it all (call it in `after`). */
export async function startCliTestBed(scenarios: Record<string, Scenario> = {}): Promise<CliTestBed> {
  const env = await createDevEnv();
  const sim = await startSimulator({ port: 0, token, scenarios });
  const taskQueue = uniqueTaskQueue('cli');
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  try {
    worker = await createWorker({
      connection: env.nativeConnection, namespace: env.namespace ?? 'default', taskQueue, workflowBundle: testWorkflowBundle(),
      supervity: { apiUrl: sim.url, token, fileRoot: process.cwd() },
    });
    running = worker.run();
  } catch (err) {
    await sim.close();
    await env.teardown();
    throw err;
  }
  const cliEnv = cleanEnv({ TEMPORAL_ADDRESS: env.address, TEMPORAL_TASK_QUEUE: taskQueue });
  return {
    env, sim, taskQueue, cliEnv,
    async teardown() {
      worker?.shutdown();
      await running;
      await sim.close();
      await env.teardown();
    },
  };
}
