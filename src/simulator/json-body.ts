// Reading a small JSON request body with a size cap.
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error';

function parse(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return new HttpError(400, 'invalid_json', 'the request body is not valid JSON');
  }
}

/** Reads and parses the body; empty means `{}`. Over `maxBytes` gives 413 (once drained), bad JSON 400. */
export function readJsonBody(req: IncomingMessage, maxBytes = 1024 * 1024): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Drain an oversized body instead of destroying the socket, so the client still gets its 413.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (size > maxBytes) return reject(new HttpError(413, 'payload_too_large', `the JSON body is over ${maxBytes} bytes`));
      const parsed = parse(Buffer.concat(chunks).toString('utf8'));
      if (parsed instanceof HttpError) reject(parsed);
      else resolve(parsed);
    });
  });
}
