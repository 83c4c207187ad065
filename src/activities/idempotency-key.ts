// The execute Idempotency-Key: derived, never random, so every retry of one logical attempt sends the same key.
import { createHash } from 'node:crypto';

/**
 * `stk1-` + sha256 of (Temporal workflow id, first execution's run id, logical attempt). Stable across
 * activity retries, worker restarts and continue-as-new; different for a later workflow reusing the id.
 */
export function deriveIdempotencyKey(workflowId: string, firstExecutionRunId: string, attempt: number): string {
  const digest = createHash('sha256').update(JSON.stringify([workflowId, firstExecutionRunId, attempt])).digest('hex');
  return `stk1-${digest}`;
}
