// Bundles the bench's workflows (the package's plus bare and baseline) once per bench run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';

const entry = path.resolve(__dirname, '..', 'workflows.ts');

const quietLogger = {
  log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined,
  warn: (message: string) => console.warn(message), error: (message: string) => console.error(message),
};

/** Bundles `bench/workflows.ts` into a temporary file and answers its path; see {@link removeBundle}. */
export async function bundleBenchWorkflows(): Promise<string> {
  const { code } = await bundleWorkflowCode({ workflowsPath: entry, logger: quietLogger });
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'supervity-bench-')), 'workflows.js');
  writeFileSync(file, code);
  return file;
}

/** Deletes a bundle written by {@link bundleBenchWorkflows}, with its temporary directory. */
export function removeBundle(file: string): Promise<void> {
  rmSync(path.dirname(file), { recursive: true, force: true });
  return Promise.resolve();
}
