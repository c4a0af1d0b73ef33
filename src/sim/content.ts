// What a single report says: services, SOS flag, free text, when it started. Background
// reports are varied everyday complaints; outage reports echo the outage's services.
import { pickAnyBrand } from './market.js';
import { WeightedPicker, type Rng } from './random.js';
import type { Service } from './types.js';

const MINUTE = 60_000;
const MAX_STARTED_BEFORE = 30 * 24 * 60 * MINUTE;

const everydayMixes = new WeightedPicker<Service[]>(
  [['data'], ['voice'], ['sms'], ['voice', 'sms'], ['voice', 'data'], ['voice', 'sms', 'data'], ['voice', 'sms', 'data', '911'], ['911']],
  [0.34, 0.16, 0.08, 0.1, 0.1, 0.17, 0.03, 0.02],
);

const EVERYDAY_TEXT = [
  'No signal at home', 'Data very slow', 'Calls drop after a minute', 'Texts not sending',
  'Cannot connect to LTE', 'Internet not working on my phone', 'No bars since this morning',
  'Calls go straight to voicemail', 'Dropped calls all day',
];
const OUTAGE_TEXT = [
  'SOS only on my phone', 'No service at all', 'Phone says SOS', 'Cannot call anyone',
  'No data, no calls', 'Whole family has no service', 'Cannot reach my wife', 'Nothing works',
];
const SPAM_TEXT = ['cheap followers click here', 'asdfgh', 'WIN A FREE PHONE', 'test test test', 'lol'];

// Four hex digits per 16 bits: number-to-string conversion was the generator's hot spot.
const HEX4 = Array.from({ length: 65_536 }, (_, i) => i.toString(16).padStart(4, '0'));

/** An opaque client id: 48 random bits in hex. */
export function fingerprint(rng: Rng): string {
  const a = rng.uint32();
  const fp = 'fp_' + HEX4[a >>> 16]! + HEX4[a & 0xffff]! + HEX4[rng.uint32() >>> 16]!;
  // Joined strings of 13+ characters are ropes; reading a character flattens this one here, so
  // it reaches its readers flat, as strings read from a store or a request body do (otherwise
  // the engine's dedupe, the first to read it, pays the simulator's join).
  fp.charCodeAt(0);
  return fp;
}

export function everydayServices(rng: Rng): Service[] {
  return everydayMixes.pick(rng);
}

export function everydayText(rng: Rng): string {
  return rng.chance(0.7) ? '' : rng.pick(EVERYDAY_TEXT);
}

export function outageText(rng: Rng): string {
  return rng.chance(0.75) ? '' : rng.pick(OUTAGE_TEXT);
}

export function spamText(rng: Rng): string {
  return rng.pick(SPAM_TEXT);
}

/**
 * The services an outage reporter ticks: mostly the outage's own, sometimes one missed or
 * one extra (people are not precise). Never empty.
 */
export function outageServices(services: readonly Service[], rng: Rng): Service[] {
  const out = services.filter(() => rng.chance(0.9));
  if (rng.chance(0.05)) {
    const extra = rng.pick<Service>(['voice', 'sms', 'data', '911']);
    if (!out.includes(extra)) out.push(extra);
  }
  return out.length > 0 ? out : [services[rng.int(services.length)] ?? 'voice'];
}

/** Whom a background reporter was calling, if anyone. */
export function everydayCalled(rng: Rng): string | null {
  return rng.chance(0.08) ? pickAnyBrand(rng) : null;
}

/** When an everyday problem began: minutes to hours before the report, on the minute. */
export function everydayStart(minuteMs: number, rng: Rng): number {
  const before = Math.min(MAX_STARTED_BEFORE, Math.round(rng.exponential(45)) * MINUTE);
  return minuteMs - before;
}

/**
 * When an outage reporter says it began: near the true onset, people round to 5 minutes
 * and some only noticed later; never after the report itself.
 */
export function outageStart(onsetMs: number, minuteMs: number, rng: Rng): number {
  const noticed = onsetMs + (rng.chance(0.7) ? rng.between(-5, 10) : rng.exponential(40)) * MINUTE;
  const rounded = Math.round(noticed / (5 * MINUTE)) * 5 * MINUTE;
  return Math.min(rounded, minuteMs);
}

/** Some people say when it ended: between its start and the report. */
export function maybeEnded(startedMs: number, minuteMs: number, p: number, rng: Rng): string | null {
  if (minuteMs <= startedMs || !rng.chance(p)) return null;
  return iso(Math.floor(rng.between(startedMs, minuteMs) / MINUTE) * MINUTE);
}

// Report times cluster on a few recent seconds and minutes, and formatting dates was the
// generator's hottest spot: recent strings are kept in a small table keyed by second.
const ISO_SLOTS = 1 << 16;
const isoKeys = new Float64Array(ISO_SLOTS).fill(NaN);
const isoTexts: string[] = new Array<string>(ISO_SLOTS).fill('');

/**
 * After restoration, some outage reporters say when service came back: near the true end,
 * rounded to 5 minutes. Before it, a few say it stopped already (a flicker).
 */
export function outageEnded(endMs: number, startedMs: number, minuteMs: number, rng: Rng): string | null {
  if (minuteMs <= endMs) return maybeEnded(startedMs, minuteMs, 0.02, rng);
  if (!rng.chance(0.4)) return null;
  const said = Math.round((endMs + rng.between(-10, 15) * MINUTE) / (5 * MINUTE)) * 5 * MINUTE;
  return iso(Math.min(minuteMs, Math.max(startedMs, said)));
}

export function iso(ms: number): string {
  const slot = Math.floor(ms / 1000) % ISO_SLOTS;
  if (isoKeys[slot] === ms) return isoTexts[slot]!;
  const text = new Date(ms).toISOString();
  isoKeys[slot] = ms;
  isoTexts[slot] = text;
  return text;
}

export { MINUTE };
