// Keeps the SupervityRunId / SupervityRunStatus search attributes current, so `list --waiting`
// and the Web UI can find runs by state.
import { upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { SupervityRunIdKey, SupervityRunStatusKey } from './search-attributes';

let published = '';

/**
 * Upserts the run id and status when they changed. Only when the starter set one of them at start:
 * upserting an attribute the namespace has not registered would fail every workflow task, and the
 * starter (the client helpers, the CLI) is the one that can check the namespace.
 */
export function publishSearchAttributes(run: { runId: string; status: string }): void {
  const attributes = workflowInfo().typedSearchAttributes;
  if (attributes.get(SupervityRunStatusKey) === undefined && attributes.get(SupervityRunIdKey) === undefined) return;
  const key = `${run.runId}/${run.status}`;
  if (key === published) return;
  published = key;
  upsertSearchAttributes([
    { key: SupervityRunIdKey, value: run.runId },
    { key: SupervityRunStatusKey, value: run.status },
  ]);
}
