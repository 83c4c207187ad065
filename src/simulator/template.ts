// `{{path}}` substitution in scenario outputs and failure messages: a property lookup, never eval.
import type { JsonValue } from '../supervity/types';

/** What placeholders can read. */
export interface TemplateContext {
  runId: string;
  workflowId: string;
  attempt: number;
  inputs: Record<string, unknown>;
  /** The latest review decision, if any. */
  review?: { formId: string; action: string; data?: Record<string, unknown>; comment?: string };
}

/** The names a placeholder may start with. */
export const TEMPLATE_ROOTS = ['runId', 'workflowId', 'attempt', 'inputs', 'review'] as const;

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w-]*(?:\.[\w-]+)*)\s*\}\}/g;
const WHOLE = /^\{\{\s*([A-Za-z_][\w-]*(?:\.[\w-]+)*)\s*\}\}$/;

/** Every placeholder path in a string, e.g. `['inputs.query']`. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]);
}

function lookup(context: TemplateContext, path: string): unknown {
  let value: unknown = context;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function renderString(text: string, context: TemplateContext): unknown {
  const whole = WHOLE.exec(text);
  // A string that is one placeholder keeps the value's type (number, object, ...).
  if (whole) return lookup(context, whole[1]) ?? null;
  return text.replace(PLACEHOLDER, (_match, path: string) => {
    const value = lookup(context, path);
    if (value === undefined || value === null) return '';
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

/** Renders every string inside `value`; missing values become `null` (whole) or `''` (inside text). */
export function render(value: JsonValue, context: TemplateContext): unknown {
  if (typeof value === 'string') return renderString(value, context);
  if (Array.isArray(value)) return value.map((item) => render(item, context));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, render(item, context)]));
  }
  return value;
}
