// A U.S. map drawn on the server from the packaged us-atlas shapes (already projected to
// Albers USA, 975 x 610), so it needs no tile server, no network and no script: states in
// grey, an incident's place in red. The TopoJSON is decoded here (quantized, delta-encoded
// arcs) rather than pulling in a geo library for one map.
import { createRequire } from 'node:module';
import type { Scope } from '../detect/index.js';
import { html, type Html } from './html.js';

interface Geometry {
  type: 'Polygon' | 'MultiPolygon';
  id: string;
  arcs: number[][] | number[][][];
}

interface Topology {
  transform: { scale: [number, number]; translate: [number, number] };
  arcs: Array<Array<[number, number]>>;
  objects: Record<'counties' | 'states' | 'nation', { geometries: Geometry[] }>;
}

interface Shapes {
  states: Map<string, string>;
  counties: Map<string, string>;
}

let shapes: Shapes | undefined;

/** Absolute, rounded coordinates of every arc (quantized deltas in the file). */
function decodeArcs(topo: Topology): Array<Array<[number, number]>> {
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  return topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [Math.round((x * sx + tx) * 10) / 10, Math.round((y * sy + ty) * 10) / 10];
    });
  });
}

/** An SVG path for a geometry: each ring joins its arcs (a negative index is an arc reversed). */
function pathOf(g: Geometry, arcs: Array<Array<[number, number]>>): string {
  const polygons = (g.type === 'Polygon' ? [g.arcs] : g.arcs) as number[][][];
  let d = '';
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const points: Array<[number, number]> = [];
      for (const i of ring) {
        const arc = i >= 0 ? arcs[i]! : [...arcs[~i]!].reverse();
        points.push(...(points.length > 0 ? arc.slice(1) : arc));
      }
      d += `M${points.map(([x, y]) => `${x},${y}`).join('L')}Z`;
    }
  }
  return d;
}

function load(): Shapes {
  if (shapes) return shapes;
  const topo = createRequire(import.meta.url)('us-atlas/counties-albers-10m.json') as Topology;
  const arcs = decodeArcs(topo);
  const paths = (object: 'states' | 'counties') => new Map(topo.objects[object].geometries.filter((g) => g.arcs).map((g) => [g.id, pathOf(g, arcs)]));
  shapes = { states: paths('states'), counties: paths('counties') };
  return shapes;
}

/** The map of an incident's place: every state drawn, the place filled. */
export function incidentMap(scope: Scope, label: string): Html {
  const { states, counties } = load();
  const lit = (level: Scope['level'], fips: string) => scope.level === 'nation' || (scope.level === level && scope.regions.includes(fips));
  const stateShapes = [...states].map(([fips, d]) => html`<path d="${d}" data-fips="${fips}" fill="${lit('state', fips) ? '#e52207' : '#dfe1e2'}" stroke="#fff" stroke-width="0.8"/>`);
  const countyShapes = scope.level === 'county'
    ? scope.regions.filter((c) => counties.has(c)).map((c) => html`<path d="${counties.get(c)!}" data-fips="${c}" fill="#e52207" stroke="#1b1b1b" stroke-width="0.6"/>`)
    : [];
  return html`<svg class="od-map" viewBox="0 0 975 610" role="img" aria-label="${label}">
${stateShapes}
${countyShapes}
</svg>`;
}
