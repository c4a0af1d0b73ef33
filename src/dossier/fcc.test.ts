import { describe, expect, it } from 'vitest';
import { fccChecklist, thresholdCrossedAt } from './fcc.js';

const onset = Date.parse('2024-02-22T08:45:00Z');
const min = 60_000;

describe('47 CFR 4.9 threshold crossing', () => {
  it('a large outage crosses at 30 minutes (the duration floor)', () => {
    expect(thresholdCrossedAt(onset, onset + 600 * min, 40_000_000)).toBe(onset + 30 * min);
  });

  it('a smaller one crosses when users × minutes reaches 900,000', () => {
    // 10,000 users: 90 minutes
    expect(thresholdCrossedAt(onset, onset + 600 * min, 10_000)).toBe(onset + 90 * min);
  });

  it('not crossed before the end, or never with nobody affected', () => {
    expect(thresholdCrossedAt(onset, onset + 80 * min, 10_000)).toBeNull();
    expect(thresholdCrossedAt(onset, onset + 29 * min, 40_000_000)).toBeNull();
    expect(thresholdCrossedAt(onset, onset + 600 * min, 0)).toBeNull();
  });

  it('deadlines run from the crossing: 120 min, 72 h, 30 days; PSAP notice 30 min after 911 is seen', () => {
    const c = fccChecklist({ onsetMs: onset, endMs: onset + 685 * min, resolved: true, usersAffected: 40e6, reports911: 12, detectedMs: onset + 3 * min });
    expect(c.reportable).toBe(true);
    expect(c.thresholdCrossedAt).toBe(onset + 30 * min);
    expect(c.deadlines).toEqual({ notification: onset + 150 * min, initialReport: onset + 30 * min + 72 * 60 * min, finalReport: onset + 30 * min + 30 * 1440 * min });
    expect(c.psapNoticeDue).toBe(onset + 33 * min);
    expect(c.timeline.map((e) => e.what)).toEqual(['onset', 'duration-threshold', 'user-minutes-threshold', 'psap-notice-due', 'notification-due', 'resolved', 'initial-report-due', 'final-report-due']);
  });

  it('a small outage that affects 911 is reportable from when it was seen', () => {
    const c = fccChecklist({ onsetMs: onset, endMs: onset + 20 * min, resolved: true, usersAffected: 100, reports911: 1, detectedMs: onset + 5 * min });
    expect(c.thresholdCrossedAt).toBeNull();
    expect(c.reportable).toBe(true);
    expect(c.deadlines?.notification).toBe(onset + 125 * min);
  });
});
