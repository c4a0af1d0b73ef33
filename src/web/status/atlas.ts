// The U.S. atlas for server-drawn maps: us-atlas counties, pre-projected to Albers USA at
// 975 x 610, so d3-geo draws it with the identity projection. Paths are computed once, with
// coordinates rounded to a tenth of a pixel to keep the page light.
import { createRequire } from 'node:module';
import { geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export const MAP_WIDTH = 975;
export const MAP_HEIGHT = 610;

type Atlas = Topology<{ counties: GeometryCollection<{ name: string }>; states: GeometryCollection<{ name: string }>; nation: GeometryCollection }>;

export interface AtlasShapes {
  county: Map<string, { name: string; d: string }>;
  stateName: Map<string, string>;
  stateBorders: string;
  nation: string;
}

let shapes: AtlasShapes | undefined;

export function atlasShapes(): AtlasShapes {
  if (shapes) return shapes;
  const atlas = createRequire(import.meta.url)('us-atlas/counties-albers-10m.json') as Atlas;
  const path = geoPath().digits(0);
  const county = new Map(feature(atlas, atlas.objects.counties).features.map((f) => [String(f.id), { name: f.properties?.name ?? '', d: path(f) ?? '' }]));
  const stateName = new Map(atlas.objects.states.geometries.map((g) => [String(g.id), (g.properties as { name?: string } | undefined)?.name ?? String(g.id)]));
  shapes = {
    county,
    stateName,
    stateBorders: path(mesh(atlas, atlas.objects.states, (a, b) => a !== b)) ?? '',
    nation: path(mesh(atlas, atlas.objects.nation)) ?? '',
  };
  return shapes;
}

/** "Fulton County, Georgia"-like names from the atlas: "Fulton, GA" style via the state's name. */
export function placeName(countyFips: string): string {
  const s = atlasShapes();
  const county = s.county.get(countyFips)?.name;
  const state = s.stateName.get(countyFips.slice(0, 2));
  return county && state ? `${county}, ${state}` : countyFips;
}

export const stateNameOf = (stateFips: string): string => atlasShapes().stateName.get(stateFips) ?? stateFips;
