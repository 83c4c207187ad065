// Writes a bench run's results: JSON, a markdown table and the latency chart, side by side.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ecdfChartSvg, type Panel } from './svg';
import { formatMarkdown, type ResultRow } from './table';

/** Where results go. */
export const resultsDir = path.resolve(__dirname, '..', 'results');

/** Everything one bench run measured. */
export interface BenchReport {
  mode: 'quick' | 'full';
  command: string;
  startedAt: string;
  durationSeconds: number;
  machine: { cpus: number; cpuModel: string; memoryMiB: number; node: string; platform: string };
  rows: ResultRow[];
  /** Latency samples (ms) by series, e.g. `case4.ours`. */
  samples: Record<string, number[]>;
}

/** The machine the bench ran on. */
export function machineInfo(): BenchReport['machine'] {
  const cpus = os.cpus();
  return { cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', memoryMiB: Math.round(os.totalmem() / 2 ** 20), node: process.version, platform: `${process.platform}-${process.arch}` };
}

const colors = { ours: '#1f77b4', naive: '#ff7f0e' };

function panels(samples: Record<string, number[]>): Panel[] {
  const panel = (key: string, title: string): Panel => ({
    title,
    series: (['ours', 'naive'] as const).map((who) => ({ label: who === 'ours' ? 'agentRunWorkflow' : 'naive baseline', color: colors[who], valuesMs: samples[`${key}.${who}`] ?? [] })),
  });
  return [panel('case4', 'Case 4: review decision to workflow closed'), panel('case5', 'Case 5: run completed to workflow closed')];
}

/** Writes `latest[-quick].json`, `.md` and `latency[-quick].svg`; answers the paths written. */
export function writeReport(report: BenchReport): string[] {
  mkdirSync(resultsDir, { recursive: true });
  const suffix = report.mode === 'quick' ? '-quick' : '';
  const json = path.join(resultsDir, `latest${suffix}.json`);
  const markdown = path.join(resultsDir, `latest${suffix}.md`);
  const svg = path.join(resultsDir, `latency${suffix}.svg`);
  writeFileSync(json, `${JSON.stringify(report, null, 1)}\n`);
  writeFileSync(markdown, `${formatMarkdown(report.rows)}\n\nCommand: \`${report.command}\` (${report.durationSeconds.toFixed(0)} s on ${report.machine.cpus} x ${report.machine.cpuModel}, Node ${report.machine.node})\n`);
  writeFileSync(svg, ecdfChartSvg(`empirical CDF of latencies, ${report.mode} run ${report.startedAt}`, panels(report.samples)));
  return [json, markdown, svg];
}
