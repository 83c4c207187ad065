// `npm run bench [-- --quick] [-- --only 1,4]`: runs the cases on a local Temporal dev server, prints
// one table and writes it under bench/results/.
import { parseArgs } from 'node:util';
import { bundleBenchWorkflows, removeBundle } from './lib/bundle';
import type { BenchCase, BenchContext } from './lib/context';
import { fullMode, quickMode } from './lib/mode';
import { Progress } from './lib/progress';
import { machineInfo, writeReport } from './lib/results';
import { Scope, withScope } from './lib/scope';
import { startDevServer } from './lib/servers';
import { formatTable, type ResultRow } from './lib/table';
import { clearWorkerLogs } from './worker/process';
import { completionLagCase } from './cases/completion-lag';
import { manyWaitingCase } from './cases/many-waiting';
import { sixtySecondsCase } from './cases/sixty-seconds';
import { thirtyDaysCase } from './cases/thirty-days';
import { throughputCase } from './cases/throughput';
import { wakeUpCase } from './cases/wake-up';
import { workerKillCase } from './cases/worker-kill';

const cases: BenchCase[] = [throughputCase, sixtySecondsCase, thirtyDaysCase, wakeUpCase, completionLagCase, manyWaitingCase, workerKillCase];

function options() {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
  const only = values.only?.split(',').map(Number);
  if (only?.some((id) => !cases.some((c) => c.id === id))) throw new Error(`--only takes case numbers among ${cases.map((c) => c.id).join(',')}`);
  return { quick: values.quick, only };
}

async function runCase(ctx: BenchContext, root: Scope, benchCase: BenchCase, samples: Record<string, number[]>): Promise<ResultRow[]> {
  ctx.progress.step(`case ${benchCase.id}: ${benchCase.title}`);
  const startedAt = Date.now();
  try {
    const result = await withScope(root, (scope) => benchCase.run(ctx, scope));
    for (const [key, values] of Object.entries(result.samples ?? {})) samples[`case${benchCase.id}.${key}`] = values;
    ctx.progress.step(`case ${benchCase.id}: done in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);
    return result.rows;
  } catch (err) {
    ctx.progress.step(`case ${benchCase.id}: FAILED: ${(err as Error).stack}`);
    return [{ case: benchCase.id, figure: benchCase.title, ours: 'error', comparison: '', target: '', verdict: 'error', note: (err as Error).message }];
  }
}

/** Ctrl-C (or SIGTERM) tears the dev server down before exiting; worker children exit with us. */
function stopOnSignals(scope: Scope): void {
  const stop = (signal: NodeJS.Signals) => {
    console.error(`\n[bench] ${signal}: stopping the Temporal server and exiting`);
    void scope.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(): Promise<void> {
  const { quick, only } = options();
  const mode = quick ? quickMode : fullMode;
  const progress = new Progress();
  const startedAt = new Date();
  progress.step(`${mode.name} run: bundling workflows and starting a Temporal dev server`);
  const rows: ResultRow[] = [];
  const samples: Record<string, number[]> = {};
  const scope = new Scope();
  stopOnSignals(scope);
  clearWorkerLogs();
  try {
    const [bundlePath, env] = await Promise.all([bundleBenchWorkflows(), startDevServer()]);
    scope.use(bundlePath, removeBundle);
    scope.use(env, (e) => e.teardown());
    const ctx: BenchContext = { mode, env, bundlePath, token: 'bench-token', progress, tag: Date.now().toString(36) };
    const chosen = cases.filter((c) => !only || only.includes(c.id));
    // Timed cases run alone; the counting ones run after them, side by side, to save time.
    for (const benchCase of chosen.filter((c) => !c.countsOnly)) rows.push(...(await runCase(ctx, scope, benchCase, samples)));
    rows.push(...(await Promise.all(chosen.filter((c) => c.countsOnly).map((c) => runCase(ctx, scope, c, samples)))).flat());
  } finally {
    await scope.close();
  }
  rows.sort((a, b) => a.case - b.case);
  const flags = [...(quick ? ['--quick'] : []), ...(only ? ['--only', only.join(',')] : [])];
  const command = `npm run bench${flags.length ? ` -- ${flags.join(' ')}` : ''}`;
  const durationSeconds = (Date.now() - startedAt.getTime()) / 1000;
  const written = writeReport({ mode: mode.name, command, startedAt: startedAt.toISOString(), durationSeconds, machine: machineInfo(), rows, samples });
  console.log(`\n${formatTable(rows)}\n`);
  console.log(`${mode.name} run took ${durationSeconds.toFixed(0)} s; wrote ${written.join(', ')}`);
  if (rows.some((r) => r.verdict === 'error')) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
