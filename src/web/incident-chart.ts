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
