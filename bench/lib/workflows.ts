// Client-side helpers over workflow handles.
import type { WorkflowHandle } from '@temporalio/client';

/** When the server closed the workflow (epoch ms), from describe. */
export async function closeTimeMs(handle: WorkflowHandle): Promise<number> {
  const { closeTime } = await handle.describe();
  if (!closeTime) throw new Error(`workflow ${handle.workflowId} is still open`);
  return closeTime.getTime();
}
