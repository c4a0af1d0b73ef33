// Every timing class and every verdict rule, on a small incident shaped like 22 Feb 2024.
import { describe, expect, it } from 'vitest';
import { assessClaim, incidentMarkers, markerList, type Claim, type IncidentFacts, type Statement } from './index.js';

const INCIDENT: IncidentFacts = {
  id: 'att-20240222T0845Z', network: 'att', kind: 'primary', primaryIncidentId: null, primaryNetwork: null,
  scope: { level: 'nation', regions: ['US'] }, services: { voice: 0.95, sms: 0.6, data: 0.8, '911': 0.1 },
  onsetAt: '2024-02-22T08:45:00.000Z', detectedAt: '2024-02-22T08:47:00.000Z', resolvedAt: '2024-02-22T20:04:00.000Z',
  openingRatio: 60, firstReportAt: '2024-02-22T08:45:10.000Z',
};

let n = 0;
const statement = (s: Partial<Statement>): Statement => ({
  id: `s${++n}`, source: 'agency', speaker: 'CISA', saidAt: '2024-02-22T21:00:00.000Z', seenAt: '2024-02-22T21:05:00.000Z', url: null, text: 'x', asserts: {}, ...s,
});
const claim = (c: Partial<Claim>): Claim => ({
  id: `c${++n}`, actor: '62IX', channel: 'telegram', url: null, claimedAt: '2024-02-23T15:00:00.000Z', text: 'We did it.',
  claimedMethod: 'unspecified', claimedScope: null, claimedAttackAt: null, ...c,
});

const CISA = statement({ asserts: { maliciousActivity: 'none-seen', cause: 'unknown' } });
const ATT_CAUSE = statement({ source: 'carrier', speaker: 'AT&T', saidAt: '2024-02-23T00:46:00.000Z', asserts: { cause: 'configuration', maliciousActivity: 'none-seen' } });
const MEDIA = statement({ source: 'media', speaker: 'AP', saidAt: '2024-02-22T08:46:00.000Z', asserts: { cause: 'unknown' } });
const FBI_CONFIRMS = statement({ speaker: 'FBI', asserts: { maliciousActivity: 'confirmed' } });

describe('markers', () => {
  it('puts onset, first report, detection, first media item, first official statement and restoration in time order', () => {
    const m = incidentMarkers(INCIDENT, [ATT_CAUSE, CISA, MEDIA]);
    expect(markerList(m).map((x) => [x.kind, x.at])).toEqual([
      ['onset', INCIDENT.onsetAt], ['first-report', INCIDENT.firstReportAt], ['first-media', MEDIA.saidAt],
      ['detection', INCIDENT.detectedAt], ['restoration', INCIDENT.resolvedAt], ['first-official', CISA.saidAt],
    ]);
    expect(m.publicFrom.kind).toBe('first-media'); // the AP item came before detection
  });

  it('counts the outage public from detection when no one has spoken yet, and takes restoration from the carrier while detection has none', () => {
    const open = { ...INCIDENT, resolvedAt: null };
    const restored = statement({ source: 'carrier', speaker: 'AT&T', saidAt: '2024-02-22T20:10:00.000Z', asserts: { restoration: true } });
    expect(incidentMarkers(open, []).publicFrom.kind).toBe('detection');
    expect(incidentMarkers(open, []).restoration).toBeNull();
    expect(incidentMarkers(open, [restored]).restoration).toMatchObject({ at: restored.saidAt, by: 'AT&T (carrier)' });
  });
});

