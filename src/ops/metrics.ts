// A tiny Prometheus text-format registry: counters with labels, and gauges read on scrape.
type Labels = Record<string, string>;

const key = (labels: Labels) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`)
    .join(',');

export class Metrics {
  #counters = new Map<string, { help: string; values: Map<string, number> }>();
  #gauges = new Map<string, { help: string; read: () => number }>();

  counter(name: string, help: string): (labels?: Labels, by?: number) => void {
    const c = { help, values: new Map<string, number>() };
    this.#counters.set(name, c);
    return (labels = {}, by = 1) => {
      const k = key(labels);
      c.values.set(k, (c.values.get(k) ?? 0) + by);
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
    for (const [name, g] of this.#gauges) {
      lines.push(`# HELP ${name} ${g.help}`, `# TYPE ${name} gauge`, `${name} ${g.read()}`);
    }
    return lines.join('\n') + '\n';
  }
}
