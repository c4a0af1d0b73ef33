// Simulated reports through the live path: history bulk-loaded into the store, then the rest
// posted to a running server's intake on an accelerated clock (the demo, and the test that
// holds live detection to what a replay of the same store finds).
import type { Config } from '../config.js';
import { startServer, type RunningServer, type StartOptions } from '../http/server.js';
import type { LiveDetection } from '../incidents/index.js';
import { BulkImporter } from '../intake/bulk-import.js';
import type { SimReport } from '../sim/index.js';
import { openStore } from '../store/index.js';
import { demoAddress, DemoClock, keepReporter } from './demo-clock.js';
import { liveDetectionWorker } from './detection-worker.js';

const MAX_IN_FLIGHT = 128;
/** How far simulated time may run past the report being sent: stamps stay within seconds of the simulation. */
const HOLD_LEAD_MS = 5_000;
/** Real milliseconds a commit may take: live detection waits this long (in simulated time) before reading. */
const SETTLE_REAL_MS = 1500;

export interface HistoryProgress {
  (receivedAtMs: number): void;
}

/** Stores the reports received before `from` (a sample of reporters); returns the first one at or after it. */
export async function loadHistory(config: Config, reports: Iterator<SimReport>, from: Date, sample: number, onProgress?: HistoryProgress): Promise<{ first: SimReport | undefined; accepted: number }> {
  const store = await openStore(config);
  const importer = new BulkImporter(store, from);
  let first: SimReport | undefined;
  try {
    for (let next = reports.next(); !next.done; next = reports.next()) {
      const r = next.value;
      if (Date.parse(r.receivedAt) >= from.getTime()) {
        first = r;
        break;
      }
      if (!keepReporter(r.fingerprint, sample)) continue;
      importer.add(r);
      if (importer.full) {
        await importer.flush();
        onProgress?.(Date.parse(r.receivedAt));
      }
    }
  } finally {
    await importer.finish();
    await store.close();
  }
  return { first, accepted: importer.counts.accepted };
}

export interface LiveReplayOptions {
  from: Date;
  until: Date;
  speed: number;
  sample: number;
  historyDays: number;
  /** The first report at or after `from` and the rest, in receivedAt order. */
  first: SimReport | undefined;
  rest: Iterator<SimReport>;
  server?: Omit<StartOptions, 'background' | 'clock'>;
  onNote?: (line: string) => void;
}

export interface LiveReplay {
  server: RunningServer;
  clock: DemoClock;
  /** Resolves when every report was posted, the clock stopped at `until` and detection caught up. */
  finished: Promise<{ sent: number; refused: number }>;
}

/** Tries before the demo counts a report as refused: a shedding server is asked again, as a phone would. */
const MAX_TRIES = 20;

/** True when the server accepted the report; a 503 or 429 is retried after its Retry-After (never committed, so never doubled). */
async function post(url: string, r: SimReport): Promise<boolean> {
  const { receivedAt: _r, fingerprint, ...body } = r;
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': demoAddress(fingerprint), 'user-agent': 'outage-desk-demo' },
      body: JSON.stringify(body),
    }).catch(() => null);
    await res?.arrayBuffer().catch(() => undefined);
    if (res?.status === 201) return true;
    const shed = res?.status === 503 || res?.status === 429;
    if (!shed || attempt >= MAX_TRIES) return false;
    const seconds = Math.min(Number(res.headers.get('retry-after')) || 1, 5);
    await new Promise((done) => setTimeout(done, seconds * 1000));
  }
}

async function drive(url: string, clock: DemoClock, o: LiveReplayOptions): Promise<{ sent: number; refused: number }> {
  let sent = 0;
  let refused = 0;
  const inFlight = new Set<Promise<void>>();
  // Simulated times of the reports sent and not answered yet: the clock may not pass the oldest by more than the lead.
  const pending = new Map<Promise<void>, number>();
  let nextAt = Number.POSITIVE_INFINITY;
  const hold = () => clock.holdAt(Math.min(nextAt, ...pending.values()) + HOLD_LEAD_MS);
  let lastNote = Date.now();
  for (let r = o.first; r && Date.parse(r.receivedAt) < o.until.getTime(); ) {
    if (keepReporter(r.fingerprint, o.sample)) {
      const at = Date.parse(r.receivedAt);
      nextAt = at;
      hold();
      const wait = clock.realDelayUntil(at);
      if (wait > 2) await new Promise((res) => setTimeout(res, wait));
      // Sent once the clock has reached it, so the server stamps it within the lead of when it happened.
      while (inFlight.size >= MAX_IN_FLIGHT || (clock.now() < at && inFlight.size > 0)) await Promise.race(inFlight);
      const p: Promise<void> = post(url, r).then((ok) => {
        if (!ok) refused++;
        inFlight.delete(p);
        pending.delete(p);
        hold();
      });
      inFlight.add(p);
      pending.set(p, at);
      sent++;
      if (Date.now() - lastNote > 10_000) {
        lastNote = Date.now();
        o.onNote?.(`demo: simulated time ${new Date(clock.now()).toISOString().slice(0, 16)}Z, ${sent} reports sent`);
      }
    }
    const next = o.rest.next();
    r = next.done ? undefined : next.value;
  }
  await Promise.all(inFlight);
  return { sent, refused };
}

/** Starts the server with live detection on the accelerated clock and posts the reports to it. */
export async function startLiveReplay(config: Config, o: LiveReplayOptions): Promise<LiveReplay> {
  const clock = new DemoClock(o.from.getTime(), o.speed);
  let live: LiveDetection | undefined;
  // Simulated time runs `speed` times faster: a commit's real milliseconds are that many simulated ones.
  const settleMs = SETTLE_REAL_MS * o.speed;
  const worker = liveDetectionWorker({ settleMs, lateMs: Math.max(20_000, 2 * settleMs), warmupDays: o.historyDays + 1, pollMs: 1000 }, (l) => (live = l));
  const server = await startServer(config, { ...o.server, background: [worker], clock: () => new Date(clock.now()) });
  clock.start();
  const finished = drive(server.url, clock, o).then(async (counts) => {
    // Nothing happens after the replay: the clock stops there and detection catches up.
    clock.freeze(o.until.getTime());
    await live?.drain();
    return counts;
  });
  return { server, clock, finished };
}
