// Client helpers on a namespace WITHOUT the Supervity search attributes registered.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { listWaitingRuns, SearchAttributeNotRegisteredError, startAgentRun } from '../../src/client';
import { findTemporalBinary } from '../../src/temporal-binaries';

describe('client helpers: a namespace without the search attributes', () => {
  let env: TestWorkflowEnvironment;
  before(async () => {
    const binary = findTemporalBinary('cli');
    assert.ok(binary, 'the temporal CLI is installed (npm run temporal:install)');
    env = await TestWorkflowEnvironment.createLocal({ server: { executable: { type: 'existing-path', path: binary } } });
  });
  after(async () => {
    await env?.teardown();
  });

  it('startAgentRun still starts the run, without status tracking', async () => {
    const handle = await startAgentRun(env.client, { workflowId: 'demo.summarize', inputs: { query: 'q' } }, { taskQueue: 'nobody-polls' });
    const description = await handle.describe();
    assert.equal(description.status.name, 'RUNNING');
    assert.equal(description.typedSearchAttributes.getAll().length, 0);
    await handle.terminate('test done');
  });

  it('listWaitingRuns says the attribute is not registered and how to register it', async () => {
    await assert.rejects(listWaitingRuns(env.client), (err) => err instanceof SearchAttributeNotRegisteredError && /temporal operator search-attribute create .*--name SupervityRunStatus --type Keyword/.test(err.message));
  });
});
