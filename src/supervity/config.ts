// Client options, validated once at construction, and the same options read from the environment.
import { SupervityConfigError } from './errors';
import { resolveRoutes, type RoutesTable } from './routes';

/** What the client logs through (structured; the client never passes it a credential). */
export interface SupervityLogger {
  debug(message: string, attrs?: Record<string, unknown>): void;
  warn(message: string, attrs?: Record<string, unknown>): void;
}

/** Options of {@link SupervityClient}. */
export interface SupervityClientOptions {
  /** Base URL of the Supervity API, e.g. `https://api.supervity.ai`. */
  apiUrl: string;
  /** Bearer token. Lives only in the worker; never logged, never in errors. */
  token: string;
  /** Overrides of the routes table (DESIGN.md section 3), e.g. `{ cancelRun: 'DELETE /api/v1/runs/:runId' }`. */
  routes?: Partial<RoutesTable>;
  /** The only directory `{ file: { path } }` inputs may resolve into. Without it, path inputs are refused. */
  fileRoot?: string;
  /** Hosts (`host` or `host:port`) `{ file: { url } }` inputs may be fetched from. Without it, URL inputs are refused. */
  allowedUrlHosts?: string[];
  /** Largest decoded `{ file: { base64 } }` input, in bytes; default 5 MiB. */
  maxInlineFileBytes?: number;
  /** Milliseconds; defaults: connect 10 s, headers 30 s, body 300 s (uploads and downloads can be large). */
  timeouts?: { connect?: number; headers?: number; body?: number };
  /** Retries of transient failures inside one call; default 2. The Temporal activities set 0 (Temporal retries). */
  maxRetries?: number;
  /** Longest wait a `Retry-After` may impose on the client's own retries, in ms; default 60 s. */
  maxRetryAfterMs?: number;
  /** Request and retry logs (debug / warn). Default: silent. */
  logger?: SupervityLogger;
}

/** Options after validation and defaults. */
export interface ResolvedClientOptions {
  apiUrl: URL;
  token: string;
  routes: RoutesTable;
  fileRoot?: string;
  allowedUrlHosts: string[];
  maxInlineFileBytes: number;
  timeouts: { connect: number; headers: number; body: number };
  maxRetries: number;
  maxRetryAfterMs: number;
  logger?: SupervityLogger;
}

const MiB = 1024 * 1024;

/** Validates options; every message names the option at fault and never echoes the token. */
export function resolveClientOptions(options: SupervityClientOptions): ResolvedClientOptions {
  if (typeof options !== 'object' || options === null) throw new SupervityConfigError('SupervityClient needs an options object { apiUrl, token }');
  if (typeof options.token !== 'string' || options.token.trim() === '') {
    throw new SupervityConfigError('token is required: pass the Supervity API token (SUPERVITY_TOKEN)');
  }
  return {
    apiUrl: parseApiUrl(options.apiUrl),
    token: options.token,
    routes: resolveRoutes(options.routes),
    fileRoot: optionalString('fileRoot', options.fileRoot),
    allowedUrlHosts: parseHosts(options.allowedUrlHosts),
    maxInlineFileBytes: nonNegative('maxInlineFileBytes', options.maxInlineFileBytes, 5 * MiB),
    timeouts: {
      connect: positive('timeouts.connect', options.timeouts?.connect, 10_000),
      headers: positive('timeouts.headers', options.timeouts?.headers, 30_000),
      body: positive('timeouts.body', options.timeouts?.body, 300_000),
    },
    maxRetries: nonNegative('maxRetries', options.maxRetries, 2),
    maxRetryAfterMs: nonNegative('maxRetryAfterMs', options.maxRetryAfterMs, 60_000),
    logger: options.logger,
  };
}

function parseApiUrl(value: unknown): URL {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new SupervityConfigError(`apiUrl must be an absolute http(s) URL such as https://api.supervity.ai, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SupervityConfigError(`apiUrl must use http or https, got ${url.protocol}`);
  }
  if (url.username || url.password) throw new SupervityConfigError('apiUrl must not carry credentials; pass the token as `token`');
  if (url.search) throw new SupervityConfigError('apiUrl must not carry a query string; pass the token as `token`');
  return url;
}

function optionalString(name: string, value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new SupervityConfigError(`${name} must be a string, got ${typeof value}`);
  return value;
}

function parseHosts(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((host) => typeof host !== 'string' || host.trim() === '' || /[/\s]/.test(host.trim()))) {
    throw new SupervityConfigError('allowedUrlHosts must be a list of host names (e.g. ["files.example.com", "127.0.0.1:8080"]), without scheme or path');
  }
  return (value as string[]).map((host) => host.trim().toLowerCase());
}

function positive(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new SupervityConfigError(`${name} must be a positive number of milliseconds, got ${JSON.stringify(value)}`);
  return value;
}

function nonNegative(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new SupervityConfigError(`${name} must be a non-negative integer, got ${JSON.stringify(value)}`);
  return value;
}

/**
 * Reads client options from the environment: `SUPERVITY_API_URL`, `SUPERVITY_TOKEN` (required),
 * `SUPERVITY_FILE_ROOT`, `SUPERVITY_URL_ALLOWLIST` (comma-separated hosts). Throws a one-line
 * {@link SupervityConfigError} naming the variable and the fix.
 */
export function supervityConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SupervityClientOptions {
  const apiUrl = required(env, 'SUPERVITY_API_URL', 'https://<your Supervity API host>');
  const token = required(env, 'SUPERVITY_TOKEN', '<your Supervity API token>');
  fromEnv('SUPERVITY_API_URL', 'https://<your Supervity API host>', () => parseApiUrl(apiUrl));
  const hosts = env.SUPERVITY_URL_ALLOWLIST?.split(',').map((host) => host.trim()).filter(Boolean);
  fromEnv('SUPERVITY_URL_ALLOWLIST', 'files.example.com,cdn.example.com', () => parseHosts(hosts));
  return { apiUrl, token, fileRoot: env.SUPERVITY_FILE_ROOT?.trim() || undefined, allowedUrlHosts: hosts };
}

function required(env: NodeJS.ProcessEnv, variable: string, example: string): string {
  const value = env[variable]?.trim();
  if (!value) throw new SupervityConfigError(`${variable} is not set: export ${variable}=${example}`);
  return value;
}

function fromEnv(variable: string, example: string, check: () => unknown): void {
  try {
    check();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SupervityConfigError(`${variable} is invalid (${reason}): export ${variable}=${example}`);
  }
}
