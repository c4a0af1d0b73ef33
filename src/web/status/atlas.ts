// The U.S. atlas for server-drawn maps: us-atlas counties, pre-projected to Albers USA at
// 975 x 610, so d3-geo draws it with the identity projection. Paths are computed once, with
// coordinates rounded to a tenth of a pixel to keep the page light.
import { createHash } from 'node:crypto';
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

export interface MapLayer {
  /** Its URL with a content hash: cached by browsers for good. */
  url: string;
  svg: string;
}

let layers: { base: MapLayer; borders: MapLayer } | undefined;

/**
 * The map's unchanging layers as SVG files of their own (the nation under the counties, state
 * lines over them): a browser fetches them once, so a page carries only its shaded counties.
 */
export function mapLayers(): { base: MapLayer; borders: MapLayer } {
  if (layers) return layers;
  const s = atlasShapes();
  const file = (name: string, cls: string, d: string, style: string): MapLayer => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" width="${MAP_WIDTH}" height="${MAP_HEIGHT}"><path class="${cls}" style="${style}" d="${d}"/></svg>`;
    return { url: `/status/map/${name}.svg?v=${createHash('sha256').update(svg).digest('base64url').slice(0, 10)}`, svg };
  };
  layers = {
    base: file('base', 'nation', s.nation, 'fill:#f0f0f0;stroke:#71767a;stroke-width:1'),
    borders: file('borders', 'states', s.stateBorders, 'fill:none;stroke:#71767a;stroke-width:0.7'),
  };
  return layers;
}

/** "Fulton County, Georgia"-like names from the atlas: "Fulton, GA" style via the state's name. */
export function placeName(countyFips: string): string {
  const s = atlasShapes();
  const county = s.county.get(countyFips)?.name;
  const state = s.stateName.get(countyFips.slice(0, 2));
  return county && state ? `${county}, ${state}` : countyFips;
}

export const stateNameOf = (stateFips: string): string => atlasShapes().stateName.get(stateFips) ?? stateFips;
