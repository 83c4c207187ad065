// The scenarios every simulator knows, by Supervity workflowId. Durations are demo-friendly:
// a demo.review run goes scheduled -> running -> waiting -> running -> completed in a few seconds.
import type { Scenario } from './scenario-types';

/** The built-in scenarios (user scenarios with the same workflowId replace them). */
export const BUILTIN_SCENARIOS: Record<string, Scenario> = {
  'demo.summarize': {
    description: 'Summarizes `query`; completes after about a second.',
    inputs: { query: { type: 'string', required: true }, max_tokens: { type: 'number' } },
    steps: [
      { status: 'scheduled', durationMs: 300 },
      { status: 'running', durationMs: 1000, step: 'summarize' },
    ],
    outputs: { summary: 'Summary: {{inputs.query}}', confidence: 0.92, maxTokens: '{{inputs.max_tokens}}', attempt: '{{attempt}}' },
  },
  'demo.review': {
    description: 'Drafts, waits for a human approve/reject, then publishes; reject fails the run.',
    steps: [
      { status: 'scheduled', durationMs: 300 },
      { status: 'running', durationMs: 800, step: 'draft' },
      {
        review: {
          step: 'approve-draft',
          prompt: 'Approve the draft for publishing?',
          allowedActions: ['approve', 'reject'],
          failOn: { reject: { reason: 'review_rejected', step: 'approve-draft', message: 'The reviewer rejected the draft: {{review.comment}}', retryable: false } },
        },
      },
      { status: 'running', durationMs: 500, step: 'publish' },
    ],
    outputs: { published: true, decision: '{{review.action}}', comment: '{{review.comment}}', reviewData: '{{review.data}}', inputs: '{{inputs}}' },
  },
  'demo.flaky': {
    description: 'The first attempt fails retryable; later attempts (same inputs) complete.',
    steps: [
      { status: 'scheduled', durationMs: 100 },
      { status: 'running', durationMs: 400, step: 'fetch' },
    ],
    fail: { attempts: [1], reason: 'upstream_timeout', step: 'fetch', message: 'The upstream model timed out (attempt {{attempt}})', retryable: true },
    outputs: { result: 'ok', attempt: '{{attempt}}' },
  },
  'demo.fatal': {
    description: 'Fails, not retryable.',
    steps: [{ status: 'running', durationMs: 300, step: 'parse' }],
    fail: { reason: 'invalid_document', step: 'parse', message: 'The document could not be parsed', retryable: false },
  },
  'demo.forbidden': {
    description: 'Execute answers 403 with a violation; no run is created.',
    forbidden: { violation: 'policy "no-external-send" forbids this token from running demo.forbidden' },
  },
  'demo.slow': {
    description: 'Runs for a minute, then completes.',
    steps: [
      { status: 'scheduled', durationMs: 200 },
      { status: 'running', durationMs: 60_000, step: 'crunch' },
    ],
    outputs: { result: 'done' },
  },
  'demo.echo': {
    description: 'Completes at once; outputs echo every input (files as filename, contentType, size, sha256).',
    steps: [{ status: 'running', durationMs: 0 }],
    outputs: { workflowId: '{{workflowId}}', inputs: '{{inputs}}' },
  },
  'demo.research': {
    description: 'Chain step 1: `topic` -> `summary`.',
    inputs: { topic: { type: 'string', required: true } },
    steps: [{ status: 'running', durationMs: 300, step: 'research' }],
    outputs: { summary: 'Research summary on {{inputs.topic}}' },
  },
  'demo.draft': {
    description: 'Chain step 2: `summary` -> `draft`.',
    inputs: { summary: { type: 'string', required: true } },
    steps: [{ status: 'running', durationMs: 300, step: 'draft' }],
    outputs: { draft: 'Draft based on: {{inputs.summary}}' },
  },
  workflow_123: {
    description: "The seed's curl example: optional `query`, `max_tokens` and `document`; completes after half a second.",
    inputs: { query: { type: 'string' }, max_tokens: { type: 'number' }, document: { type: 'file' } },
    steps: [
      { status: 'scheduled', durationMs: 100 },
      { status: 'running', durationMs: 400, step: 'summarize' },
    ],
    outputs: { summary: 'This document outlines...', confidence: 0.92, received: '{{inputs}}' },
  },
};
