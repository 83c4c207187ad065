// The bare-Temporal reference: one workflow, one no-op activity. Throughput against it says what
// agentRunWorkflow costs over Temporal itself.
import { proxyActivities } from '@temporalio/workflow';
import type { BareActivities } from './activities';

const { noop } = proxyActivities<BareActivities>({ startToCloseTimeout: '1 minute' });

/** Calls one no-op activity and returns. */
export async function bareWorkflow(): Promise<void> {
  await noop();
}
