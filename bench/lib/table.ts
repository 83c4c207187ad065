// The one results table: rows of (figure, ours, comparison, target), printed and saved as JSON.

/** Whether a row's figure meets its target. */
export type Verdict = 'met' | 'MISSED' | 'info' | 'error';

/** One row of the results table; `values` holds the raw numbers behind the text. */
export interface ResultRow {
  case: number;
  figure: string;
  ours: string;
  comparison: string;
  target: string;
  verdict: Verdict;
  /** Why a target was missed, what limits it, or how the figure was measured. */
  note?: string;
  values?: Record<string, number | string | boolean | null>;
}

/** The verdict of a figure against a bound (`<=` or `>=`). */
export function against(value: number, bound: '<=' | '>=', limit: number): Verdict {
  return (bound === '<=' ? value <= limit : value >= limit) ? 'met' : 'MISSED';
}

/** Formats milliseconds as seconds for a cell, e.g. `0.21 s`. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** How far a figure misses its bound, e.g. `missed by 0.07 (0.43 vs >= 0.5)`; empty when it meets it. */
export function missedBy(value: number, bound: '<=' | '>=', limit: number, unit = ''): string {
  if (against(value, bound, limit) === 'met') return '';
  const round = (n: number) => +n.toPrecision(3);
  return `missed by ${round(Math.abs(value - limit))}${unit} (${round(value)}${unit} vs ${bound} ${limit}${unit}); `;
}

const headers = ['#', 'figure', 'ours', 'comparison', 'target', 'verdict'] as const;

function cells(row: ResultRow): string[] {
  return [String(row.case), row.figure, row.ours, row.comparison, row.target, row.verdict];
}

/** A fixed-width text table of the rows, with the notes of missed or failed rows underneath. */
export function formatTable(rows: readonly ResultRow[]): string {
  const grid = [headers.slice(), ...rows.map(cells)];
  const widths = headers.map((_, col) => Math.max(...grid.map((line) => line[col].length)));
  const line = (parts: readonly string[]) => parts.map((part, col) => part.padEnd(widths[col])).join(' | ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  const notes = rows.filter((r) => r.note && r.verdict !== 'met').map((r) => `  [${r.case}] ${r.figure}: ${r.note}`);
  return [line(grid[0]), rule, ...grid.slice(1).map(line), ...(notes.length ? ['', 'notes:', ...notes] : [])].join('\n');
}

/** The same rows as a GitHub markdown table (for the README). */
export function formatMarkdown(rows: readonly ResultRow[]): string {
  const escape = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${cells(row).map(escape).join(' | ')} |`),
  ].join('\n');
}
