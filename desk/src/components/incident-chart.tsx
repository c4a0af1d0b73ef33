// Loads the chart code (uPlot) only on an incident page, so the lists never pay for it.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SeriesPoint } from '../types.js';
import { ErrorAlert } from './problem.js';

type ChartProps = { series: SeriesPoint[]; title: string };

export function IncidentChart(props: ChartProps) {
  const [View, setView] = useState<ComponentType<ChartProps>>();
  const [error, setError] = useState<Error>();
  useEffect(() => {
    import('./chart-view.js').then(
      (m) => setView(() => m.default),
      (e: unknown) => setError(e instanceof Error ? e : new Error(String(e))),
    );
  }, []);
  if (error) return <ErrorAlert error={error} heading="The chart did not load" />;
  if (!View) return <p class="od-muted od-chart__loading">Drawing the chart…</p>;
  return <View {...props} />;
}
