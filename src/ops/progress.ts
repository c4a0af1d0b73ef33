// A small progress bar on stderr for long commands (simulate, import, replay). On a
// terminal it redraws one line in place; in a log (not a TTY) it writes a line every 25 %
// only, so CI logs are not flooded.

export interface ProgressBar {
  tick(n: number): void;
  /** For work measured as a position (bytes read, rows seen) rather than counted steps. */
  set(done: number): void;
  /** Draws the final line, then an optional summary line. */
  done(summary?: string): void;
}

export interface ProgressOptions {
  stream?: NodeJS.WriteStream;
  /** Clock in ms, injectable for tests. */
  now?: () => number;
}

const REDRAW_MS = 100;
const BAR_WIDTH = 24;

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

function formatCount(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(0)}k`;
  return String(Math.round(n));
}

/** The text of one progress line: label, bar, percentage, count, rate and time left. */
export function progressLine(label: string, done: number, total: number, elapsedMs: number): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(fraction * BAR_WIDTH);
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const eta = rate > 0 ? Math.max(0, total - done) / rate : NaN;
  const bar = '#'.repeat(filled) + '.'.repeat(BAR_WIDTH - filled);
  return `${label} [${bar}] ${(fraction * 100).toFixed(1).padStart(5)}% ${formatCount(done)}/${formatCount(total)} ${formatCount(rate)}/s ETA ${formatDuration(eta)}`;
}

export function progressBar(label: string, total: number, opts: ProgressOptions = {}): ProgressBar {
  const stream = opts.stream ?? process.stderr;
  const now = opts.now ?? Date.now;
  const interactive = stream.isTTY === true;
  const started = now();
  let done = 0;
  let lastDraw = 0;
  let lastQuarter = 0;
  let finished = false;

  const draw = (final: boolean): void => {
    const line = progressLine(label, done, Math.max(total, done), now() - started);
    stream.write(interactive ? `\r${line}${final ? '\n' : ''}` : `${line}\n`);
  };

  const bar: ProgressBar = {
    set(n) {
      bar.tick(n - done);
    },
    tick(n) {
      if (finished) return;
      done += n;
      if (interactive) {
        const t = now();
        if (t - lastDraw >= REDRAW_MS) {
          lastDraw = t;
          draw(false);
        }
        return;
      }
      const quarter = total > 0 ? Math.floor((done / total) * 4) : 0;
      if (quarter > lastQuarter && quarter < 4) {
        lastQuarter = quarter;
        draw(false);
      }
    },
    done(summary) {
      if (finished) return;
      finished = true;
      draw(true);
      if (summary) stream.write(`${summary}\n`);
    },
  };
  return bar;
}
