// Validates and normalises agentRunWorkflow's input, deterministically, before anything runs.
import { ApplicationFailure, type Duration } from '@temporalio/common';
import { msToNumber } from '@temporalio/common/lib/time';
import { FailureType } from '../failure-types';
import type { InputValue } from '../supervity/types';
import type { AgentRunInput } from './types';

/** agentRunWorkflow's options with every default applied and every duration in milliseconds. */
export interface RunOptions {
  workflowId: string;
  inputs: Record<string, InputValue>;
  polling: { initialMs: number; maxMs: number; coefficient: number };
  review: { timeoutMs?: number; onTimeout: 'fail' | 'cancel-run'; pollMs: number };
  retry: { maximumAttempts: number; initialMs: number; coefficient: number; maximumMs: number };
}

/** Each execution waits on a review for at most this long before continuing as new (bounded history, fresh code). */
export const reviewWaitSliceMs = 10 * 24 * 3600_000;

/** Inline base64 files land in workflow history: keep them small. */
export const maxInlineBase64Chars = 512 * 1024;

/** Throws `SupervityInvalidInput` naming the field and what to do. */
export function invalidInput(field: string, problem: string): never {
  throw ApplicationFailure.create({
    type: FailureType.InvalidInput,
    message: `Invalid agentRunWorkflow input: ${field} ${problem}`,
    nonRetryable: true,
    details: [{ field, problem }],
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function duration(field: string, value: Duration | undefined, fallback: Duration): number {
  let ms: number;
  try {
    ms = msToNumber(value ?? fallback);
  } catch {
    return invalidInput(field, `must be a duration like '30s', '7 days' or milliseconds (got ${JSON.stringify(value)})`);
  }
  if (!Number.isFinite(ms) || ms <= 0) invalidInput(field, `must be a positive duration (got ${JSON.stringify(value)})`);
  return ms;
}

function coefficient(field: string, value: number | undefined, fallback: number): number {
  const chosen = value ?? fallback;
  if (typeof chosen !== 'number' || !Number.isFinite(chosen) || chosen < 1) {
    invalidInput(field, `must be a number >= 1 (got ${JSON.stringify(value)})`);
  }
  return chosen;
}

function validateFile(field: string, value: Record<string, unknown>): void {
  const file = value.file;
  if (!isRecord(file)) invalidInput(`${field}.file`, 'must be an object with one of path, url or base64');
  const kinds = ['path', 'url', 'base64'].filter((key) => file[key] !== undefined);
  if (kinds.length !== 1) invalidInput(`${field}.file`, `must have exactly one of path, url or base64 (got ${kinds.join(', ') || 'none'})`);
  const kind = kinds[0];
  if (typeof file[kind] !== 'string' || file[kind] === '') invalidInput(`${field}.file.${kind}`, 'must be a non-empty string');
  if (kind === 'base64') {
    if (typeof value.filename !== 'string' || !value.filename) invalidInput(`${field}.filename`, 'is required for a base64 file');
    if ((file.base64 as string).length > maxInlineBase64Chars) {
      invalidInput(`${field}.file.base64`, `is over ${maxInlineBase64Chars} characters; pass large files as { file: { path } } or { file: { url } }`);
    }
  }
}

function validateInputValue(field: string, value: unknown, inArray = false): void {
  if (typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) invalidInput(field, 'must be a finite number');
    return;
  }
  if (Array.isArray(value) && !inArray) {
    value.forEach((item, index) => validateInputValue(`${field}[${index}]`, item, true));
    return;
  }
  if (isRecord(value) && 'file' in value) return validateFile(field, value);
  if (isRecord(value) && !inArray) return;
  invalidInput(field, 'must be a string, number, boolean, array of those or of files, JSON object, or file reference');
}

function validateInputs(inputs: unknown): Record<string, InputValue> {
  if (inputs === undefined) return {};
  if (!isRecord(inputs)) invalidInput('inputs', 'must be an object of name -> value');
  for (const [name, value] of Object.entries(inputs)) validateInputValue(`inputs.${name}`, value);
  return inputs as Record<string, InputValue>;
}

/** Checks the whole input and applies defaults; throws `SupervityInvalidInput` on the first problem. */
export function resolveRunOptions(input: AgentRunInput | undefined): RunOptions {
  if (!isRecord(input)) invalidInput('input', 'must be an object like { "workflowId": "..." }');
  if (typeof input.workflowId !== 'string' || input.workflowId.trim() === '') {
    invalidInput('workflowId', 'must be the non-empty Supervity workflow id to run');
  }
  const { polling = {}, review = {}, retry = {} } = input;
  const onTimeout = review.onTimeout ?? 'fail';
  if (onTimeout !== 'fail' && onTimeout !== 'cancel-run') invalidInput('review.onTimeout', `must be 'fail' or 'cancel-run'`);
  const maximumAttempts = retry.maximumAttempts ?? 3;
  if (!Number.isInteger(maximumAttempts) || maximumAttempts < 1) invalidInput('retry.maximumAttempts', 'must be an integer >= 1');
  const initialMs = duration('polling.initialInterval', polling.initialInterval, '1s');
  const maxMs = duration('polling.maxInterval', polling.maxInterval, '5s');
  if (maxMs < initialMs) invalidInput('polling.maxInterval', 'must not be shorter than polling.initialInterval');
  const pollMs = duration('review.pollInterval', review.pollInterval, '1 hour');
  // A wait slice must hold a few fallback polls, or every execution would roll over at once.
  if (pollMs > reviewWaitSliceMs / 4) invalidInput('review.pollInterval', `must be at most ${reviewWaitSliceMs / 4 / 3600_000} hours`);
  return {
    workflowId: input.workflowId,
    inputs: validateInputs(input.inputs),
    polling: { initialMs, maxMs, coefficient: coefficient('polling.backoffCoefficient', polling.backoffCoefficient, 1.5) },
    review: {
      timeoutMs: review.timeout === undefined ? undefined : duration('review.timeout', review.timeout, 0),
      onTimeout,
      pollMs,
    },
    retry: {
      maximumAttempts,
      initialMs: duration('retry.initialInterval', retry.initialInterval, '10s'),
      coefficient: coefficient('retry.backoffCoefficient', retry.backoffCoefficient, 2),
      maximumMs: duration('retry.maximumInterval', retry.maximumInterval, '10 minutes'),
    },
  };
}

/** Delay before logical attempt `attempt` (2 = the first re-execution). */
export function retryDelayMs(retry: RunOptions['retry'], attempt: number): number {
  return Math.min(retry.maximumMs, retry.initialMs * retry.coefficient ** Math.max(0, attempt - 2));
}
