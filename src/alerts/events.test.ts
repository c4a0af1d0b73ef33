import { describe, expect, it } from 'vitest';
import type { PublicIncident } from '../status/index.js';
import { eventsBetween, matches, severityOf, type AlertedState } from './events.js';
import { retryDelayMs } from './retry.js';

const open: AlertedState = { scope: 'county:36061', affected911: false, resolved: false };

describe('alert events', () => {
  it('opens once, then tells scope, 911 and resolution only when they change', () => {
    expect(eventsBetween(undefined, open)).toEqual(['incident.opened']);
    expect(eventsBetween(open, open)).toEqual([]);
    expect(eventsBetween(open, { ...open, scope: 'state:36' })).toEqual(['incident.scope-changed']);
    expect(eventsBetween(open, { ...open, affected911: true })).toEqual(['incident.911-affected']);
    expect(eventsBetween({ ...open, affected911: true }, { ...open, affected911: true })).toEqual([]);
    expect(eventsBetween(open, { ...open, resolved: true })).toEqual(['incident.resolved']);
    expect(eventsBetween(undefined, { scope: 'nation:US', affected911: true, resolved: true })).toEqual(['incident.opened', 'incident.911-affected', 'incident.resolved']);
    expect(eventsBetween({ ...open, resolved: true }, open)).toEqual(['incident.opened']);
  });

  const incident = (over: Partial<PublicIncident>): PublicIncident => ({
    id: 'i', network: 'att', networkName: 'AT&T', status: 'confirmed', kind: 'primary', primaryIncidentId: null, scope: { level: 'county', regions: ['36061'] },
    services: ['voice'], onsetAt: '', detectedAt: '', resolvedAt: null, reports: { count: 10, suppressed: false }, ...over,
  });

  it('grades severity as the CAP feed does and filters by network, state and severity', () => {
    expect(severityOf(incident({}))).toBe('minor');
    expect(severityOf(incident({ scope: { level: 'state', regions: ['36'] } }))).toBe('moderate');
    expect(severityOf(incident({ services: ['voice', '911'] }))).toBe('severe');
    expect(severityOf(incident({ scope: { level: 'nation', regions: ['US'] } }))).toBe('severe');
    const all = { networks: [], states: [], minSeverity: 'minor' as const };
    expect(matches(all, incident({}))).toBe(true);
    expect(matches({ ...all, networks: ['verizon'] }, incident({}))).toBe(false);
    expect(matches({ ...all, states: ['NY'] }, incident({}))).toBe(true);
    expect(matches({ ...all, states: ['CA'] }, incident({}))).toBe(false);
    expect(matches({ ...all, states: ['CA'] }, incident({ scope: { level: 'nation', regions: ['US'] } }))).toBe(true);
    expect(matches({ ...all, minSeverity: 'moderate' }, incident({}))).toBe(false);
  });
});

describe('retry delay', () => {
  const policy = { baseMs: 30_000, maxDelayMs: 6 * 3_600_000 };
  it('doubles per attempt, jittered to 50–100 % of the step, and is capped', () => {
    expect(retryDelayMs(policy, 1, 0)).toBe(15_000);
    expect(retryDelayMs(policy, 1, 0.999_999)).toBe(30_000);
    expect(retryDelayMs(policy, 3, 0)).toBe(60_000);
    expect(retryDelayMs(policy, 30, 0)).toBe(3 * 3_600_000);
  });
});
