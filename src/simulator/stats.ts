// Counters behind `GET /_sim/stats`.
import type { RunStore } from './run-store';
import { runStats } from './run-view';
import { ROUTE_NAMES, type RouteName, type SimulatorStats } from './types';

/** Call, creation, replay and poll counters of one simulator. */
export class StatsCounters {
  readonly calls = Object.fromEntries(ROUTE_NAMES.map((name) => [name, 0])) as Record<RouteName, number>;
  runsCreated = 0;
  idempotentReplays = 0;
  readonly polls = new Map<string, number>();

  /** Counts one get-run request naming `runId`. */
  poll(runId: string): void {
    this.polls.set(runId, (this.polls.get(runId) ?? 0) + 1);
  }

  /** The stats document at `now`. */
  snapshot(store: RunStore, now: number): SimulatorStats {
    return {
      calls: { ...this.calls },
      runsCreated: this.runsCreated,
      idempotentReplays: this.idempotentReplays,
      polls: Object.fromEntries(this.polls),
      runs: Object.fromEntries([...store.runs.values()].map((run) => [run.runId, runStats(run, now)])),
    };
  }
}
