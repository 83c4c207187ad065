// A hand-written SVG chart: empirical cumulative distributions of latency samples, one panel per case.
import { percentile } from './stats';

/** One line in a panel. */
export interface Series {
  label: string;
  color: string;
  /** Samples in milliseconds. */
  valuesMs: readonly number[];
}

/** One chart panel: a title and the series drawn on shared axes. */
export interface Panel {
  title: string;
  series: readonly Series[];
}

const panelWidth = 460;
const panelHeight = 300;
const margin = { left: 60, right: 20, top: 40, bottom: 76 };

/** Escapes text for SVG content and attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** A "nice" axis maximum and tick step covering `max` (1, 2 or 5 times a power of ten). */
export function niceScale(max: number): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 0.2 };
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  return { max: Math.ceil(max / step) * step, step };
}

/** The step line of one series' empirical CDF, in panel coordinates. */
export function ecdfPath(valuesMs: readonly number[], x: (ms: number) => number, y: (fraction: number) => number): string {
  const sorted = [...valuesMs].sort((a, b) => a - b);
  const points = [`M${x(0).toFixed(1)},${y(0).toFixed(1)}`];
  sorted.forEach((v, i) => {
    points.push(`H${x(v).toFixed(1)}`, `V${y((i + 1) / sorted.length).toFixed(1)}`);
  });
  return points.join(' ');
}

function axes(width: number, height: number, scale: { max: number; step: number }): string[] {
  const out = [`<rect x="0" y="0" width="${width}" height="${height}" fill="none" stroke="#999"/>`];
  for (let t = 0; t <= scale.max + 1e-9; t += scale.step) {
    const px = (t / scale.max) * width;
    out.push(`<line x1="${px.toFixed(1)}" y1="${height}" x2="${px.toFixed(1)}" y2="${height + 4}" stroke="#666"/>`);
    out.push(`<text x="${px.toFixed(1)}" y="${height + 16}" font-size="11" text-anchor="middle">${+(t / 1000).toPrecision(3)}</text>`);
  }
  for (const f of [0, 0.25, 0.5, 0.75, 1]) {
    const py = height - f * height;
    out.push(`<line x1="0" y1="${py.toFixed(1)}" x2="${width}" y2="${py.toFixed(1)}" stroke="#eee"/>`);
    out.push(`<text x="-6" y="${(py + 4).toFixed(1)}" font-size="11" text-anchor="end">${f}</text>`);
  }
  out.push(`<text x="${width / 2}" y="${height + 32}" font-size="12" text-anchor="middle">latency (s)</text>`);
  out.push(`<text transform="translate(-38,${height / 2}) rotate(-90)" font-size="12" text-anchor="middle">fraction of runs</text>`);
  return out;
}

function legend(s: Series): string {
  if (s.valuesMs.length === 0) return `${s.label}: no samples`;
  const sec = (q: number) => `${(percentile(s.valuesMs, q) / 1000).toFixed(2)} s`;
  return `${s.label}: p50 ${sec(50)}, p99 ${sec(99)} (n=${s.valuesMs.length})`;
}

function panelSvg(panel: Panel, offsetX: number): string {
  const width = panelWidth - margin.left - margin.right;
  const height = panelHeight - margin.top - margin.bottom;
  const all = panel.series.flatMap((s) => [...s.valuesMs]);
  const scale = niceScale(all.length ? Math.max(...all) : 1000);
  const x = (ms: number) => (ms / scale.max) * width;
  const y = (f: number) => height - f * height;
  const body = axes(width, height, scale);
  if (all.length === 0) body.push(`<text x="${width / 2}" y="${height / 2}" font-size="12" text-anchor="middle" fill="#888">not measured in this run</text>`);
  panel.series.forEach((s, i) => {
    if (s.valuesMs.length) body.push(`<path d="${ecdfPath(s.valuesMs, x, y)}" fill="none" stroke="${escapeXml(s.color)}" stroke-width="2"/>`);
    const ly = height + 46 + i * 14;
    body.push(`<rect x="0" y="${ly - 7}" width="12" height="4" fill="${escapeXml(s.color)}"/>`);
    body.push(`<text x="16" y="${ly - 2}" font-size="11">${escapeXml(legend(s))}</text>`);
  });
  return [
    `<g transform="translate(${offsetX + margin.left},${margin.top})">`,
    `<text x="${width / 2}" y="-16" font-size="13" font-weight="bold" text-anchor="middle">${escapeXml(panel.title)}</text>`,
    ...body,
    '</g>',
  ].join('\n');
}

/** A standalone SVG document with the panels side by side. */
export function ecdfChartSvg(title: string, panels: readonly Panel[]): string {
  const width = panelWidth * Math.max(1, panels.length);
  const height = panelHeight + 24;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${width / 2}" y="${height - 6}" font-size="11" text-anchor="middle" fill="#444">${escapeXml(title)}</text>`,
    ...panels.map((panel, i) => panelSvg(panel, i * panelWidth)),
    '</svg>',
    '',
  ].join('\n');
}
