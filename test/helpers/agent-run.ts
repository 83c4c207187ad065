import type { WorkflowHandle } from '@temporalio/client';
import { statusQuery } from '../../src/workflows/messages';
import type { AgentRunStatus } from '../../src/workflows/types';

/** Polls the `status` query until `predicate` holds; fails after `limitMs` with the last status seen. */
export async function waitForStatus(
  handle: WorkflowHandle,
  predicate: (status: AgentRunStatus) => boolean,
  limitMs = 20_000,
): Promise<AgentRunStatus> {
  const deadline = Date.now() + limitMs;
  let last: AgentRunStatus | undefined;
  while (Date.now() < deadline) {
    try {
      last = await handle.query(statusQuery);
      if (predicate(last)) return last;
    } catch {
      // The first workflow task may not have run yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`status never matched within ${limitMs} ms; last seen: ${JSON.stringify(last)}`);
}

/** Fast polling for tests: the defaults (1s..10s, retries 10s apart) are for production. */
export const fastPolling = { initialInterval: '50ms', maxInterval: '200ms' } as const;
export const fastRetry = { initialInterval: '100ms', maximumInterval: '200ms' } as const;
