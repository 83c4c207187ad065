// `$from` references between chain steps: parsing, collecting and resolving. Pure code, no eval.
//
// Syntax: `<step>.outputs` followed by any number of `.key` (letters, digits, `_`, `-`), `[index]`
// (a non-negative integer) or `["any key"]` (any characters but `"`), e.g.
// `research.outputs.summary`, `a.outputs.items[0].title`, `a.outputs["first name"]`.
import { ApplicationFailure } from '@temporalio/common';
import type { InputValue } from '../supervity/types';
import { FailureType } from '../failure-types';
import type { ChainInputValue, StepOutputRef } from './chain-types';

/** A parsed `$from` path: the step it reads and the way into that step's outputs. */
export interface ParsedRef {
  step: string;
  /** Object keys (strings) and array indexes (numbers), after `.outputs`. */
  segments: Array<string | number>;
}

/** One `$from` found in a step's inputs. */
export interface StepInputRef {
  /** The input name that holds the reference. */
  input: string;
  path: string;
  ref: ParsedRef;
}

/** The `SupervityInvalidInput` failure of a chain definition or reference; details name step, input and path. */
export function chainInputError(message: string, details: Record<string, unknown> = {}): ApplicationFailure {
  return ApplicationFailure.create({ type: FailureType.InvalidInput, message, nonRetryable: true, details: [details] });
}

/** True for a value shaped like `{ "$from": ... }` (checked further by {@link collectStepRefs}). */
export function isStepOutputRef(value: unknown): value is StepOutputRef {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, '$from');
}

const STEP = /^[A-Za-z0-9_-]+/;

// Each path segment form, with how its captured text becomes a key or an index.
const SEGMENTS: ReadonlyArray<readonly [RegExp, (text: string) => string | number]> = [
  [/^\.([A-Za-z0-9_-]+)/, (text) => text],
  [/^\[(\d+)\]/, Number],
  [/^\["([^"]*)"\]/, (text) => text],
];

/** Parses a `$from` path; throws an `Error` saying where the syntax broke. */
export function parseRefPath(path: string): ParsedRef {
  const step = STEP.exec(path)?.[0];
  if (!step || !path.startsWith(`${step}.outputs`)) {
    throw new Error('expected "<step>.outputs..." (e.g. "research.outputs.summary")');
  }
  const segments: Array<string | number> = [];
  let rest = path.slice(`${step}.outputs`.length);
  while (rest) {
    const form = SEGMENTS.map(([pattern, convert]) => ({ match: pattern.exec(rest), convert })).find(({ match }) => match);
    if (!form?.match) throw new Error(`cannot read "${rest}": use .key, [index] or ["key"]`);
    segments.push(form.convert(form.match[1]));
    rest = rest.slice(form.match[0].length);
  }
  return { step, segments };
}

/** Every `$from` in a step's inputs (top-level input values only); malformed ones fail `SupervityInvalidInput`. */
export function collectStepRefs(step: string, inputs: Record<string, ChainInputValue> = {}): StepInputRef[] {
  return Object.entries(inputs).flatMap(([input, value]) => {
    if (!isStepOutputRef(value)) return [];
    const where = `step "${step}" input "${input}"`;
    if (typeof value.$from !== 'string' || Object.keys(value).length !== 1) {
      throw chainInputError(`${where}: a reference must be exactly { "$from": "<step>.outputs.<path>" }`, { step, input });
    }
    try {
      return [{ input, path: value.$from, ref: parseRefPath(value.$from) }];
    } catch (err) {
      const reason = (err as Error).message;
      throw chainInputError(`${where}: bad $from "${value.$from}": ${reason}`, { step, input, path: value.$from });
    }
  });
}

/** The value at a parsed path in a step's outputs, or why there is none. */
function lookup(outputs: unknown, ref: ParsedRef): { value: unknown } | { missing: string } {
  if (outputs === undefined) return { missing: `step "${ref.step}" has no outputs (it has not completed)` };
  let value: unknown = outputs;
  let at = `${ref.step}.outputs`;
  for (const segment of ref.segments) {
    if (typeof segment === 'number') {
      if (!Array.isArray(value)) return { missing: `${at} is not an array` };
      if (segment >= value.length) return { missing: `${at} has ${value.length} item(s), no [${segment}]` };
      value = value[segment];
      at = `${at}[${segment}]`;
    } else {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return { missing: `${at} is not an object` };
      if (!Object.hasOwn(value, segment)) {
        return { missing: `${at} has no "${segment}" (keys: ${Object.keys(value).slice(0, 10).join(', ') || 'none'})` };
      }
      value = (value as Record<string, unknown>)[segment];
      at = `${at}.${segment}`;
    }
  }
  if (value === undefined || value === null) return { missing: `${at} is ${String(value)}` };
  return { value };
}

/**
 * A step's inputs with every `$from` replaced by the value it points at in `outputs` (completed
 * steps' outputs by step name). A path that matches nothing fails `SupervityInvalidInput`.
 */
export function resolveStepInputs(
  step: string,
  inputs: Record<string, ChainInputValue> | undefined,
  outputs: Readonly<Record<string, Record<string, unknown>>>,
): Record<string, InputValue> | undefined {
  if (!inputs) return undefined;
  const resolved: Record<string, InputValue> = { ...(inputs as Record<string, InputValue>) };
  for (const { input, path, ref } of collectStepRefs(step, inputs)) {
    const found = lookup(outputs[ref.step], ref);
    if ('missing' in found) {
      throw chainInputError(`step "${step}" input "${input}": $from "${path}" matched nothing: ${found.missing}`, { step, input, path });
    }
    resolved[input] = found.value as InputValue;
  }
  return resolved;
}
