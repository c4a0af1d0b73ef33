// A tiny Prometheus text-format registry: counters with labels, histograms, and gauges read on scrape.
type Labels = Record<string, string>;

const key = (labels: Labels) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`)
    .join(',');

export class Metrics {
  #counters = new Map<string, { help: string; values: Map<string, number> }>();
  #gauges = new Map<string, { help: string; read: () => number }>();
  #histograms = new Map<string, { help: string; bounds: number[]; counts: number[]; sum: number }>();

  counter(name: string, help: string): (labels?: Labels, by?: number) => void {
    const c = { help, values: new Map<string, number>() };
    this.#counters.set(name, c);
    return (labels = {}, by = 1) => {
      const k = key(labels);
      c.values.set(k, (c.values.get(k) ?? 0) + by);
    };
  }

  /** A histogram with fixed upper bounds (seconds, ascending); returns the observe function. */
  histogram(name: string, help: string, bounds: number[]): (value: number) => void {
    const h = { help, bounds, counts: new Array<number>(bounds.length + 1).fill(0), sum: 0 };
    this.#histograms.set(name, h);
    return (value) => {
      let i = 0;
      while (i < bounds.length && value > bounds[i]!) i++;
      h.counts[i]!++;
      h.sum += value;
    };
  }

  gauge(name: string, help: string, read: () => number): void {
    this.#gauges.set(name, { help, read });
  }

  render(): string {
    const lines: string[] = [];
    for (const [name, c] of this.#counters) {
      lines.push(`# HELP ${name} ${c.help}`, `# TYPE ${name} counter`);
      for (const [k, v] of c.values) lines.push(`${name}${k ? `{${k}}` : ''} ${v}`);
    }
    for (const [name, h] of this.#histograms) {
      lines.push(`# HELP ${name} ${h.help}`, `# TYPE ${name} histogram`);
      let cumulative = 0;
      h.bounds.forEach((le, i) => lines.push(`${name}_bucket{le="${le}"} ${(cumulative += h.counts[i]!)}`));
      cumulative += h.counts.at(-1)!;
      lines.push(`${name}_bucket{le="+Inf"} ${cumulative}`, `${name}_sum ${h.sum}`, `${name}_count ${cumulative}`);
    }
    for (const [name, g] of this.#gauges) {
      lines.push(`# HELP ${name} ${g.help}`, `# TYPE ${name} gauge`, `${name} ${g.read()}`);
    }
    return lines.join('\n') + '\n';
  }
}
