// What a route handler gets and gives back.
import type { IncomingMessage } from 'node:http';
import type { Reply } from './reply';
import type { RunStore } from './run-store';
import type { Scenario } from './scenario-types';
import type { StatsCounters } from './stats';

/** The simulator's state, shared by every handler. */
export interface SimState {
  store: RunStore;
  scenarios: Map<string, Scenario>;
  stats: StatsCounters;
  clock: () => number;
  maxFileBytes: number;
}

/** One request, routed. */
export interface RouteContext {
  req: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
  state: SimState;
}

/**
 * A request whose body is read and whose scenario is known, ready for fault injection; `perform`
 * then does the work (its side effects happen only if no fault stops it) and may throw an HttpError.
 */
export interface Prepared {
  scenario?: string;
  perform(): Reply;
}

/** Reads the request (400/413 on malformed bodies) and prepares the work. */
export type RouteHandler = (context: RouteContext) => Promise<Prepared>;
