// Credentials never leave the client: headers are redacted before logging, server text is scrubbed.

const sensitiveHeaders = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);

/** A copy of `headers` safe to log: credential-bearing headers read `[redacted]`. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, sensitiveHeaders.has(name.toLowerCase()) ? '[redacted]' : value]));
}

/** `text` with every occurrence of `secret` replaced, for server answers that echo what they were sent. */
export function scrubSecret(text: string, secret: string): string {
  return secret ? text.split(secret).join('[redacted]') : text;
}
