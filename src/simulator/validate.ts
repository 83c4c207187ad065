// Tiny helpers for validating user-written JSON: each records "<path> <problem>" and returns the value if good.

/** Collects the problems found while validating one document. */
export class Issues {
  readonly list: string[] = [];

  /** Records one problem at `path`. */
  add(path: string, problem: string): void {
    this.list.push(`${path} ${problem}`);
  }
}

/** A plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Records a problem for every key of `value` not in `allowed` (catches typos like `durationMS`). */
export function checkKeys(value: Record<string, unknown>, allowed: readonly string[], path: string, issues: Issues): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) issues.add(`${path}.${key}`, `is not a known field (known: ${allowed.join(', ')})`);
  }
}

/** A string, required unless `optional`. */
export function checkString(value: unknown, path: string, issues: Issues, optional = false): void {
  if (value === undefined && optional) return;
  if (typeof value !== 'string' || value === '') issues.add(path, 'must be a non-empty string');
}

/** A finite number within [min, max]. */
export function checkNumber(value: unknown, path: string, issues: Issues, min: number, max = Infinity, integer = false): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    const range = max === Infinity ? `>= ${min}` : `between ${min} and ${max}`;
    issues.add(path, `must be ${integer ? 'an integer' : 'a number'} ${range}`);
  }
}

/** One of `choices`. */
export function checkChoice(value: unknown, choices: readonly string[], path: string, issues: Issues, optional = true): void {
  if (value === undefined && optional) return;
  if (typeof value !== 'string' || !choices.includes(value)) issues.add(path, `must be one of ${choices.join(', ')}`);
}
