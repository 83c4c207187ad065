// Fetches a `{ file: { url } }` input to a local file, streamed; the Supervity token is never sent.
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Dispatcher } from 'undici';
import { SupervityConnectionError, SupervityInputError } from './errors';
import { printableUrl } from './file-inputs';
import { toTransportError, type TimeoutSettings } from './transport-errors';

/** Downloads `url` to `destination`. 5xx/429 and network faults are transient (connection errors); other non-2xx answers are input errors. */
export async function downloadFile(
  dispatcher: Dispatcher,
  timeouts: TimeoutSettings,
  target: { url: URL; destination: string; input: string },
  signal?: AbortSignal,
): Promise<void> {
  const request = { method: 'GET', path: printableUrl(target.url) };
  try {
    const response = await dispatcher.request({ origin: target.url.origin, path: `${target.url.pathname}${target.url.search}`, method: 'GET', signal });
    if (response.statusCode < 200 || response.statusCode >= 300) {
      await response.body.dump();
      throw statusError(target.input, request.path, response.statusCode);
    }
    await pipeline(response.body, createWriteStream(target.destination), { signal });
  } catch (error) {
    throw toTransportError(error, request, timeouts, signal);
  }
}

function statusError(input: string, url: string, status: number): Error {
  if (status === 429 || status >= 500) return new SupervityConnectionError({ method: 'GET', path: url }, `answered ${status} for file input "${input}"`);
  const what = `file input "${input}": GET ${url} answered ${status}`;
  const hint = status >= 300 && status < 400 ? ' (redirects are not followed: pass the final URL)' : '';
  return new SupervityInputError(`${what}${hint}`, input);
}
