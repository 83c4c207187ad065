// What a chain knows about its steps, and which may start next. Pure code: `new Date()` is the
// workflow clock inside a workflow.
import type { AgentRunResult } from './types';
import type { ChainPlan, PlannedStep } from './chain-graph';
import type {
  AgentChainResult,
  AgentChainStatus,
  ChainStepFailure,
  ChainStepRunReport,
  ChainStepState,
  ChainStepStatus,
} from './chain-types';

const BROKEN: ReadonlySet<ChainStepState> = new Set(['failed', 'skipped', 'cancelled']);
const ACTIVE: ReadonlySet<ChainStepState> = new Set(['running', 'waiting']);

/** The states of a chain's steps, updated as they start and end. */
export class ChainTracker {
  private readonly steps: Map<string, ChainStepStatus>;
  private state: AgentChainStatus['state'] = 'running';
  /** Steps that failed (or were cancelled from outside the chain), in the order it learnt of it. */
  private readonly failures: string[] = [];

  /** @param childIdPrefix the chain's workflow id: each step runs as `<prefix>/<step name>`. */
  constructor(
    private readonly plan: ChainPlan,
    childIdPrefix: string,
  ) {
    this.steps = new Map(
      plan.steps.map(({ name, dependsOn }) => [name, { name, workflowId: `${childIdPrefix}/${name}`, dependsOn, state: 'pending' }]),
    );
  }

  /** One step's status; undefined for a name not in the chain. */
  step(name: string): ChainStepStatus | undefined {
    return this.steps.get(name);
  }

  /** Pending steps whose dependencies all completed, in input order. */
  readySteps(): PlannedStep[] {
    return this.plan.steps.filter(
      ({ name, dependsOn }) => this.stateOf(name) === 'pending' && dependsOn.every((dep) => this.stateOf(dep) === 'completed'),
    );
  }

  /** Marks `skipped` every pending step that depends (even indirectly) on a failed, skipped or cancelled one. */
  skipBlocked(): void {
    let changed = true;
    while (changed) {
      changed = false;
      for (const status of this.steps.values()) {
        const because = status.dependsOn.filter((dep) => BROKEN.has(this.stateOf(dep)));
        if (status.state === 'pending' && because.length > 0) {
          this.end(status, 'skipped', { skippedBecause: because });
          changed = true;
        }
      }
    }
  }

  /** Marks `skipped` every step that never started, because the chain stopped (after `failed` failed, if given). */
  skipPending(failed?: string): void {
    for (const status of this.steps.values()) {
      if (status.state === 'pending') this.end(status, 'skipped', failed ? { skippedBecause: [failed] } : {});
    }
  }

  /** The step's workflow was started. */
  started(name: string): void {
    Object.assign(this.get(name), { state: 'running', startedAt: new Date().toISOString() });
  }

  /** The step's workflow returned. */
  completed(name: string, result: AgentRunResult): void {
    this.end(this.get(name), 'completed', { result, runId: result.runId, review: undefined });
  }

  /** The step failed (its workflow, or resolving its `$from` inputs). */
  failed(name: string, failure: ChainStepFailure): void {
    this.end(this.get(name), 'failed', { failure, review: undefined });
    this.failures.push(name);
  }

  /** The step's workflow was cancelled: by the chain (no `failure`), or from outside it (a failure of the chain). */
  cancelled(name: string, failure?: ChainStepFailure): void {
    this.end(this.get(name), 'cancelled', { failure, review: undefined });
    if (failure) this.failures.push(name);
  }

  /** A step's workflow reported its run; stale reports (the step already ended) change nothing. */
  reported(report: ChainStepRunReport): void {
    const status = [...this.steps.values()].find(({ workflowId }) => workflowId === report.workflowId);
    if (!status || !ACTIVE.has(status.state)) return;
    const waiting = report.status === 'waiting';
    Object.assign(status, { state: waiting ? 'waiting' : 'running', runId: report.runId || status.runId, review: waiting ? report.review : undefined });
  }

  /** The step that failed first, if any. */
  firstFailure(): ChainStepStatus | undefined {
    return this.failures.length > 0 ? this.get(this.failures[0]) : undefined;
  }

  /** Outputs of the completed steps, by step name (what `$from` reads). */
  outputs(): Record<string, Record<string, unknown>> {
    const done = [...this.steps.values()].filter(({ result }) => result);
    return Object.fromEntries(done.map(({ name, result }) => [name, result!.outputs]));
  }

  /** Records how the chain ended, for the status query. */
  finish(state: Exclude<AgentChainStatus['state'], 'running'>): void {
    this.state = state;
  }

  /** The chain's `chainStatus` answer. */
  status(): AgentChainStatus {
    return { state: this.state, failurePolicy: this.plan.failurePolicy, steps: [...this.steps.values()].map((step) => ({ ...step })) };
  }

  /** The chain's result once no step is pending or active. */
  result(): AgentChainResult {
    const steps = this.status().steps;
    const named = (state: ChainStepState) => steps.filter((step) => step.state === state).map(({ name }) => name);
    const completed = named('completed');
    return {
      status: completed.length === steps.length ? 'completed' : 'partial',
      steps,
      outputs: this.outputs(),
      completed,
      failed: [...named('failed'), ...named('cancelled')],
      skipped: named('skipped'),
    };
  }

  private stateOf(name: string): ChainStepState {
    return this.get(name).state;
  }

  private get(name: string): ChainStepStatus {
    const status = this.steps.get(name);
    if (!status) throw new Error(`unknown chain step "${name}"`);
    return status;
  }

  private end(status: ChainStepStatus, state: ChainStepState, fields: Partial<ChainStepStatus>): void {
    Object.assign(status, fields, { state, endedAt: new Date().toISOString() });
  }
}
