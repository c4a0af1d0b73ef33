// The time zone of a place, offline: by state, with the states that straddle a zone line split
// by longitude (and latitude where the line bends). Approximate within a few miles of a zone
// line; the form and the status page label every time with the zone they used.
import type { ZipPlace } from './regions.js';

const BY_STATE: Record<string, string> = {
  AL: 'America/Chicago', AK: 'America/Anchorage', AZ: 'America/Phoenix', AR: 'America/Chicago', CA: 'America/Los_Angeles',
  CO: 'America/Denver', CT: 'America/New_York', DE: 'America/New_York', DC: 'America/New_York', FL: 'America/New_York',
  GA: 'America/New_York', HI: 'Pacific/Honolulu', ID: 'America/Boise', IL: 'America/Chicago', IN: 'America/Indiana/Indianapolis',
  IA: 'America/Chicago', KS: 'America/Chicago', KY: 'America/New_York', LA: 'America/Chicago', ME: 'America/New_York',
  MD: 'America/New_York', MA: 'America/New_York', MI: 'America/Detroit', MN: 'America/Chicago', MS: 'America/Chicago',
  MO: 'America/Chicago', MT: 'America/Denver', NE: 'America/Chicago', NV: 'America/Los_Angeles', NH: 'America/New_York',
  NJ: 'America/New_York', NM: 'America/Denver', NY: 'America/New_York', NC: 'America/New_York', ND: 'America/Chicago',
  OH: 'America/New_York', OK: 'America/Chicago', OR: 'America/Los_Angeles', PA: 'America/New_York', RI: 'America/New_York',
  SC: 'America/New_York', SD: 'America/Chicago', TN: 'America/Chicago', TX: 'America/Chicago', UT: 'America/Denver',
  VT: 'America/New_York', VA: 'America/New_York', WA: 'America/Los_Angeles', WV: 'America/New_York', WI: 'America/Chicago',
  WY: 'America/Denver', PR: 'America/Puerto_Rico', VI: 'America/St_Thomas', GU: 'Pacific/Guam', AS: 'Pacific/Pago_Pago', MP: 'Pacific/Saipan',
};

/** Parts of states on the other side of a zone line from the rest. */
const SPLITS: Record<string, (lat: number, lon: number) => string | undefined> = {
  FL: (_lat, lon) => (lon < -85.0 ? 'America/Chicago' : undefined),
  TN: (_lat, lon) => (lon > -85.2 ? 'America/New_York' : undefined),
  KY: (_lat, lon) => (lon < -86.0 ? 'America/Chicago' : undefined),
  IN: (lat, lon) => (lon < -86.8 && (lat > 41.0 || lat < 38.5) ? 'America/Chicago' : undefined),
  MI: (lat, lon) => (lat > 45.5 && lon < -87.6 ? 'America/Menominee' : undefined),
  ND: (lat, lon) => (lat < 47.0 && lon < -101.0 ? 'America/Denver' : undefined),
  SD: (_lat, lon) => (lon < -100.5 ? 'America/Denver' : undefined),
  NE: (_lat, lon) => (lon < -101.0 ? 'America/Denver' : undefined),
  KS: (_lat, lon) => (lon < -101.3 ? 'America/Denver' : undefined),
  TX: (_lat, lon) => (lon < -104.9 ? 'America/Denver' : undefined),
  ID: (lat) => (lat > 45.5 ? 'America/Los_Angeles' : undefined),
  OR: (lat, lon) => (lon > -117.8 && lat < 44.5 ? 'America/Boise' : undefined),
  AK: (_lat, lon) => (lon < -169.0 ? 'America/Adak' : undefined),
};

export function timeZoneOf(place: Pick<ZipPlace, 'stateAbbr' | 'lat' | 'lon'>): string {
  return SPLITS[place.stateAbbr]?.(place.lat, place.lon) ?? BY_STATE[place.stateAbbr] ?? 'America/New_York';
}
