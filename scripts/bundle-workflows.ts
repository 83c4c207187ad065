// Bundles workflow code once, ahead of time: `lib/workflow-bundle.js` for production workers and
// `test/.bundle/workflows.js` for the test run (package workflows + test-only ones).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';

const root = path.resolve(__dirname, '..');
const targets = {
  production: { entry: 'src/workflows/index.ts', out: 'lib/workflow-bundle.js' },
  test: { entry: 'test/fixtures/workflows.ts', out: 'test/.bundle/workflows.js' },
};

async function bundle(entry: string, out: string): Promise<void> {
  const { code } = await bundleWorkflowCode({ workflowsPath: path.join(root, entry), logger: quietLogger });
  mkdirSync(path.dirname(path.join(root, out)), { recursive: true });
  writeFileSync(path.join(root, out), code);
  console.log(`bundled ${entry} -> ${out} (${(code.length / 1024).toFixed(0)} KiB)`);
}

const quietLogger = {
  log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined,
  warn: (message: string) => console.warn(message), error: (message: string) => console.error(message),
};

async function main(): Promise<void> {
  const which = process.argv.slice(2);
  const chosen = which.length ? which : Object.keys(targets);
  for (const name of chosen) {
    const target = targets[name as keyof typeof targets];
    if (!target) throw new Error(`unknown bundle "${name}"; expected one of: ${Object.keys(targets).join(', ')}`);
    await bundle(target.entry, target.out);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
