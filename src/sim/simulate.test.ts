import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCarriers, lookupZip } from '../reference/index.js';
import { buildScenario, simulateReports, simulateToFiles, type SimReport, type Truth } from './index.js';
import { SERVICES } from './types.js';

const carriers = new Set(listCarriers().map((c) => c.id));
const THIRTY_DAYS = 30 * 86_400_000;

/** Why a report breaks the import rules, or undefined when it is valid. */
function problemWith(r: SimReport): string | undefined {
  if (!carriers.has(r.carrier)) return `carrier ${r.carrier}`;
  if (r.services.length === 0 || new Set(r.services).size !== r.services.length) return 'services';
  if (!r.services.every((s) => SERVICES.includes(s))) return `service ${r.services.join()}`;
  if (!lookupZip(r.zip)) return `zip ${r.zip}`;
  const received = Date.parse(r.receivedAt);
  const started = Date.parse(r.startedAt);
  if (!(started <= received && received - started <= THIRTY_DAYS)) return `startedAt ${r.startedAt} vs ${r.receivedAt}`;
  if (r.endedAt !== null && !(Date.parse(r.endedAt) >= started && Date.parse(r.endedAt) <= received)) return 'endedAt';
  if (r.calledCarrier !== null && !carriers.has(r.calledCarrier)) return `calledCarrier ${r.calledCarrier}`;
  if (r.fingerprint.length < 8) return 'fingerprint';
  return undefined;
}

describe('simulateReports', () => {
  it('is the same for the same seed and differs for another', () => {
    const run = (seed: number): string[] =>
      [...simulateReports({ days: 1, seed })].slice(0, 2000).map((r) => JSON.stringify(r));
    expect(run(11)).toEqual(run(11));
    expect(run(11)).not.toEqual(run(12));
  });

  it('writes valid reports in receivedAt order', () => {
    let previous = '';
    let count = 0;
    for (const report of simulateReports({ days: 3, seed: 3 })) {
      expect(problemWith(report)).toBeUndefined();
      expect(report.receivedAt >= previous).toBe(true);
      previous = report.receivedAt;
      count++;
    }
    expect(count).toBeGreaterThan(20_000);
  });

  it('sends re-submissions from the same fingerprint within minutes', () => {
    const seen = new Map<string, number>();
    let repeats = 0;
    for (const r of simulateReports({ days: 1, seed: 5 })) {
      const first = seen.get(r.fingerprint);
      if (first !== undefined && Date.parse(r.receivedAt) - first <= 11 * 60_000) repeats++;
      if (first === undefined) seen.set(r.fingerprint, Date.parse(r.receivedAt));
    }
    expect(repeats / seen.size).toBeGreaterThan(0.02);
    expect(repeats / seen.size).toBeLessThan(0.08);
  });

  it('floods a spam burst from only a handful of fingerprints', () => {
    const truth = buildScenario({ days: 7, seed: 2 });
    const spam = truth.quiet.find((q) => q.kind === 'spam');
    expect(spam).toBeDefined();
    const senders = new Set<string>();
    let reports = 0;
    for (const r of simulateReports({ days: 7, seed: 2 })) {
      if (r.zip === spam!.zip && r.receivedAt >= spam!.start && r.receivedAt < spam!.end && r.carrier === spam!.carrier) {
        senders.add(r.fingerprint);
        reports++;
      }
    }
    expect(reports).toBeGreaterThan(100);
    expect(senders.size).toBeLessThanOrEqual(spam!.fingerprints! + 2);
  });

  it('rejects an unknown scenario', () => {
    expect(() => buildScenario({ scenario: 'nope' })).toThrow(/unknown scenario "nope"/);
  });
});

describe('simulateToFiles', () => {
  it('streams the same reports to JSON lines and writes the truth', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sim-'));
    try {
      const progress: number[] = [];
      const out = join(dir, 'reports.jsonl');
      const result = await simulateToFiles({ out, truth: join(dir, 'truth.json'), days: 1, seed: 9, onProgress: (d) => progress.push(d) });
      const text = await readFile(out, 'utf8');
      expect(text).toMatch(/^[\x20-\x7e\n]*$/); // ASCII only: the writer encodes as latin1
      const lines = text.trimEnd().split('\n');
      expect(lines.length).toBe(result.reports);
      expect(lines.map((l) => JSON.parse(l) as SimReport)).toEqual([...simulateReports({ days: 1, seed: 9 })]);
      const truth = JSON.parse(await readFile(join(dir, 'truth.json'), 'utf8')) as Truth;
      expect(truth.outages.length).toBe(result.outages);
      expect(truth.seed).toBe(9);
      expect(progress.at(-1)).toBe(result.reports);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('simulateToFiles failures', () => {
  it('rejects when the output cannot be written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sim-'));
    try {
      await expect(
        simulateToFiles({ out: join(dir, 'missing', 'r.jsonl'), truth: join(dir, 't.json'), days: 0.1 }),
      ).rejects.toThrow(/ENOENT/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
