// What every case gets: the mode, the dev server, the bundle, progress, and a way to start workers.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkerProcess } from '../worker/process';
import type { WorkerKind } from '../worker/protocol';
import type { ModeParams } from './mode';
import type { Progress } from './progress';
import type { Scope } from './scope';
import type { ResultRow } from './table';

/** Shared state of one bench run. */
export interface BenchContext {
  mode: ModeParams;
  /** The dev server every case but 3 runs on. */
  env: TestWorkflowEnvironment;
  bundlePath: string;
  /** The simulators' bearer token. */
  token: string;
  progress: Progress;
  /** Unique per bench run, so workflow ids never collide with an earlier run's. */
  tag: string;
}

/** What a case hands back: its table rows and, for the chart, its latency samples. */
export interface CaseResult {
  rows: ResultRow[];
  samples?: Record<string, number[]>;
}

/** A bench case. */
export interface BenchCase {
  id: number;
  title: string;
  /**
   * Its figures are counts (events, calls, duplicates) that machine load does not change, so the
   * bench runs it alongside the other counting cases, after the timed ones.
   */
  countsOnly: boolean;
  run(ctx: BenchContext, scope: Scope): Promise<CaseResult>;
}

/** Options of {@link spawnWorkers}. */
export interface SpawnOptions {
  /** Default: the bench's dev server. */
  server?: TestWorkflowEnvironment;
  /** Names a second set of workers of the same kinds in one case (task queue and log name). */
  variant?: string;
  maxCachedWorkflows?: number;
}

/**
 * Starts a child process running one worker per kind in `kinds` (task queues from {@link taskQueueFor}),
 * all against `apiUrl`; the child is killed when the scope closes (nothing it holds outlives the case).
 */
export async function spawnWorkers(
  ctx: BenchContext, scope: Scope, caseId: number, kinds: WorkerKind[], apiUrl: string, options: SpawnOptions = {},
): Promise<WorkerProcess> {
  const { server = ctx.env, variant, maxCachedWorkflows } = options;
  const workers = kinds.map((kind) => ({ kind, taskQueue: taskQueueFor(ctx, caseId, kind, variant), maxCachedWorkflows }));
  const name = `case${caseId}-${kinds.join('-')}${variant ? `-${variant}` : ''}`;
  const child = await WorkerProcess.spawn(name, {
    workers, apiUrl, token: ctx.token, bundlePath: ctx.bundlePath, address: server.address, namespace: server.namespace ?? 'default',
  });
  return scope.use(child, (c) => c.kill());
}

/** The task queue of `kind`'s worker (of `variant`, if any) in case `caseId`, unique to this bench run. */
export function taskQueueFor(ctx: BenchContext, caseId: number, kind: WorkerKind, variant?: string): string {
  return `bench-${ctx.tag}-c${caseId}-${kind}${variant ? `-${variant}` : ''}`;
}
