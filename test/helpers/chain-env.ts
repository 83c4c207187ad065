// A dev server, the simulator and the real activities, for the agentChainWorkflow tests.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createActivities } from '../../src/activities';
import { startSimulator, type Scenario, type Simulator } from '../../src/simulator';
import { createDevEnv, createTestWorker, uniqueTaskQueue } from './temporal';

const token = 'chain-test-token';

/** A running Temporal dev server and simulator; `withWorker` runs a body while a worker serves. */
export interface ChainTestEnv {
  env: TestWorkflowEnvironment;
  sim: Simulator;
  /** Runs `body` with a fresh worker (real activities on the simulator) on a fresh task queue. */
  withWorker<T>(body: (taskQueue: string) => Promise<T>): Promise<T>;
  teardown(): Promise<void>;
}

/** Starts the dev server and the simulator with extra scenarios. */
export async function startChainTestEnv(scenarios: Record<string, Scenario> = {}): Promise<ChainTestEnv> {
  const env = await createDevEnv();
  const sim = await startSimulator({ port: 0, token, scenarios });
  const activities = createActivities({ apiUrl: sim.url, token });
  return {
    env,
    sim,
    async withWorker(body) {
      const taskQueue = uniqueTaskQueue('chain');
      const worker = await createTestWorker(env, { taskQueue, activities });
      return await worker.runUntil(body(taskQueue));
    },
    async teardown() {
      await sim.close();
      await env.teardown();
    },
  };
}
