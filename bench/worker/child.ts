// A bench worker in its own process, so its RSS is measured alone and it can be SIGKILLed mid-run.
// Reports `ready`, then a sample of its state every `statusIntervalMs`, over IPC.
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createWorker } from '../../src/worker';
import { createBareActivities } from '../bare/activities';
import { createNaiveActivities } from '../baseline/activities';
import { configVariable, type ChildMessage, type WorkerChildConfig, type WorkerSpec } from './protocol';

function send(message: ChildMessage): void {
  process.send?.(message);
}

async function build(config: WorkerChildConfig, spec: WorkerSpec, connection: NativeConnection): Promise<Worker> {
  const common = {
    connection, namespace: config.namespace, taskQueue: spec.taskQueue, workflowBundle: { codePath: config.bundlePath }, maxCachedWorkflows: spec.maxCachedWorkflows,
  };
  if (spec.kind === 'ours') return await createWorker({ ...common, supervity: { apiUrl: config.apiUrl, token: config.token } });
  const activities = spec.kind === 'bare' ? createBareActivities() : createNaiveActivities({ apiUrl: config.apiUrl, token: config.token });
  return await Worker.create({ ...common, activities });
}

/** Sends a sample now (so the bench has one as soon as the child is ready) and every `intervalMs`. */
function reportEvery(workers: Worker[], intervalMs: number): NodeJS.Timeout {
  const report = () => {
    const statuses = workers.map((worker) => worker.getStatus());
    send({
      type: 'sample',
      at: Date.now(),
      rss: process.memoryUsage.rss(),
      inFlightActivities: Object.fromEntries(workers.map((worker, i) => [worker.options.taskQueue, statuses[i].numInFlightActivities])),
      cachedWorkflows: statuses.reduce((sum, status) => sum + status.numCachedWorkflows, 0),
    });
  };
  report();
  return setInterval(report, intervalMs);
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env[configVariable] ?? 'null') as WorkerChildConfig | null;
  if (!config) throw new Error(`${configVariable} is not set: this file is started by the bench, not by hand`);
  // Workers log every state change at INFO and every failed attempt at WARN; the bench wants errors only.
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const connection = await NativeConnection.connect({ address: config.address });
  const workers = await Promise.all(config.workers.map((spec) => build(config, spec, connection)));
  // The bench going away (even killed) ends the workers too.
  const onDisconnect = () => workers.forEach((worker) => worker.shutdown());
  process.once('disconnect', onDisconnect);
  const timer = reportEvery(workers, config.statusIntervalMs ?? 250);
  const running = Promise.all(workers.map((worker) => worker.run()));
  send({ type: 'ready' });
  try {
    await running;
  } finally {
    clearInterval(timer);
    process.off('disconnect', onDisconnect);
    await connection.close();
    // The IPC channel would keep this process alive after the worker has stopped.
    process.disconnect?.();
  }
}

main().catch((err: unknown) => {
  send({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exitCode = 1;
});
