import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ecdfChartSvg, ecdfPath, escapeXml, niceScale } from '../../bench/lib/svg';
import { against, formatMarkdown, formatTable, type ResultRow } from '../../bench/lib/table';

const rows: ResultRow[] = [
  { case: 1, figure: 'throughput', ours: '10 runs/s', comparison: 'bare 15 runs/s; ratio 0.67', target: 'ratio >= 0.5', verdict: 'met' },
  { case: 4, figure: 'wake-up | p99', ours: '1.20 s', comparison: 'naive 4.9 s', target: 'p99 <= 1 s', verdict: 'MISSED', note: 'relay takes 0.9 s' },
];

describe('bench table', () => {
  it('judges figures against their bounds', () => {
    assert.equal(against(40, '<=', 40), 'met');
    assert.equal(against(41, '<=', 40), 'MISSED');
    assert.equal(against(0.49, '>=', 0.5), 'MISSED');
  });

  it('prints aligned columns and the notes of rows that missed', () => {
    const text = formatTable(rows);
    const lines = text.split('\n');
    assert.match(lines[0], /^# \| figure/);
    assert.equal(lines[2].indexOf('|'), lines[3].indexOf('|'));
    assert.match(text, /notes:\n {2}\[4\] wake-up \| p99: relay takes 0\.9 s/);
  });

  it('escapes pipes in markdown cells', () => {
    const markdown = formatMarkdown(rows);
    assert.match(markdown, /wake-up \\\| p99/);
    assert.equal(markdown.split('\n').length, 4);
  });
});

describe('bench latency chart', () => {
  it('picks round axis maxima', () => {
    assert.deepEqual(niceScale(4300), { max: 5000, step: 1000 });
    assert.deepEqual(niceScale(790), { max: 800, step: 200 });
    assert.deepEqual(niceScale(0), { max: 1, step: 0.2 });
  });

  it('draws a step line that ends at fraction 1', () => {
    const path = ecdfPath([20, 10], (ms) => ms, (f) => 100 - f * 100);
    assert.equal(path, 'M0.0,100.0 H10.0 V50.0 H20.0 V0.0');
  });

  it('writes a standalone SVG with escaped labels and an empty-panel notice', () => {
    const svg = ecdfChartSvg('a <run>', [
      { title: 'Case 4', series: [{ label: 'ours & co', color: '#1f77b4', valuesMs: [100, 200, 300] }] },
      { title: 'Case 5', series: [{ label: 'naive', color: '#ff7f0e', valuesMs: [] }] },
    ]);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /a &lt;run&gt;/);
    assert.match(svg, /ours &amp; co: p50 0\.20 s, p99 0\.30 s \(n=3\)/);
    assert.match(svg, /not measured in this run/);
    assert.equal((svg.match(/<path /g) ?? []).length, 1);
    assert.equal(escapeXml(`"'`), '&quot;&apos;');
  });
});
