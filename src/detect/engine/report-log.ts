// The last ~hour of reports in struct-of-arrays form. Read only when an incident opens
// (services mix, who they were calling, duplicate share, reports since onset), so the
// per-report cost is a few typed-array writes and no object per report.
import { SERVICES, type Service } from './types.js';

export function serviceMask(services: readonly Service[]): number {
  let mask = 0;
  for (let i = 0; i < services.length; i++) mask |= serviceBit(services[i]!);
  return mask;
}

/** serviceMask of services as stored, comma-separated ("voice,911"), without splitting the text. */
export function serviceMaskOfText(text: string): number {
  let mask = 0;
  for (let from = 0; from < text.length; ) {
    let to = text.indexOf(',', from);
    if (to < 0) to = text.length;
    mask |= serviceBitAt(text, from, to);
    from = to + 1;
  }
  return mask;
}

function serviceBitAt(text: string, from: number, to: number): number {
  const n = to - from;
  if (n === 5 && text.startsWith('voice', from)) return 1;
  if (n === 3 && text.startsWith('sms', from)) return 2;
  if (n === 4 && text.startsWith('data', from)) return 4;
  if (n === 3 && text.startsWith('911', from)) return 8;
  return 0;
}

/** By first letter: a keyed lookup on the record ('911' is an index key) cost more per report. */
function serviceBit(s: Service): number {
  switch (s.charCodeAt(0)) {
    case 118: return s === 'voice' ? 1 : 0; // v
    case 115: return s === 'sms' ? 2 : 0; // s
    case 100: return s === 'data' ? 4 : 0; // d
    case 57: return s === '911' ? 8 : 0; // 9
    default: return 0;
  }
}

const SERVICE_BIT = Object.fromEntries(SERVICES.map((s) => [s, serviceBit(s)])) as Record<Service, number>;

export interface LogFilter {
  network: number;
  fromMinute: number; // inclusive
  /** Region test on interned county and state ids. */
  inScope: (county: number, state: number) => boolean;
  /** Only reports naming this called network. */
  called?: number;
}

export interface LogTally {
  raw: number; // every report, repeats included
  counted: number; // after fingerprint dedupe
  services: Record<Service, number>; // counted reports naming each service
  called: Map<number, number>; // counted reports by called network id
}

export class ReportLog {
  private cap = 1 << 14;
  private head = 0; // next write position (monotonic; index = head % cap)
  private minute = new Int32Array(this.cap);
  private network = new Uint8Array(this.cap);
  private county = new Int32Array(this.cap);
  private state = new Uint8Array(this.cap);
  private services = new Uint8Array(this.cap);
  private called = new Int16Array(this.cap);
  private counted = new Uint8Array(this.cap);

  constructor(private readonly keepMinutes: number) {}

  append(minute: number, network: number, county: number, state: number, services: number, called: number, counted: boolean): void {
    const oldest = this.head - this.cap;
    // Grow rather than overwrite reports still inside the window we must keep.
    if (oldest >= 0 && this.minute[oldest & (this.cap - 1)]! > minute - this.keepMinutes) this.grow();
    const i = this.head & (this.cap - 1); // cap is a power of two
    this.minute[i] = minute;
    this.network[i] = network;
    this.county[i] = county;
    this.state[i] = state;
    this.services[i] = services;
    this.called[i] = called;
    this.counted[i] = counted ? 1 : 0;
    this.head++;
  }

  private grow(): void {
    const cap = this.cap * 2;
    const copy = <T extends Int32Array | Uint8Array | Int16Array>(src: T, make: (n: number) => T): T => {
      const dst = make(cap);
      for (let k = Math.max(0, this.head - this.cap); k < this.head; k++) dst[k % cap] = src[k % this.cap]!;
      return dst;
    };
    this.minute = copy(this.minute, (n) => new Int32Array(n));
    this.network = copy(this.network, (n) => new Uint8Array(n));
    this.county = copy(this.county, (n) => new Int32Array(n));
    this.state = copy(this.state, (n) => new Uint8Array(n));
    this.services = copy(this.services, (n) => new Uint8Array(n));
    this.called = copy(this.called, (n) => new Int16Array(n));
    this.counted = copy(this.counted, (n) => new Uint8Array(n));
    this.cap = cap;
  }

  /** Tally reports of one network in scope from `fromMinute` (newest first, stops early). */
  tally(filter: LogFilter): LogTally {
    const out: LogTally = { raw: 0, counted: 0, services: { voice: 0, sms: 0, data: 0, '911': 0 }, called: new Map() };
    const stop = Math.max(0, this.head - this.cap);
    for (let k = this.head - 1; k >= stop; k--) {
      const i = k % this.cap;
      if (this.minute[i]! < filter.fromMinute) break;
      if (this.network[i] !== filter.network || !filter.inScope(this.county[i]!, this.state[i]!)) continue;
      if (filter.called !== undefined && this.called[i] !== filter.called) continue;
      out.raw++;
      if (!this.counted[i]) continue;
      out.counted++;
      const mask = this.services[i]!;
      for (const s of SERVICES) if (mask & SERVICE_BIT[s]) out.services[s]++;
      const c = this.called[i]!;
      if (c >= 0) out.called.set(c, (out.called.get(c) ?? 0) + 1);
    }
    return out;
  }
}
