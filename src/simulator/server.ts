// startSimulator: the node:http server wiring auth, routing, fault injection and the handlers.
import { setMaxListeners } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { bearerAuth } from './auth';
import { BUILTIN_SCENARIOS } from './builtin-scenarios';
import { FaultInjector, seededRandom, type FaultDecision } from './faults';
import { HttpError } from './http-error';
import { validateOptions } from './options';
import { sendReply, type Reply } from './reply';
import { matchRoute } from './router';
import { RunStore } from './run-store';
import type { Prepared, SimState } from './route-types';
import { StatsCounters } from './stats';
import type { Simulator, SimulatorOptions } from './types';

interface Runtime {
  state: SimState;
  faults: FaultInjector;
  checkAuth: ReturnType<typeof bearerAuth>;
  /** Aborted by close(), so pending fault latencies end at once. */
  closing: AbortController;
}

function faultReply(decision: FaultDecision): { status: number; body: unknown; headers: Record<string, string> } {
  const status = decision.status ?? 500;
  const headers: Record<string, string> = decision.retryAfterSeconds !== undefined ? { 'retry-after': String(decision.retryAfterSeconds) } : {};
  const code = status === 429 ? 'rate_limited' : 'simulated_fault';
  return { status, headers, body: { error: { code, message: `simulated HTTP ${status} (fault injection)` } } };
}

async function applyFaults(runtime: Runtime, res: ServerResponse, prepared: Prepared, decision: FaultDecision): Promise<void> {
  if (decision.latencyMs > 0) await sleep(decision.latencyMs, undefined, { signal: runtime.closing.signal });
  if (decision.status !== undefined) return sendReply(res, faultReply(decision));
  if (decision.reset === 'before-response') return void res.socket?.destroy();
  const reply = performToReply(prepared);
  if (decision.reset === 'after-create') return void res.socket?.destroy();
  sendReply(res, reply);
}

// An error answer is an answer too: 'after-create' must drop it like any other.
function performToReply(prepared: Prepared): Reply {
  try {
    return prepared.perform();
  } catch (err) {
    return errorReply(err);
  }
}

function errorReply(err: unknown): Reply {
  // Anything unexpected is a 500 that names no internals; the server keeps serving.
  const error = err instanceof HttpError ? err : new HttpError(500, 'internal', 'the simulator failed on this request');
  return { status: error.status, body: error.toBody(), headers: error.status === 401 ? { 'www-authenticate': 'Bearer' } : {} };
}

async function handle(runtime: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = URL.canParse(req.url ?? '/', 'http://simulator') ? new URL(req.url ?? '/', 'http://simulator') : undefined;
  const match = url ? matchRoute(req.method ?? 'GET', url.pathname) : { kind: 'none' as const };
  if (match.kind === 'api') runtime.state.stats.calls[match.name] += 1;
  runtime.checkAuth(req.headers);
  if (!url) throw new HttpError(400, 'invalid_url', 'the request URL cannot be parsed');
  if (match.kind === 'none') throw new HttpError(404, 'not_found', `no route ${req.method} ${url.pathname}`);
  if (match.kind === 'wrong-method') throw new HttpError(405, 'method_not_allowed', `${url.pathname} takes ${match.allow}`);
  if (match.kind === 'stats') return sendReply(res, { status: 200, body: runtime.state.stats.snapshot(runtime.state.store, runtime.state.clock()) });
  const prepared = await match.handler({ req, params: match.params, query: url.searchParams, state: runtime.state });
  await applyFaults(runtime, res, prepared, runtime.faults.decide(match.name, prepared.scenario));
}

function onRequest(runtime: Runtime, req: IncomingMessage, res: ServerResponse): void {
  handle(runtime, req, res).catch((err: unknown) => {
    if (runtime.closing.signal.aborted) return void res.socket?.destroy();
    req.resume();
    sendReply(res, errorReply(err));
  });
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Starts a simulator of the Supervity Agent Execution API (DESIGN.md section 6). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const config = validateOptions(options);
  const state: SimState = {
    store: new RunStore(),
    scenarios: new Map(Object.entries({ ...BUILTIN_SCENARIOS, ...config.scenarios })),
    stats: new StatsCounters(),
    clock: config.clock,
    maxFileBytes: config.maxFileBytes,
  };
  const random = config.seed === undefined ? Math.random : seededRandom(config.seed);
  const runtime: Runtime = { state, faults: new FaultInjector(config.faults, random), checkAuth: bearerAuth(config.token), closing: new AbortController() };
  // Every delayed request listens on this signal; many at once is normal under a latency fault.
  setMaxListeners(0, runtime.closing.signal);
  const server = createServer((req, res) => onRequest(runtime, req, res));
  const address = await listen(server, config.port, config.host);
  // A wildcard address is not one a client can dial: hand out loopback instead.
  const dialable = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;
  const hostForUrl = dialable.includes(':') ? `[${dialable}]` : dialable;
  return {
    url: `http://${hostForUrl}:${address.port}`,
    stats: () => state.stats.snapshot(state.store, state.clock()),
    setFaults: (rules) => runtime.faults.set(rules),
    close: () => {
      runtime.closing.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      return closed;
    },
  };
}
