// Public shapes of the detection engine. Incident field names are an external contract
// (API, dossier, status page): change them only with the people who consume them.

export type Service = 'voice' | 'sms' | 'data' | '911';
export const SERVICES: readonly Service[] = ['voice', 'sms', 'data', '911'];

/** One report as detection needs it: already resolved to network, county and state. */
export interface DetectionReport {
  id: string;
  receivedAt: number; // epoch ms
  network: string;
  carrier: string;
  county: string; // 5-digit FIPS
  state: string; // 2-digit FIPS
  services: Service[];
  calledNetwork: string | null;
  fingerprint: string;
  startedAt: number;
}

export type ScopeLevel = 'county' | 'state' | 'nation';

export interface Scope {
  level: ScopeLevel;
  /** county: 5-digit FIPS; state: 2-digit FIPS; nation: ['US']. Sorted. */
  regions: string[];
}

/**
 * Share (0..1) of the incident's counted reporters who said the service was affected.
 * Shares do not sum to 1: one report may name several services.
 */
export type ServiceMix = Record<Service, number>;

export type IncidentStatus = 'suspected' | 'confirmed' | 'resolved';
export type IncidentKind = 'primary' | 'collateral';

/** What made the engine open the incident: the window that crossed the threshold. */
export interface OpeningEvidence {
  level: ScopeLevel;
  region: string; // the region whose counts crossed first
  windowMinutes: number;
  observed: number; // distinct reporters in the window
  expected: number; // baseline for the window, before the safety margin
  tested: number; // expected x margin (news surge, holiday context) actually tested against
  llr: number; // Poisson log-likelihood ratio of observed vs tested
  ratio: number; // observed / expected
  duplicateShare: number; // share of raw reports dropped as repeats from one fingerprint
  elevatedMinutes: number; // minutes in the window above the margin: "lasting"
  /** Opened from calls (call-watch.ts): the counts are of reporters naming this network. */
  calledNetwork?: string;
}

export interface CollateralEvidence {
  primaryIncidentId: string;
  primaryNetwork: string;
  rule: 'called-network' | 'tracks-primary';
  /**
   * Share of this network's excess reporters who were calling the primary's network, in the
   * window the rule judged when it classified the incident (corrected for the usual share).
   */
  calledShare: number;
  /**
   * Over the incident's whole life so far: share of this network's counted reporters in the
   * scope since onset who named the primary's network as the one they were calling. Absent on
   * incidents stored before it existed.
   */
  lifeCalledShare?: number;
  lagMinutes: number; // this onset minus the primary's onset
  correlation: number; // Pearson r of per-minute counts over the common stretch
  excessRatio: number; // this excess / primary excess over the same window
}

/**
 * Why the incident has its scope. `nation`: the excess is everywhere; `confined-states`: the
 * nation's count stood out but its excess sat in fewer than 25 states, so those states;
 * `states`: significant states; `counties`: at most 3 counties hold their state's excess;
 * `trigger`: only the region whose count crossed; `primary`: opened from calls to a failed
 * network, at that network's scope.
 */
export type ScopeBasis = 'nation' | 'confined-states' | 'states' | 'counties' | 'trigger' | 'primary';

export interface ScopeEvidence {
  level: ScopeLevel;
  regions: number; // how many regions of that level
  basis: ScopeBasis;
  since: string; // ISO: when the incident took this scope
}

export interface IncidentEvidence {
  /** The window that opened it, kept as it was at that moment. */
  opening: OpeningEvidence;
  collateral: CollateralEvidence | null;
  /** The scope it opened at, and why (kept). Absent on incidents stored before it existed. */
  openingScope?: ScopeEvidence;
  /** Its current scope, and why (updated when it grows). Absent on incidents stored before it existed. */
  scope?: ScopeEvidence;
}

export interface Incident {
  id: string;
  network: string;
  status: IncidentStatus;
  kind: IncidentKind;
  primaryIncidentId: string | null;
  scope: Scope;
  services: ServiceMix;
  onsetAt: string;
  detectedAt: string;
  resolvedAt: string | null;
  reportCount: number;
  peak: { at: string; count: number }; // count: reports per 15 min; at: window start
  evidence: IncidentEvidence;
}

export interface IncidentChange {
  type: 'opened' | 'updated' | 'resolved';
  incident: Incident;
}

/** One 15-minute bucket of the incident's network and scope, for the dossier chart. */
export interface SeriesPoint {
  at: string; // bucket start, ISO UTC
  observed: number;
  expected: number;
}
