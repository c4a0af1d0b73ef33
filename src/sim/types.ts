// Shapes shared by the simulator: a report in the import format, and the ground truth a
// run writes beside it so detection can be scored against what really happened.

export type Service = 'voice' | 'sms' | 'data' | '911';
export const SERVICES: readonly Service[] = ['voice', 'sms', 'data', '911'];

/**
 * One line of the import file (`outage-desk import`). Times are ISO-8601 UTC. The
 * generator shares `services` arrays between reports: copy one before changing it.
 */
export interface SimReport {
  carrier: string;
  services: Service[];
  sosMode: boolean;
  zip: string;
  startedAt: string;
  endedAt: string | null;
  calledCarrier: string | null;
  description: string;
  consentToContact: boolean;
  receivedAt: string;
  fingerprint: string;
}

export type ScopeLevel = 'county' | 'state' | 'nation';

/** Where an outage is: county 5-digit FIPS, state 2-digit FIPS, or ["US"]. */
export interface Scope {
  level: ScopeLevel;
  regions: string[];
}

export type Shape = 'abrupt' | 'ramp' | 'partial-recovery' | 'att-2024-02-22';

/** A point of an outage's report curve: minutes after onset, reports per 15 minutes. */
export type CurvePoint = [minutesAfterOnset: number, per15min: number];

export interface TruthOutage {
  id: string;
  network: string;
  kind: 'primary' | 'collateral';
  primaryId?: string;
  scope: Scope;
  services: Service[];
  onsetAt: string;
  /** When service was restored; reports trail on a little after it (the curve's tail). */
  endAt: string;
  shape: Shape;
  peakPer15min: number;
  expectedReports: number;
  /** The excess report rate over background, piecewise linear; drives the generator. */
  curve: CurvePoint[];
  /** Collateral: share of its reporters naming the primary's brand as the one they called (default 0.8). */
  calledShare?: number;
  /** Brand mix of the reporters (e.g. att vs cricket); default: the market shares. */
  brandShares?: Record<string, number>;
}

export type QuietKind = 'spam' | 'news' | 'dst' | 'holiday';

/** A stretch that looks unusual but must NOT raise an incident. */
export interface QuietStretch {
  kind: QuietKind;
  start: string;
  end: string;
  note: string;
  /** spam: the brand, ZIP, number of reports and of distinct fingerprints sending them. */
  carrier?: string;
  zip?: string;
  reports?: number;
  fingerprints?: number;
  /** news: multiplier on every network's background (1.3 = +30 %). */
  factor?: number;
}

export interface Truth {
  scenario: string;
  seed: number;
  start: string;
  end: string;
  /** Background scale: reports per 15 min from all networks at a weekday peak hour. */
  backgroundPeakPer15min: number;
  outages: TruthOutage[];
  quiet: QuietStretch[];
}

export interface SimulateOptions {
  days?: number;
  seed?: number;
  scenario?: string;
  start?: Date;
  /** Override the background scale (see DEFAULT_BACKGROUND_PEAK_PER_15MIN). */
  backgroundPeakPer15min?: number;
}
