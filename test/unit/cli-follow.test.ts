import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffStatus } from '../../src/cli/follow';
import { formatEvent } from '../../src/cli/format';
import type { AgentRunStatus } from '../../src/workflows/types';

const base: AgentRunStatus = { runId: 'r1', status: 'running', attempt: 1, attempts: [{ runId: 'r1', status: 'running' }], reviews: [] };
const review = { formId: 'f1', step: 'approve-draft', prompt: 'Approve?', allowedActions: ['approve', 'reject'] };

describe('--follow: progress events from successive status answers', () => {
  it('reports the first answer as a state', () => {
    assert.deepEqual(diffStatus(undefined, base).map((e) => e.kind), ['state']);
  });

  it('reports nothing when nothing changed', () => {
    assert.deepEqual(diffStatus(base, { ...base, lastCheckedAt: 'later' }), []);
  });

  it('reports the pending review after the waiting state, once per form', () => {
    const waiting: AgentRunStatus = { ...base, status: 'waiting', review };
    assert.deepEqual(diffStatus(base, waiting).map((e) => e.kind), ['state', 'review']);
    assert.deepEqual(diffStatus(waiting, { ...waiting }), []);
    assert.deepEqual(diffStatus(waiting, { ...waiting, review: { ...review, formId: 'f2' } }).map((e) => e.kind), ['review']);
  });

  it('reports a relayed decision before the state it leads to', () => {
    const waiting: AgentRunStatus = { ...base, status: 'waiting', review };
    const resumed: AgentRunStatus = { ...base, status: 'running', reviews: [{ formId: 'f1', action: 'approve', reviewer: 'ann', at: 't' }] };
    assert.deepEqual(diffStatus(waiting, resumed).map((e) => e.kind), ['decision', 'state']);
  });

  it('reports a retry with the failed attempt when the attempt number grows', () => {
    const error = { reason: 'upstream_timeout', message: 'timed out', retryable: true };
    const failed: AgentRunStatus = { ...base, status: 'failed', attempts: [{ runId: 'r1', status: 'failed', error }] };
    const retried: AgentRunStatus = { runId: 'r2', status: 'running', attempt: 2, attempts: [{ runId: 'r1', status: 'failed', error }, { runId: 'r2', status: 'running' }], reviews: [] };
    const events = diffStatus(failed, retried);
    assert.deepEqual(events.map((e) => e.kind), ['retry', 'state']);
    assert.match(formatEvent(events[0], 'wf'), /run r1 failed \(upstream_timeout: timed out\); starting attempt 2/);
  });
});

describe('--follow: what a person sees', () => {
  it('shows the pending review with its actions and the exact commands to answer it', () => {
    const text = formatEvent({ kind: 'review', review }, 'agent-run-1');
    assert.match(text, /waiting for review: form f1 at step "approve-draft"/);
    assert.match(text, /allowed actions: approve, reject/);
    assert.match(text, /to approve: supervity-temporal review agent-run-1 approve$/m);
    assert.match(text, /to reject: supervity-temporal review agent-run-1 reject$/m);
  });
});
