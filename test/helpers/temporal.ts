import { existsSync } from 'node:fs';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';
import { findTemporalBinary, type TemporalBinary } from '../../src/temporal-binaries';
import { supervitySearchAttributes } from '../../src/workflows/search-attributes';

/** The executable option for @temporalio/testing: the local binary, or the SDK's download as a fallback. */
function executable(binary: TemporalBinary) {
  const found = findTemporalBinary(binary);
  if (found) return { type: 'existing-path' as const, path: found };
  console.warn(`[temporal] no local ${binary} binary (run scripts/install-temporal.sh); falling back to the SDK's download`);
  return { type: 'cached-download' as const };
}

/** A real Temporal dev server (the Temporal CLI), with the package's search attributes registered. */
export async function createDevEnv(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: executable('cli'), searchAttributes: [...supervitySearchAttributes] },
  });
  logServer('dev server', env);
  return env;
}

/** A real time-skipping test server, for waits of days. */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: executable('test-server') } });
  logServer('time-skipping server', env);
  return env;
}

function logServer(kind: string, env: TestWorkflowEnvironment): void {
  const binary = kind === 'dev server' ? findTemporalBinary('cli') : findTemporalBinary('test-server');
  console.log(`[temporal] ${kind} up (time skipping: ${env.supportsTimeSkipping}) from ${binary ?? 'SDK download'}`);
}

const bundlePath = path.resolve(__dirname, '..', '.bundle', 'workflows.js');

/** The workflow bundle built once per test run by `npm test`'s pretest step. */
export function testWorkflowBundle(): { codePath: string } {
  if (!existsSync(bundlePath)) {
    throw new Error(`missing ${bundlePath}: run "npm test" (or "npx tsx scripts/bundle-workflows.ts test") first`);
  }
  return { codePath: bundlePath };
}

// Workers log every state change at INFO; tests only want warnings.
Runtime.install({ logger: new DefaultLogger('WARN') });

let queueCounter = 0;

/** A task queue name unique within this test process. */
export function uniqueTaskQueue(prefix = 'test'): string {
  queueCounter += 1;
  return `${prefix}-${process.pid}-${queueCounter}`;
}

/** Creates a worker on the environment with the test bundle; the caller runs it with `runUntil`. */
export async function createTestWorker(
  env: TestWorkflowEnvironment,
  options: Omit<WorkerOptions, 'connection' | 'namespace' | 'workflowBundle' | 'workflowsPath'>,
): Promise<Worker> {
  return await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    workflowBundle: testWorkflowBundle(),
    ...options,
  });
}
