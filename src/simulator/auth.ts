// Bearer-token check in constant time: the answer never says what was wrong with the token.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { HttpError } from './http-error';

function digest(text: string): Buffer {
  // Hashing first gives equal-length buffers, so the compare leaks neither content nor length.
  return createHash('sha256').update(text).digest();
}

/** Builds a checker for `Authorization: Bearer <token>`; it throws a 401 {@link HttpError} on any mismatch. */
export function bearerAuth(token: string): (headers: IncomingHttpHeaders) => void {
  const expected = digest(token);
  return (headers) => {
    const match = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '');
    const ok = match !== null && timingSafeEqual(digest(match[1].trim()), expected);
    if (!ok) throw new HttpError(401, 'unauthorized', 'missing or invalid bearer token');
  };
}
