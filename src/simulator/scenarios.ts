// Validation of scenario scripts, with errors that name the path of every bad field.
import type { Scenario } from './scenario-types';
import { placeholders, TEMPLATE_ROOTS } from './template';
import { checkChoice, checkKeys, checkNumber, checkString, isRecord, Issues } from './validate';

/** A scenario or scenario file is malformed; the message lists every problem with its path. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
}

const INPUT_TYPES = ['string', 'number', 'boolean', 'json', 'file'] as const;

function checkTemplate(text: unknown, path: string, issues: Issues): void {
  if (typeof text !== 'string') return;
  for (const found of placeholders(text)) {
    const root = found.split('.')[0];
    if (!(TEMPLATE_ROOTS as readonly string[]).includes(root)) {
      issues.add(path, `uses {{${found}}}: placeholders start with ${TEMPLATE_ROOTS.join(', ')}`);
    }
  }
}

function checkTemplates(value: unknown, path: string, issues: Issues): void {
  if (typeof value === 'string') checkTemplate(value, path, issues);
  else if (Array.isArray(value)) value.forEach((item, i) => checkTemplates(item, `${path}[${i}]`, issues));
  else if (isRecord(value)) Object.entries(value).forEach(([key, item]) => checkTemplates(item, `${path}.${key}`, issues));
}

function checkFailure(value: unknown, path: string, issues: Issues, extraKeys: string[] = []): void {
  if (!isRecord(value)) return issues.add(path, 'must be an object { reason, message, step?, retryable }');
  checkKeys(value, ['reason', 'message', 'step', 'retryable', ...extraKeys], path, issues);
  checkString(value.reason, `${path}.reason`, issues);
  checkString(value.message, `${path}.message`, issues);
  checkTemplate(value.message, `${path}.message`, issues);
  checkString(value.step, `${path}.step`, issues, true);
  if (typeof value.retryable !== 'boolean') issues.add(`${path}.retryable`, 'must be true or false');
}

function checkInputs(value: unknown, path: string, issues: Issues): void {
  if (value === undefined) return;
  if (!isRecord(value)) return issues.add(path, 'must be an object of { type?, required?, array? } by input name');
  for (const [name, spec] of Object.entries(value)) {
    const at = `${path}.${name}`;
    if (!isRecord(spec)) { issues.add(at, 'must be an object { type?, required?, array? }'); continue; }
    checkKeys(spec, ['type', 'required', 'array'], at, issues);
    checkChoice(spec.type, INPUT_TYPES, `${at}.type`, issues);
    for (const flag of ['required', 'array'] as const) {
      if (spec[flag] !== undefined && typeof spec[flag] !== 'boolean') issues.add(`${at}.${flag}`, 'must be true or false');
    }
  }
}

function checkReview(value: unknown, path: string, issues: Issues): void {
  if (!isRecord(value)) return issues.add(path, 'must be an object { step?, prompt?, allowedActions?, failOn? }');
  checkKeys(value, ['step', 'prompt', 'allowedActions', 'failOn'], path, issues);
  checkString(value.step, `${path}.step`, issues, true);
  checkString(value.prompt, `${path}.prompt`, issues, true);
  checkTemplate(value.prompt, `${path}.prompt`, issues);
  const actions = value.allowedActions;
  if (actions !== undefined && (!Array.isArray(actions) || actions.length === 0 || !actions.every((a) => typeof a === 'string' && a !== ''))) {
    issues.add(`${path}.allowedActions`, 'must be a non-empty array of action names');
  }
  if (value.failOn === undefined) return;
  if (!isRecord(value.failOn)) return issues.add(`${path}.failOn`, 'must be an object of failures by action');
  for (const [action, failure] of Object.entries(value.failOn)) checkFailure(failure, `${path}.failOn.${action}`, issues);
}

function checkSteps(value: unknown, path: string, issues: Issues, required: boolean): void {
  if (value === undefined && !required) return;
  if (!Array.isArray(value) || value.length === 0) return issues.add(path, 'must be a non-empty array of steps');
  value.forEach((step: unknown, i) => {
    const at = `${path}[${i}]`;
    if (isRecord(step) && 'review' in step) {
      checkKeys(step, ['review'], at, issues);
      if (i === 0) issues.add(at, 'must be a status step: runs start scheduled or running');
      return checkReview(step.review, `${at}.review`, issues);
    }
    if (!isRecord(step)) return issues.add(at, 'must be { status, durationMs, step? } or { review: {...} }');
    checkKeys(step, ['status', 'durationMs', 'step'], at, issues);
    checkChoice(step.status, ['scheduled', 'running'], `${at}.status`, issues, false);
    if (step.durationMs === undefined) issues.add(`${at}.durationMs`, 'is required');
    checkNumber(step.durationMs, `${at}.durationMs`, issues, 0);
    checkString(step.step, `${at}.step`, issues, true);
  });
}

function checkScenario(value: unknown, path: string, issues: Issues): void {
  if (!isRecord(value)) return issues.add(path, 'must be an object');
  checkKeys(value, ['description', 'inputs', 'forbidden', 'steps', 'fail', 'outputs'], path, issues);
  checkString(value.description, `${path}.description`, issues, true);
  checkInputs(value.inputs, `${path}.inputs`, issues);
  if (value.forbidden !== undefined) {
    if (!isRecord(value.forbidden)) issues.add(`${path}.forbidden`, 'must be an object { violation, message? }');
    else {
      checkKeys(value.forbidden, ['violation', 'message'], `${path}.forbidden`, issues);
      checkString(value.forbidden.violation, `${path}.forbidden.violation`, issues);
      checkString(value.forbidden.message, `${path}.forbidden.message`, issues, true);
    }
  }
  checkSteps(value.steps, `${path}.steps`, issues, value.forbidden === undefined);
  if (value.fail !== undefined) {
    checkFailure(value.fail, `${path}.fail`, issues, ['attempts']);
    const attempts = isRecord(value.fail) ? value.fail.attempts : undefined;
    if (attempts !== undefined && (!Array.isArray(attempts) || !attempts.every((n) => Number.isInteger(n) && (n as number) >= 1))) {
      issues.add(`${path}.fail.attempts`, 'must be an array of attempt numbers (1-based)');
    }
  }
  if (value.outputs !== undefined && !isRecord(value.outputs)) issues.add(`${path}.outputs`, 'must be an object');
  checkTemplates(value.outputs, `${path}.outputs`, issues);
}

/** Checks scenarios by workflowId; throws a {@link ScenarioError} listing every problem. */
export function validateScenarios(value: unknown, path = 'scenarios'): Record<string, Scenario> {
  const issues = new Issues();
  if (!isRecord(value)) issues.add(path, 'must be an object of scenarios by workflowId');
  else for (const [id, scenario] of Object.entries(value)) checkScenario(scenario, `${path}["${id}"]`, issues);
  if (issues.list.length > 0) throw new ScenarioError(`invalid scenarios:\n  ${issues.list.join('\n  ')}`);
  return value as Record<string, Scenario>;
}