describe('timing', () => {
  it('pre-onset: a claim before the outage began is not post-event', () => {
    const a = assessClaim(claim({ claimedAt: '2024-02-22T07:30:00.000Z', claimedMethod: 'intrusion' }), INCIDENT, []);
    expect(a).toMatchObject({ timing: 'pre-onset', postEvent: false });
    expect(a.reasons[0]).toBe('Claimed 2024-02-22 07:30 UTC, 1 h 15 min before the outage began (2024-02-22 08:45 UTC).');
  });

  it('before-public: during the outage, before detection, media or officials made it known', () => {
    const a = assessClaim(claim({ claimedAt: '2024-02-22T08:46:00.000Z' }), INCIDENT, [CISA]);
    expect(a).toMatchObject({ timing: 'before-public', postEvent: false });
    expect(a.reasons[0]).toContain('1 min before it was public (2024-02-22 08:47 UTC, detection on crowd reports)');
  });

  it('after-public: during the outage, once it was public, is post-event', () => {
    const a = assessClaim(claim({ claimedAt: '2024-02-22T12:00:00.000Z' }), INCIDENT, []);
    expect(a).toMatchObject({ timing: 'after-public', postEvent: true });
    expect(a.reasons[1]).toMatch(/post-event claiming/);
  });

  it('after-restoration: the Friday claim, post-event', () => {
    const a = assessClaim(claim({}), INCIDENT, [CISA, ATT_CAUSE]);
    expect(a).toMatchObject({ timing: 'after-restoration', postEvent: true });
    expect(a.reasons[0]).toBe('Claimed 2024-02-23 15:00 UTC, 18 h 56 min after service was restored (2024-02-22 20:04 UTC, detection: reports back to baseline).');
  });

  it('a first media item earlier than detection makes the outage public sooner', () => {
    const at = '2024-02-22T08:46:30.000Z';
    expect(assessClaim(claim({ claimedAt: at }), INCIDENT, []).timing).toBe('before-public');
    expect(assessClaim(claim({ claimedAt: at }), INCIDENT, [MEDIA]).timing).toBe('after-public');
  });
});

