// The bench side of a worker child: spawn it, collect its samples, stop or SIGKILL it.
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdirSync, openSync, rmSync } from 'node:fs';
import path from 'node:path';
import { configVariable, type ChildMessage, type WorkerChildConfig, type WorkerSample } from './protocol';

const childEntry = path.join(__dirname, 'child.ts');

/** Where children write their stdout/stderr (ignored by git). */
export const workerLogDir = path.resolve(__dirname, '..', 'results', 'logs');

/** Empties {@link workerLogDir}, so it holds one bench run's logs. */
export function clearWorkerLogs(): void {
  rmSync(workerLogDir, { recursive: true, force: true });
}

/** Largest value of each sampled figure over a window of samples. */
export interface SamplePeaks {
  samples: number;
  rss: number;
  /** Most activity executions in flight at once, all workers of the child together. */
  inFlightActivities: number;
  cachedWorkflows: number;
}

const inFlight = (sample: WorkerSample) => Object.values(sample.inFlightActivities).reduce((sum, n) => sum + n, 0);

/** A running worker child. */
export class WorkerProcess {
  private readonly samples: WorkerSample[] = [];
  private readonly exited: Promise<unknown>;

  private constructor(private readonly child: ChildProcess, readonly name: string) {
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'sample') this.samples.push(message);
    });
    this.exited = once(child, 'exit');
  }

  /** Starts a worker child and resolves once it polls; its output is appended to `results/logs/<name>.log`. */
  static async spawn(name: string, config: WorkerChildConfig): Promise<WorkerProcess> {
    mkdirSync(workerLogDir, { recursive: true });
    const log = openSync(path.join(workerLogDir, `${name}.log`), 'a');
    const child = fork(childEntry, [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, [configVariable]: JSON.stringify(config) },
      stdio: ['ignore', log, log, 'ipc'],
    });
    closeSync(log);
    const worker = new WorkerProcess(child, name);
    await worker.ready();
    return worker;
  }

  private async ready(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: ChildMessage) => {
        if (message.type === 'ready') done(resolve);
        if (message.type === 'failed') done(() => reject(new Error(`worker ${this.name} failed to start: ${message.message}`)));
      };
      const onExit = (code: number | null) => done(() => reject(new Error(`worker ${this.name} exited (${code}) before it was ready; see ${workerLogDir}/${this.name}.log`)));
      const done = (settle: () => void) => {
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
        settle();
      };
      this.child.on('message', onMessage);
      this.child.on('exit', onExit);
    });
  }

  /** The latest sample, if any arrived yet. */
  latest(): WorkerSample | undefined {
    return this.samples[this.samples.length - 1];
  }

  /** Peaks of the samples taken at or after `since` (epoch ms). */
  peaksSince(since: number): SamplePeaks {
    const window = this.samples.filter((s) => s.at >= since);
    const max = (pick: (s: WorkerSample) => number) => window.reduce((m, s) => Math.max(m, pick(s)), 0);
    return { samples: window.length, rss: max((s) => s.rss), inFlightActivities: max(inFlight), cachedWorkflows: max((s) => s.cachedWorkflows) };
  }

  /** Kills the worker at once, as a crash would (no shutdown, in-flight activities abandoned). */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}
