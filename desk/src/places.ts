// The U.S. atlas (us-atlas counties, pre-projected to Albers USA at 975 x 610) is a file of its
// own with a hashed name, fetched once when a page needs shapes or county names, so the main
// bundle stays small and the browser caches the 800 kB for a year.
import atlasUrl from 'us-atlas/counties-albers-10m.json?url';
import { useEffect, useState } from 'preact/hooks';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { stateAbbr, stateName } from './names.js';
import type { Scope } from './types.js';

export type Atlas = Topology<{
  counties: GeometryCollection<{ name: string }>;
  states: GeometryCollection<{ name: string }>;
  nation: GeometryCollection;
}>;

let atlas: Promise<Atlas> | undefined;

export function loadAtlas(): Promise<Atlas> {
  atlas ??= fetch(atlasUrl).then((r) => {
    if (!r.ok) throw new Error(`The map shapes did not load (${r.status}).`);
    return r.json() as Promise<Atlas>;
  });
  atlas.catch(() => (atlas = undefined));
  return atlas;
}

let names: Map<string, string> | undefined;

/** County FIPS -> "Fulton County, GA". */
export async function countyNames(): Promise<Map<string, string>> {
  if (names) return names;
  const a = await loadAtlas();
  names = new Map(a.objects.counties.geometries.map((g) => [String(g.id), `${(g.properties as { name?: string } | undefined)?.name ?? 'County'}, ${stateAbbr(String(g.id))}`]));
  return names;
}

/** County names, once loaded, when `wanted`; pages render without them first. */
export function useCountyNames(wanted: boolean): Map<string, string> | undefined {
  const [value, setValue] = useState(names);
  useEffect(() => {
    if (wanted && !value) countyNames().then(setValue, () => {});
  }, [wanted]);
  return value;
}

const FEW = 3;

/** "nationwide", "Georgia", "3 states: GA, AL, FL", "Fulton County, GA", "12 counties in GA, AL". */
export function scopeWords(scope: Scope, counties?: Map<string, string>): string {
  const r = scope.regions;
  if (scope.level === 'nation') return 'nationwide';
  if (scope.level === 'state') return r.length === 1 ? stateName(r[0]!) : `${r.length} states: ${r.map(stateAbbr).join(', ')}`;
  if (r.length <= FEW && counties) return r.map((c) => counties.get(c) ?? `county ${c}`).join('; ');
  const states = [...new Set(r.map(stateAbbr))];
  return `${r.length} ${r.length === 1 ? 'county' : 'counties'} in ${states.join(', ')}`;
}
