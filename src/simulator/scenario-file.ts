// `--scenarios` files: `{ scenarios?: {...}, faults?: [...] }`, read and checked as a whole.
import { readFile } from 'node:fs/promises';
import { validateFaultRules } from './faults';
import type { Scenario } from './scenario-types';
import { ScenarioError, validateScenarios } from './scenarios';
import type { FaultRule } from './types';
import { isRecord } from './validate';

/** What a `--scenarios` file holds. */
export interface ScenarioFile {
  scenarios: Record<string, Scenario>;
  faults: FaultRule[];
}

/** Parses the text of a scenario file `{ scenarios?: {...}, faults?: [...] }`. */
export function parseScenarioFile(text: string, source: string): ScenarioFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new ScenarioError(`${source} is not valid JSON: ${(err as Error).message}`);
  }
  if (!isRecord(doc)) throw new ScenarioError(`${source} must hold an object { scenarios?: {...}, faults?: [...] }`);
  const unknown = Object.keys(doc).filter((key) => key !== 'scenarios' && key !== 'faults');
  if (unknown.length > 0) throw new ScenarioError(`${source}: unknown top-level field(s) ${unknown.join(', ')} (known: scenarios, faults)`);
  // Both halves are checked, so one run of the simulator reports every problem of the file.
  const problems: string[] = [];
  const attempt = <T>(check: () => T): T | undefined => {
    try {
      return check();
    } catch (err) {
      problems.push((err as Error).message);
      return undefined;
    }
  };
  const scenarios = attempt(() => validateScenarios(doc.scenarios ?? {}));
  const faults = attempt(() => validateFaultRules(doc.faults ?? []));
  if (!scenarios || !faults) throw new ScenarioError(`${source}: ${problems.join('\n')}`);
  return { scenarios, faults };
}

/** Reads and validates a scenario file. */
export async function loadScenarioFile(path: string): Promise<ScenarioFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new ScenarioError(`cannot read scenario file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return parseScenarioFile(text, path);
}
