// The minute loop: for every minute of the run, draw how many reports each source sends
// (background, each outage, each spam burst), add re-submissions scheduled earlier, spread
// them over the minute's seconds in random order and yield them. Only one minute (plus a
// few pending re-submissions) is ever held in memory, so millions of rows stream.
import { Background } from './background.js';
import { MINUTE, iso, spamText } from './content.js';
import { OutageStream } from './outages.js';
import { Rng } from './random.js';
import { SpamBurst } from './spam.js';
import type { SimReport, Truth } from './types.js';

/** Chance that a reporter sends the same report again a few minutes later. */
const DUPLICATE_RATE = 0.03;
/** Chance that a sender is a pest who sends junk several times over a few minutes. */
const SPAM_TRICKLE_RATE = 0.004;

interface ReportSource {
  expectedIn(minuteMs: number): number;
  emit(minuteMs: number, count: number, rng: Rng, out: SimReport[]): void;
}

function sourcesOf(truth: Truth): ReportSource[] {
  const networkById = new Map(truth.outages.map((o) => [o.id, o.network]));
  const outages = truth.outages.map(
    (o) => new OutageStream(o, o.primaryId === undefined ? undefined : networkById.get(o.primaryId)),
  );
  const spam = truth.quiet
    .filter((q) => q.kind === 'spam')
    .map((q, i) => new SpamBurst(q, (truth.seed * 31 + i) >>> 0));
  return [...outages, ...spam];
}

/** Re-submissions waiting for their minute. */
class Resubmissions {
  private readonly byMinute = new Map<number, SimReport[]>();

  schedule(report: SimReport, minuteMs: number): void {
    const list = this.byMinute.get(minuteMs);
    if (list) list.push(report);
    else this.byMinute.set(minuteMs, [report]);
  }

  take(minuteMs: number): SimReport[] {
    const list = this.byMinute.get(minuteMs) ?? [];
    this.byMinute.delete(minuteMs);
    return list;
  }

  /** Duplicates and the spam trickle, drawn for the reports of one minute. */
  drawFor(reports: readonly SimReport[], minuteMs: number, rng: Rng): void {
    for (const report of reports) {
      if (rng.chance(DUPLICATE_RATE)) {
        this.schedule({ ...report }, minuteMs + (1 + rng.int(10)) * MINUTE);
      } else if (rng.chance(SPAM_TRICKLE_RATE)) {
        report.description = spamText(rng);
        const copies = 2 + rng.int(5);
        for (let c = 0; c < copies; c++) this.schedule({ ...report }, minuteMs + (1 + rng.int(4)) * MINUTE);
      }
    }
  }
}

const SECONDS = Array.from({ length: 60 }, (_, s) => `${String(s).padStart(2, '0')}.000Z`);

/** Gives each report a second within the minute, in time order. */
function stampMinute(reports: SimReport[], minuteMs: number, rng: Rng): void {
  rng.shuffle(reports);
  const seconds = new Uint8Array(reports.length);
  for (let i = 0; i < seconds.length; i++) seconds[i] = rng.int(60);
  seconds.sort();
  // "2024-02-22T08:52:" + "13.000Z": dates are formatted once per minute, not per report.
  const prefix = iso(minuteMs).slice(0, 17);
  for (let i = 0; i < reports.length; i++) reports[i]!.receivedAt = prefix + SECONDS[seconds[i]!]!;
}

export function* generateReports(truth: Truth): Generator<SimReport> {
  const rng = new Rng(truth.seed ^ 0x5eed5eed);
  const background = new Background(truth.backgroundPeakPer15min, truth.quiet);
  const sources = sourcesOf(truth);
  const resubmissions = new Resubmissions();
  const startMs = Math.floor(Date.parse(truth.start) / MINUTE) * MINUTE;
  const endMs = Date.parse(truth.end);
  const fresh: SimReport[] = [];
  for (let minuteMs = startMs; minuteMs < endMs; minuteMs += MINUTE) {
    fresh.length = 0;
    background.emit(minuteMs, rng.poisson(background.expectedIn(minuteMs)), rng, fresh);
    for (const source of sources) {
      const expected = source.expectedIn(minuteMs);
      if (expected > 0) source.emit(minuteMs, rng.poisson(expected), rng, fresh);
    }
    resubmissions.drawFor(fresh, minuteMs, rng);
    const minute = fresh.concat(resubmissions.take(minuteMs));
    stampMinute(minute, minuteMs, rng);
    yield* minute;
  }
}
