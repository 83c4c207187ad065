// The Temporal servers the bench runs on: a dev server for most cases, a time-skipping one for case 3.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { findTemporalBinary, type TemporalBinary } from '../../src/temporal-binaries';
import { supervitySearchAttributes } from '../../src/workflows/search-attributes';

function executable(binary: TemporalBinary) {
  const found = findTemporalBinary(binary);
  if (!found) throw new Error(`no local Temporal ${binary} binary: run "npm run temporal:install" (or set TEMPORAL_${binary === 'cli' ? 'CLI' : 'TEST_SERVER'}_PATH)`);
  return { type: 'existing-path' as const, path: found };
}

/** A local Temporal dev server (the CLI binary) with the package's search attributes. */
export async function startDevServer(): Promise<TestWorkflowEnvironment> {
  return await TestWorkflowEnvironment.createLocal({
    // The server's warnings (e.g. about its generated cluster id) would interleave with the progress lines.
    server: { executable: executable('cli'), searchAttributes: [...supervitySearchAttributes], log: { format: 'pretty', level: 'error' } },
  });
}

/** A time-skipping test server. */
export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  return await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: executable('test-server') } });
}
