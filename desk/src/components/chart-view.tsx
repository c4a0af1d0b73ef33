// Reports per 15 minutes against the expected count, drawn with uPlot on a canvas: hover
// shows the values in the legend, drag selects a stretch to zoom, double-click zooms out.
// Its width follows the page (ResizeObserver); a phone gets fewer ticks and a larger font.
// A table of the same numbers is the text alternative.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'preact/hooks';
import { count, utc } from '../format.js';
import type { SeriesPoint } from '../types.js';

const PHONE = 600;
const DAY = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' });

/** 24-hour UTC ticks, with the date under the first tick of each day. */
function timeTicks(_u: uPlot, splits: number[]): string[] {
  let lastDay = '';
  return splits.map((s) => {
    const d = new Date(s * 1000);
    const day = DAY.format(d);
    const hm = d.toISOString().slice(11, 16);
    if (day === lastDay) return hm;
    lastDay = day;
    return `${hm}\n${day}`;
  });
}

function options(width: number): uPlot.Options {
  const phone = width < PHONE;
  const font = phone ? '14px system-ui, sans-serif' : '13px system-ui, sans-serif';
  return {
    width,
    height: phone ? 240 : 320,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    cursor: { drag: { x: true, y: false } },
    legend: { live: true },
    scales: { y: { range: (_u, _min, max) => [0, Math.max(5, max * 1.05)] } },
    axes: [
      { font, space: phone ? 60 : 80, stroke: '#1b1b1b', grid: { stroke: '#dfe1e2' }, values: timeTicks },
      // A phone's narrow axis reads 70k rather than a clipped 70,000.
      { font, size: phone ? 56 : 64, stroke: '#1b1b1b', grid: { stroke: '#dfe1e2' }, values: (_u, v) => v.map((x) => (phone ? compactCount(x) : count(x))) },
    ],
    series: [
      { label: 'Time (UTC)', value: (_u, v) => (v == null ? '—' : utc(new Date(v * 1000).toISOString())) },
      { label: 'Reports', stroke: '#b50909', width: 2, fill: 'rgba(181, 9, 9, 0.08)', value: (_u, v) => (v == null ? '—' : count(v)) },
      { label: 'Expected', stroke: '#565c65', width: 2, dash: [6, 4], value: (_u, v) => (v == null ? '—' : count(Math.round(v))) },
    ],
  };
}

function toData(series: SeriesPoint[]): uPlot.AlignedData {
  return [series.map((p) => Date.parse(p.at) / 1000), series.map((p) => p.observed), series.map((p) => p.expected)];
}

export default function ChartView({ series, title }: { series: SeriesPoint[]; title: string }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot>();
  const phone = useRef(false);

  useEffect(() => {
    const el = box.current!;
    const width = Math.max(280, el.clientWidth);
    phone.current = width < PHONE;
    plot.current = new uPlot(options(width), toData(series), el);
    const resize = new ResizeObserver(() => {
      const w = Math.max(280, el.clientWidth);
      const u = plot.current;
      if (!u || Math.abs(w - u.width) < 2) return;
      // Crossing the phone width changes fonts and ticks: build the plot again for that size.
      if (w < PHONE !== phone.current) {
        phone.current = w < PHONE;
        const data = u.data;
        u.destroy();
        plot.current = new uPlot(options(w), data, el);
      } else u.setSize({ width: w, height: u.height });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = undefined;
    };
  }, []);

  useEffect(() => {
    plot.current?.setData(toData(series));
  }, [series]);

  const peak = series.reduce((m, p) => (p.observed > m.observed ? p : m), series[0] ?? { at: '', observed: 0, expected: 0 });
  const summary = series.length
    ? `${title}: ${series.length} points of 15 minutes from ${utc(series[0]!.at)} to ${utc(series.at(-1)!.at)}; most reports ${count(peak.observed)} at ${utc(peak.at)} against ${count(Math.round(peak.expected))} expected.`
    : `${title}: no data.`;
  return (
    <figure class="od-chart">
      <div ref={box} class="od-chart__plot" role="img" aria-label={summary} />
      <figcaption class="od-muted">Reports per 15 minutes (red) against the expected count for that time of week (grey, dashed), times UTC. Drag across the chart to zoom in; double-click to zoom out.</figcaption>
      <details class="od-chart__table">
        <summary>The numbers as a table</summary>
        <div class="od-table-scroll" tabIndex={0} role="region" aria-label="Reports per 15 minutes">
          <table class="usa-table usa-table--compact">
            <caption class="usa-sr-only">{summary}</caption>
            <thead>
              <tr>
                <th scope="col">15 minutes from (UTC)</th>
                <th scope="col">Reports</th>
                <th scope="col">Expected</th>
              </tr>
            </thead>
            <tbody>
              {series.map((p) => (
                <tr key={p.at}>
                  <th scope="row">{utc(p.at)}</th>
                  <td>{count(p.observed)}</td>
                  <td>{count(Math.round(p.expected))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

function compactCount(n: number): string {
  if (Math.abs(n) >= 1e6) return `${+(n / 1e6).toFixed(1)}M`;
  if (Math.abs(n) >= 1e3) return `${+(n / 1e3).toFixed(1)}k`;
  return String(n);
}
