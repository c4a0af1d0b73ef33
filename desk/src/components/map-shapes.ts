// Path strings for every county and state of the atlas, computed once: the atlas is already
// projected (Albers USA, 975 x 610), so d3-geo draws it with the identity projection.
import { geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { Atlas } from '../places.js';

export const WIDTH = 975;
export const HEIGHT = 610;

export interface Shape {
  fips: string;
  name: string;
  d: string;
}

export interface StateShape extends Shape {
  /** [x, y, width, height] to zoom to. */
  box: [number, number, number, number];
}

export interface Shapes {
  counties: Shape[];
  states: StateShape[];
  stateBorders: string;
  nation: string;
}

let shapes: Shapes | undefined;

export function shapesOf(atlas: Atlas): Shapes {
  if (shapes) return shapes;
  const path = geoPath();
  const counties = feature(atlas, atlas.objects.counties).features.map((f) => ({ fips: String(f.id), name: f.properties?.name ?? '', d: path(f) ?? '' }));
  const states = feature(atlas, atlas.objects.states).features.map((f): StateShape => {
    const [[x0, y0], [x1, y1]] = path.bounds(f);
    return { fips: String(f.id), name: f.properties?.name ?? '', d: path(f) ?? '', box: [x0, y0, x1 - x0, y1 - y0] };
  });
  shapes = {
    counties,
    states,
    stateBorders: path(mesh(atlas, atlas.objects.states, (a, b) => a !== b)) ?? '',
    nation: path(mesh(atlas, atlas.objects.nation)) ?? '',
  };
  return shapes;
}

/** A box around `box` with a margin, no narrower than the map's aspect allows. */
export function zoomBox([x, y, w, h]: [number, number, number, number]): string {
  const pad = 0.08;
  const W = Math.max(w * (1 + 2 * pad), (h * (1 + 2 * pad) * WIDTH) / HEIGHT);
  const H = (W * HEIGHT) / WIDTH;
  return `${x + w / 2 - W / 2} ${y + h / 2 - H / 2} ${W} ${H}`;
}
