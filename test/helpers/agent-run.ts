import type { WorkflowHandle } from '@temporalio/client';
import type { QueryDefinition } from '@temporalio/common';
import { statusQuery } from '../../src/workflows/messages';
import type { AgentRunStatus } from '../../src/workflows/types';

/** Polls a query until `predicate` holds; fails after `limitMs` with the last answer seen. */
export async function waitForQuery<T>(
  handle: WorkflowHandle,
  query: QueryDefinition<T>,
  predicate: (answer: T) => boolean,
  limitMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + limitMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    try {
      last = await handle.query(query);
      if (predicate(last)) return last;
    } catch {
      // The first workflow task may not have run yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${query.name} never matched within ${limitMs} ms; last seen: ${JSON.stringify(last)}`);
}

/** Polls agentRunWorkflow's `status` query until `predicate` holds. */
export async function waitForStatus(
  handle: WorkflowHandle,
  predicate: (status: AgentRunStatus) => boolean,
  limitMs = 20_000,
): Promise<AgentRunStatus> {
  return await waitForQuery(handle, statusQuery, predicate, limitMs);
}

/** Fast polling for tests: the defaults (1s..10s, retries 10s apart) are for production. */
export const fastPolling = { initialInterval: '50ms', maxInterval: '200ms' } as const;
export const fastRetry = { initialInterval: '100ms', maximumInterval: '200ms' } as const;
