// undici / socket failures -> the client's connection and timeout errors.
import { SupervityConnectionError, SupervityError, SupervityTimeoutError, type RequestFacts } from './errors';

/** The timeouts in force, to name the one that expired. */
export interface TimeoutSettings {
  connect: number;
  headers: number;
  body: number;
}

const timeoutCodes: Record<string, keyof TimeoutSettings> = {
  UND_ERR_CONNECT_TIMEOUT: 'connect',
  UND_ERR_HEADERS_TIMEOUT: 'headers',
  UND_ERR_BODY_TIMEOUT: 'body',
};

/**
 * Classifies a failure of one request. A caller's abort is returned as the signal's reason (so an
 * activity sees its own CancelledFailure); errors that are not transport faults are returned as they are.
 */
export function toTransportError(error: unknown, request: RequestFacts, timeouts: TimeoutSettings, signal?: AbortSignal): unknown {
  if (signal?.aborted) return signal.reason ?? error;
  if (error instanceof SupervityError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  const phase = timeoutCodes[code];
  if (phase) return new SupervityTimeoutError(request, `no ${phase === 'connect' ? 'connection' : `response ${phase}`} within ${timeouts[phase]} ms (timeouts.${phase})`, { cause: error });
  if (!code.startsWith('UND_ERR') && !/^E[A-Z]+$/.test(code)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SupervityConnectionError(request, `connection failed (${code}): ${message}`, { cause: error });
}
