// A one-line progress bar on stderr for long work (import, replay, simulate). On a terminal it
// redraws in place; otherwise it prints a line every 10 %, so CI logs stay readable.
export interface Progress {
  tick(n?: number): void;
  /** For work whose total is only known as it goes (bytes read, rows seen). */
  set(done: number): void;
  done(summary?: string): void;
}

export function progressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  const tty = Boolean(stream.isTTY);
  let done = 0;
  let lastDraw = 0;
  let lastDecile = -1;
  const line = () => {
    const secs = (Date.now() - started) / 1000;
    const frac = total > 0 ? Math.min(1, done / total) : 0;
    const rate = secs > 0 ? done / secs : 0;
    const eta = rate > 0 && total > done ? Math.round((total - done) / rate) : 0;
    const bar = '#'.repeat(Math.round(frac * 24)).padEnd(24, '.');
    return `${label} [${bar}] ${(frac * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${Math.round(rate).toLocaleString('en-US')}/s eta ${eta}s`;
  };
  const draw = () => {
    const now = Date.now();
    if (tty) {
      if (now - lastDraw < 100) return;
      lastDraw = now;
      stream.write(`\r${line()}`);
      return;
    }
    const decile = total > 0 ? Math.floor((done / total) * 10) : 0;
    if (decile !== lastDecile) {
      lastDecile = decile;
      stream.write(line() + '\n');
    }
  };
  return {
    tick(n = 1) {
      done += n;
      draw();
    },
    set(n) {
      done = n;
      draw();
    },
    done(summary) {
      lastDraw = 0;
      if (tty) stream.write(`\r${line()}\n`);
      if (summary) stream.write(summary + '\n');
    },
  };
}
