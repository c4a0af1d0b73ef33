// The last 24 hours of one carrier as an SVG drawn on the server: a bar per 15 minutes and the
// usual level as a line. Suppressed buckets are left blank (no bar, no line), as the note says.
import type { PublicCarrier } from '../../status/index.js';
import type { Messages } from '../i18n/index.js';

const W = 960;
const H = 180;
const PAD = { left: 44, right: 8, top: 10, bottom: 24 };

export function StatusChart({ c, m, timeZone, minCount }: { c: PublicCarrier; m: Messages; timeZone: string; minCount: number }) {
  const values = c.series.flatMap((b) => [b.reports.count ?? 0, b.expected.count ?? 0]);
  const top = Math.max(minCount * 2, ...values);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / c.series.length;
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const x = (i: number) => PAD.left + i * step;
  const segments: string[][] = [[]];
  c.series.forEach((b, i) => {
    if (b.expected.count === null) segments.push([]);
    else segments.at(-1)!.push(`${(x(i) + step / 2).toFixed(1)},${y(b.expected.count).toFixed(1)}`);
  });
  const shown = c.series.filter((b) => b.reports.count !== null);
  const peak = shown.reduce<number>((p, b) => Math.max(p, b.reports.count ?? 0), 0);
  const latest = c.series.at(-1)!.reports.count;
  const id = `chart-${c.network}`;
  const say = (n: number | null) => (n === null ? m.status.fewerThan(minCount) : m.status.reportsCount(n));
  return (
    <figure class="od-figure">
      <svg class="od-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{m.status.chartTitle(c.name)}</title>
        <desc id={`${id}-desc`}>{m.status.chartDesc(say(peak >= minCount ? peak : null), say(latest))}</desc>
        <line class="od-chart__axis" x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} />
        <text class="od-chart__label" x={PAD.left - 6} y={y(top) + 10} text-anchor="end">{top.toLocaleString(m.locale)}</text>
        <text class="od-chart__label" x={PAD.left - 6} y={y(0)} text-anchor="end">0</text>
        {c.series.map((b, i) =>
          b.reports.count === null ? null : (
            <rect key={b.at} class={c.state === 'outage' ? 'od-chart__bar od-chart__bar--outage' : 'od-chart__bar'} x={x(i) + 1} y={y(b.reports.count)} width={Math.max(step - 2, 1)} height={y(0) - y(b.reports.count)} />
          ),
        )}
        {segments.filter((s) => s.length > 1).map((s) => <polyline key={s[0]} class="od-chart__expected" points={s.join(' ')} />)}
        {c.series.map((b, i) =>
          i % 16 === 0 ? <text key={`t${b.at}`} class="od-chart__label" x={x(i)} y={H - 6}>{m.time.hour(new Date(b.at), timeZone)}</text> : null,
        )}
      </svg>
      <figcaption class="od-chart__legend">
        <span class="od-key od-key--bar" aria-hidden="true" /> {m.status.chartLegendReports}{' '}
        <span class="od-key od-key--line" aria-hidden="true" /> {m.status.chartLegendExpected}. {m.status.chartNote(minCount)}
      </figcaption>
    </figure>
  );
}
