// 47 CFR 4.9 (wireless): an outage is reportable once it has lasted 30 minutes and potentially
// affects 900,000 user-minutes, or when it affects 911 service. What follows: notification to
// the FCC within 120 minutes of discovering it is reportable, an initial report within 72 hours,
// a final report within 30 days; a covered 911 provider tells affected PSAPs within 30 minutes.
// Pure: times in epoch ms.

export const FCC_MIN_DURATION_MINUTES = 30;
export const FCC_USER_MINUTES = 900_000;
const MINUTE = 60_000;

/**
 * When the estimated user-minutes (usersAffected × minutes since onset) reached the threshold
 * with the outage at least 30 minutes old; null if it has not by `endMs` (or never will).
 */
export function thresholdCrossedAt(onsetMs: number, endMs: number, usersAffected: number): number | null {
  if (!(usersAffected > 0)) return null;
  const minutes = Math.max(FCC_MIN_DURATION_MINUTES, FCC_USER_MINUTES / usersAffected);
  const at = onsetMs + Math.ceil(minutes * 60) * 1000;
  return at <= endMs ? at : null;
}

export interface FccDeadlines {
  notification: number; // discovery + 120 min
  initialReport: number; // discovery + 72 h
  finalReport: number; // discovery + 30 days
}

export function fccDeadlines(discoveredMs: number): FccDeadlines {
  return { notification: discoveredMs + 120 * MINUTE, initialReport: discoveredMs + 72 * 60 * MINUTE, finalReport: discoveredMs + 30 * 1440 * MINUTE };
}

/** PSAP notice is due 30 minutes after a 911 outage is discovered. */
export const psapNoticeDue = (discoveredMs: number): number => discoveredMs + 30 * MINUTE;

export interface FccEvent {
  at: number;
  what: 'onset' | 'duration-threshold' | 'user-minutes-threshold' | 'psap-notice-due' | 'notification-due' | 'initial-report-due' | 'final-report-due' | 'resolved';
}

export interface FccChecklist {
  reportable: boolean;
  /** When the outage became reportable on user-minutes (the discovery time the deadlines run from). */
  thresholdCrossedAt: number | null;
  affects911: boolean;
  deadlines: FccDeadlines | null;
  psapNoticeDue: number | null;
  timeline: FccEvent[];
}

export interface FccInput {
  onsetMs: number;
  /** Resolved time, or now for an open incident. */
  endMs: number;
  resolved: boolean;
  usersAffected: number;
  /** Reports naming 911 (evidence that 911 calls failed). */
  reports911: number;
  /** When the outage was first seen (detection), from which a 911 outage counts as discovered. */
  detectedMs: number;
}

export function fccChecklist(x: FccInput): FccChecklist {
  const crossed = thresholdCrossedAt(x.onsetMs, x.endMs, x.usersAffected);
  const affects911 = x.reports911 > 0;
  const psap = affects911 ? psapNoticeDue(Math.max(x.detectedMs, x.onsetMs)) : null;
  // A 911 outage is reportable on its own; its clock starts when it was discovered.
  const discovered = crossed ?? (affects911 ? Math.max(x.detectedMs, x.onsetMs) : null);
  const deadlines = discovered === null ? null : fccDeadlines(discovered);
  const timeline: FccEvent[] = [{ at: x.onsetMs, what: 'onset' }];
  const thirty = x.onsetMs + FCC_MIN_DURATION_MINUTES * MINUTE;
  if (thirty <= x.endMs) timeline.push({ at: thirty, what: 'duration-threshold' });
  if (crossed !== null) timeline.push({ at: crossed, what: 'user-minutes-threshold' });
  if (psap !== null) timeline.push({ at: psap, what: 'psap-notice-due' });
  if (deadlines) {
    timeline.push({ at: deadlines.notification, what: 'notification-due' }, { at: deadlines.initialReport, what: 'initial-report-due' }, { at: deadlines.finalReport, what: 'final-report-due' });
  }
  if (x.resolved) timeline.push({ at: x.endMs, what: 'resolved' });
  timeline.sort((a, b) => a.at - b.at);
  return { reportable: discovered !== null, thresholdCrossedAt: crossed, affects911, deadlines, psapNoticeDue: psap, timeline };
}
