// A spam burst: many reports from a handful of fingerprints, one ZIP, one brand. Volume
// alone looks like a county outage; a detector that counts each fingerprint once (as
// Downdetector does, one report per user per company) must see nothing.
import { everydayServices, fingerprint, iso, MINUTE, spamText } from './content.js';
import { Rng } from './random.js';
import type { QuietStretch, SimReport } from './types.js';

export class SpamBurst {
  private readonly startMs: number;
  private readonly endMs: number;
  private readonly perMinute: number;
  private readonly senders: string[];

  constructor(
    private readonly stretch: QuietStretch,
    seed: number,
  ) {
    this.startMs = Date.parse(stretch.start);
    this.endMs = Date.parse(stretch.end);
    const minutes = Math.max(1, (this.endMs - this.startMs) / MINUTE);
    this.perMinute = (stretch.reports ?? 0) / minutes;
    const rng = new Rng(seed);
    this.senders = Array.from({ length: Math.max(1, stretch.fingerprints ?? 3) }, () => fingerprint(rng));
  }

  expectedIn(minuteMs: number): number {
    return minuteMs >= this.startMs && minuteMs < this.endMs ? this.perMinute : 0;
  }

  emit(minuteMs: number, count: number, rng: Rng, out: SimReport[]): void {
    for (let n = 0; n < count; n++) {
      out.push({
        carrier: this.stretch.carrier ?? 'other',
        services: everydayServices(rng),
        sosMode: rng.chance(0.5),
        zip: this.stretch.zip ?? '10001',
        startedAt: iso(minuteMs - rng.int(60) * MINUTE),
        endedAt: null,
        calledCarrier: null,
        description: rng.chance(0.5) ? spamText(rng) : '',
        consentToContact: false,
        receivedAt: '',
        fingerprint: rng.pick(this.senders),
      });
    }
  }
}
