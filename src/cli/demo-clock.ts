// The demo's accelerated clock: simulated time starts at `from` and runs `speed` times faster
// than real time once started. Before start() it stands still (history is being loaded).
export class DemoClock {
  #realStart: number | null = null;
  #frozenAt: number | null = null;
  /** Simulated time may not pass this (the sender is behind); never moves back. */
  #limit = Infinity;
  #last: number;

  constructor(
    readonly from: number,
    readonly speed: number,
  ) {
    this.#last = from;
  }

  start(realNow = Date.now()): void {
    this.#realStart = realNow;
  }

  now(realNow = Date.now()): number {
    if (this.#frozenAt !== null) return this.#frozenAt;
    const run = this.#realStart === null ? this.from : this.from + (realNow - this.#realStart) * this.speed;
    // Held back while the sender catches up, and never backwards: stamps stay in order.
    this.#last = Math.max(this.#last, Math.min(run, this.#limit));
    return this.#last;
  }

  /**
   * Simulated time waits at `simMs` (the sender's oldest report not yet answered, plus a little):
   * a server slower than `speed` slows the clock instead of stamping reports later than they
   * happened. The limit may move back; the clock never does.
   */
  holdAt(simMs: number): void {
    this.#limit = simMs;
  }

  /** Stops simulated time at `simMs` (the replay has ended: nothing happens after it). */
  freeze(simMs: number): void {
    this.#frozenAt = simMs;
  }

  /** Real milliseconds until simulated time reaches `simMs` (0 if it has). */
  realDelayUntil(simMs: number, realNow = Date.now()): number {
    const run = this.#realStart === null ? this.from : this.from + (realNow - this.#realStart) * this.speed;
    return Math.max(0, (simMs - Math.max(run, this.now(realNow))) / this.speed);
  }
}

/** Keeps a stable share of reporters: sampling by fingerprint keeps each person's reports together. */
export function keepReporter(fingerprint: string, share: number): boolean {
  let h = 2166136261;
  for (let i = 0; i < fingerprint.length; i++) h = Math.imul(h ^ fingerprint.charCodeAt(i), 16777619);
  return (h >>> 0) / 4294967296 < share;
}

/** A stand-in client address per simulated reporter, so the server fingerprints them apart. */
export function demoAddress(fingerprint: string): string {
  let h = 0;
  for (let i = 0; i < fingerprint.length; i++) h = (Math.imul(h, 31) + fingerprint.charCodeAt(i)) >>> 0;
  return `10.${(h >>> 16) & 255}.${(h >>> 8) & 255}.${h & 255}`;
}