describe('verdicts', () => {
  it('contradicted (rule 2): the Friday DDoS claim against CISA and the carrier, with every reason in words', () => {
    const a = assessClaim(claim({ claimedMethod: 'ddos' }), INCIDENT, [CISA, ATT_CAUSE]);
    expect(a.verdict).toBe('contradicted');
    expect(a.reasons).toEqual([
      expect.stringContaining('after service was restored'),
      expect.stringContaining('post-event claiming'),
      expect.stringMatching(/^A DDoS does not fit what detection saw: an abrupt loss of service across the whole network \(nation scope, 60× the expected reports within 2 min of onset\), ended by the carrier's own action \(AT&T, 2024-02-23 00:46 UTC\)/),
      'CISA (agency) saw no indication of malicious activity (2024-02-22 21:00 UTC).',
      'AT&T (carrier) gave a non-malicious cause (configuration) and saw no indication of malicious activity (2024-02-23 00:46 UTC).',
      'Contradicted: official statements rule out an attack and none confirms one.',
    ]);
  });

  it('contradicted (rule 1): a claim against a collateral incident, whatever was said', () => {
    const collateral: IncidentFacts = { ...INCIDENT, id: 'verizon-20240222T0851Z', network: 'verizon', kind: 'collateral', primaryIncidentId: INCIDENT.id, primaryNetwork: 'att' };
    const a = assessClaim(claim({ claimedAt: '2024-02-22T12:00:00.000Z' }), collateral, [FBI_CONFIRMS]);
    expect(a.verdict).toBe('contradicted');
    expect(a.reasons.at(-1)).toBe("Contradicted: detection found verizon's network working; its reports came from people trying to reach att's customers (collateral of att-20240222T0845Z).");
  });

  it('corroborated (rule 3): an agency confirms an attack and the claim fits, even when made late', () => {
    const a = assessClaim(claim({ claimedMethod: 'intrusion', claimedScope: { level: 'state', regions: ['48'] } }), INCIDENT, [FBI_CONFIRMS]);
    expect(a.verdict).toBe('corroborated');
    expect(a.reasons).toContain('FBI (agency) confirmed malicious activity (2024-02-22 21:00 UTC).');
  });

  it('doubtful, not corroborated, when an attack is confirmed but the claimed method does not fit', () => {
    const a = assessClaim(claim({ claimedMethod: 'ddos' }), INCIDENT, [FBI_CONFIRMS]);
    expect(a.verdict).toBe('doubtful');
    expect(a.reasons.at(-1)).toBe('Doubtful: the claim is made only after the outage was public and conflicts with what detection saw, and an official statement confirms an attack, but not this claim of it.');
  });

  it('doubtful (rule 4), no statements at all: a post-event claim', () => {
    const a = assessClaim(claim({}), INCIDENT, []);
    expect(a).toMatchObject({ timing: 'after-restoration', postEvent: true, verdict: 'doubtful' });
    expect(a.reasons.at(-1)).toBe('Doubtful: the claim is made only after the outage was public, and no official statement settles it.');
  });

  it('doubtful (rule 4): the wrong region, claimed before the outage was public', () => {
    const countyIncident: IncidentFacts = { ...INCIDENT, scope: { level: 'county', regions: ['17097'] } };
    const name = (level: string, r: string) => ({ '17097': 'Lake, IL', '06': 'CA', '17': 'IL' } as Record<string, string>)[r] ?? `${level} ${r}`;
    const claimIn = (regions: string[]) => claim({ claimedAt: '2024-02-22T08:46:00.000Z', claimedScope: { level: 'state', regions } });
    const wrong = assessClaim(claimIn(['06']), countyIncident, [], name);
    expect(wrong).toMatchObject({ timing: 'before-public', postEvent: false, verdict: 'doubtful' });
    expect(wrong.reasons).toContain('Claims CA; detection saw the outage in Lake, IL, which does not include it.');
    expect(assessClaim(claimIn(['17']), countyIncident, [], name).verdict).toBe('unverified'); // Illinois holds Lake County
    const nation = assessClaim(claim({ claimedAt: '2024-02-22T08:46:00.000Z', claimedScope: { level: 'nation', regions: ['US'] } }), countyIncident, [], name);
    expect(nation.reasons).toContain('Claims the whole country; detection saw the outage only in Lake, IL (county scope).');
  });

  it('doubtful (rule 4): a claimed attack time that does not match the onset', () => {
    const at = (claimedAttackAt: string) => assessClaim(claim({ claimedAt: '2024-02-22T08:46:00.000Z', claimedAttackAt }), INCIDENT, []);
    expect(at('2024-02-22T08:00:00.000Z').verdict).toBe('unverified'); // 45 min before the estimated onset fits
    const late = at('2024-02-22T11:00:00.000Z');
    expect(late.verdict).toBe('doubtful');
    expect(late.reasons).toContain('Says the attack began 2024-02-22 11:00 UTC, 2 h 15 min after the outage began (2024-02-22 08:45 UTC).');
  });

  it('unverified (rule 5): pre-onset, no statements, nothing conflicting', () => {
    const a = assessClaim(claim({ claimedAt: '2024-02-22T07:30:00.000Z', claimedMethod: 'intrusion' }), INCIDENT, []);
    expect(a.verdict).toBe('unverified');
    expect(a.reasons.slice(-2)).toEqual(['No official statement confirms or rules out an attack.', 'Unverified: nothing on record confirms the claim or rules it out.']);
  });

  it('unverified when official sources disagree on a claim made before the outage was public', () => {
    const a = assessClaim(claim({ claimedAt: '2024-02-22T08:46:00.000Z' }), INCIDENT, [CISA, FBI_CONFIRMS]);
    expect(a.verdict).toBe('unverified');
    expect(a.reasons.at(-1)).toBe('Official statements disagree. Unverified: nothing on record confirms the claim or rules it out.');
  });

  it('hears experts and media but lets only the carrier and agencies decide', () => {
    const expert = statement({ source: 'expert', speaker: 'A researcher', asserts: { cause: 'cyberattack' } });
    const a = assessClaim(claim({ claimedAt: '2024-02-22T08:46:00.000Z' }), INCIDENT, [expert]);
    expect(a.verdict).toBe('unverified');
    expect(a.reasons).toContain('A researcher (expert) spoke of an attack (2024-02-22 21:00 UTC); not an official source, so it does not decide the verdict.');
  });

  it('a sabotage claim does not fit a network-wide loss; a DDoS claim fits a gradual county outage', () => {
    expect(assessClaim(claim({ claimedAt: '2024-02-22T08:46:00.000Z', claimedMethod: 'sabotage' }), INCIDENT, []).verdict).toBe('doubtful');
    const gradual: IncidentFacts = { ...INCIDENT, scope: { level: 'county', regions: ['17097'] }, detectedAt: '2024-02-22T09:30:00.000Z', openingRatio: 3 };
    expect(assessClaim(claim({ claimedAt: '2024-02-22T08:46:00.000Z', claimedMethod: 'ddos' }), gradual, []).verdict).toBe('unverified');
  });

  it('follows the statements: the same claim changes verdict as they arrive', () => {
    const c = claim({ claimedAt: '2024-02-22T08:46:00.000Z' });
    expect(assessClaim(c, INCIDENT, []).verdict).toBe('unverified');
    expect(assessClaim(c, INCIDENT, [CISA]).verdict).toBe('contradicted');
    expect(assessClaim(c, INCIDENT, [FBI_CONFIRMS]).verdict).toBe('corroborated');
  });
});
