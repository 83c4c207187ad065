import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';

type History = temporal.api.history.v1.IHistory;

const historiesDir = path.resolve(__dirname, '..', 'fixtures', 'histories');

/**
 * Writes a workflow's history as a replay fixture when RECORD_HISTORIES=1 (how the fixtures in
 * test/fixtures/histories were made); otherwise does nothing.
 */
export async function recordHistory(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await handle.fetchHistory();
  const file = path.join(historiesDir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ workflowId: handle.workflowId, history: toJson(history) }, null, 1));
  console.log(`[histories] recorded ${file}`);
}

function toJson(history: History): unknown {
  // The proto classes serialise themselves to the JSON that Worker.runReplayHistory reads back.
  return JSON.parse(JSON.stringify(history));
}

/** Every execution of a workflow id, following continue-as-new, with its history. */
export async function executionChain(client: Client, workflowId: string, firstRunId: string): Promise<History[]> {
  const histories: History[] = [];
  let runId: string | null | undefined = firstRunId;
  while (runId) {
    const history: History = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    histories.push(history);
    const last: temporal.api.history.v1.IHistoryEvent | undefined = history.events?.[history.events.length - 1];
    runId = last?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
  }
  return histories;
}

/** Number of events in a history. */
export function eventCount(history: History): number {
  return history.events?.length ?? 0;
}
