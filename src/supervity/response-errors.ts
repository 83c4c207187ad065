// An HTTP error answer -> the typed error carrying the server's facts (token scrubbed).
import { apiErrorFromStatus, type RequestFacts, type SupervityApiError } from './errors';
import { scrubSecret } from './redact';
import { parseRetryAfter } from './retry-policy';

type Headers = Record<string, string | string[] | undefined>;

const maxBodyChars = 2_000;

/**
 * Builds the error for a non-2xx answer. Reads `{ error: { code, message, field, violation } }`
 * (or a top-level `message`), `Retry-After` and `x-request-id`.
 */
export function errorFromResponse(request: RequestFacts, status: number, headers: Headers, text: string, token: string): SupervityApiError {
  const safeText = scrubSecret(text, token).slice(0, maxBodyChars);
  const body = parseJson(safeText);
  const detail = errorDetail(body);
  return apiErrorFromStatus({
    ...request,
    status,
    serverCode: stringField(detail, 'code'),
    serverMessage: stringField(detail, 'message') ?? (typeof body === 'string' && body ? body : undefined),
    violation: stringField(detail, 'violation'),
    field: stringField(detail, 'field'),
    body,
    requestId: firstHeader(headers['x-request-id'] ?? headers['request-id']),
    retryAfterMs: parseRetryAfter(headers['retry-after']),
  });
}

function errorDetail(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null) return {};
  const error = (body as Record<string, unknown>).error;
  if (typeof error === 'object' && error !== null) return error as Record<string, unknown>;
  if (typeof error === 'string') return { ...body, message: error };
  return body as Record<string, unknown>;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function stringField(source: Record<string, unknown>, key: string): string | undefined {
  return typeof source[key] === 'string' && source[key] !== '' ? source[key] : undefined;
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
