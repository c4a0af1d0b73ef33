// A small server-drawn chart of an incident: reports per 15 minutes against the expected
// baseline. Plain SVG (presentation attributes, no inline style), so it passes the strict CSP
// and costs no script.
import type { SeriesPoint } from '../detect/index.js';
import { html, type Html } from './html.js';

const W = 220;
const H = 44;

function points(values: number[], max: number): string {
  const step = values.length > 1 ? W / (values.length - 1) : 0;
  return values.map((v, i) => `${(i * step).toFixed(1)},${(H - 2 - (v / max) * (H - 4)).toFixed(1)}`).join(' ');
}

export function incidentChart(series: readonly SeriesPoint[]): Html {
  if (series.length < 2) return html`<span class="od-muted">no series</span>`;
  const observed = series.map((p) => p.observed);
  const expected = series.map((p) => p.expected);
  const max = Math.max(1, ...observed, ...expected);
  const peak = Math.max(...observed);
  const label = `Reports per 15 minutes from ${series[0]!.at.slice(0, 16)} to ${series.at(-1)!.at.slice(0, 16)} UTC: peak ${peak}, expected about ${Math.round(expected.reduce((a, b) => a + b, 0) / expected.length)}`;
  return html`<svg width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${label}">
<polyline points="${points(expected, max)}" fill="none" stroke="#71767a" stroke-width="1.5" stroke-dasharray="3 2"/>
<polyline points="${points(observed, max)}" fill="none" stroke="#b50909" stroke-width="1.5"/>
</svg>`;
}

const BIG = { w: 900, h: 240, left: 56, right: 12, top: 12, bottom: 36 };

/** Hour ticks every `step` hours that fall inside [from, to] (epoch ms). */
function hourTicks(from: number, to: number): number[] {
  const hours = (to - from) / 3_600_000;
  const step = [1, 2, 3, 6, 12, 24].find((s) => hours / s <= 12) ?? 48;
  const first = Math.ceil(from / (step * 3_600_000)) * step * 3_600_000;
  const ticks: number[] = [];
  for (let t = first; t <= to; t += step * 3_600_000) ticks.push(t);
  return ticks;
}

/**
 * The incident's chart for its own page: reports per 15 minutes against the expected
 * baseline, with hour ticks (UTC) and a count axis, and the numbers in its text alternative.
 */
export function incidentChartLarge(series: readonly SeriesPoint[]): Html {
  if (series.length < 2) return html`<p class="od-muted">No series stored for this incident.</p>`;
  const from = Date.parse(series[0]!.at);
  const to = Date.parse(series.at(-1)!.at);
  const max = Math.max(1, ...series.map((p) => Math.max(p.observed, p.expected)));
  const plotW = BIG.w - BIG.left - BIG.right;
  const plotH = BIG.h - BIG.top - BIG.bottom;
  const x = (ms: number) => BIG.left + ((ms - from) / Math.max(1, to - from)) * plotW;
  const y = (v: number) => BIG.top + plotH - (v / max) * plotH;
  const line = (pick: (p: SeriesPoint) => number) => series.map((p) => `${x(Date.parse(p.at)).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ');
  const ticks = hourTicks(from, to).map((t) => html`<line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${BIG.top}" y2="${BIG.top + plotH}" stroke="#dfe1e2"/>
<text x="${x(t).toFixed(1)}" y="${BIG.h - 14}" text-anchor="middle" font-size="12" fill="#565c65">${new Date(t).toISOString().slice(11, 16)}</text>`);
  const peak = series.reduce((a, b) => (b.observed > a.observed ? b : a));
  const label = `Reports per 15 minutes, ${series[0]!.at.slice(0, 16)} to ${series.at(-1)!.at.slice(0, 16)} UTC: peak ${peak.observed} at ${peak.at.slice(11, 16)}, expected there ${Math.round(peak.expected)}`;
  return html`<svg class="od-chart" viewBox="0 0 ${BIG.w} ${BIG.h}" role="img" aria-label="${label}">
${ticks}
<line x1="${BIG.left}" x2="${BIG.left + plotW}" y1="${BIG.top + plotH}" y2="${BIG.top + plotH}" stroke="#71767a"/>
<text x="${BIG.left - 6}" y="${BIG.top + 10}" text-anchor="end" font-size="12" fill="#565c65">${max.toLocaleString('en-US')}</text>
<text x="${BIG.left - 6}" y="${BIG.top + plotH}" text-anchor="end" font-size="12" fill="#565c65">0</text>
<polyline points="${line((p) => p.expected)}" fill="none" stroke="#71767a" stroke-width="2" stroke-dasharray="5 3"/>
<polyline points="${line((p) => p.observed)}" fill="none" stroke="#b50909" stroke-width="2"/>
</svg>`;
}
