// The incident's county map as vector paths in the PDF: the packaged us-atlas counties, already
// projected (Albers USA, 975 × 610), drawn through d3-geo's path generator and scaled to fit.
import { createRequire } from 'node:module';
import { geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);
const WIDTH = 975;
const HEIGHT = 610;

interface Shapes {
  counties: Array<{ fips: string; d: string }>;
  states: string;
}

let shapes: Shapes | undefined;

function load(): Shapes {
  if (shapes) return shapes;
  const atlas = require('us-atlas/counties-albers-10m.json') as Topology<{ counties: GeometryCollection; states: GeometryCollection }>;
  const path = geoPath();
  shapes = {
    counties: feature(atlas, atlas.objects.counties).features.map((f) => ({ fips: String(f.id), d: path(f) ?? '' })),
    states: path(mesh(atlas, atlas.objects.states, (a, b) => a !== b)) ?? '',
  };
  return shapes;
}

/** Five shades of one hue, light to dark, for reports per county on a log scale. */
const SHADES = ['#f2f2f2', '#fde0c5', '#f9a66c', '#e6612f', '#a6290d'];

export function shadeOf(count: number, max: number): string {
  if (count <= 0 || max <= 0) return SHADES[0]!;
  const step = Math.ceil((Math.log1p(count) / Math.log1p(max)) * (SHADES.length - 1));
  return SHADES[Math.max(1, Math.min(SHADES.length - 1, step))]!;
}

export function drawCountyMap(doc: PDFKit.PDFDocument, counts: ReadonlyMap<string, number>, x: number, y: number, width: number): number {
  const s = load();
  const scale = width / WIDTH;
  const max = Math.max(0, ...counts.values());
  doc.save().translate(x, y).scale(scale);
  // One fill per shade keeps the file small: every county of a shade in one path operation.
  const byShade = new Map<string, string[]>();
  for (const c of s.counties) {
    const shade = shadeOf(counts.get(c.fips) ?? 0, max);
    byShade.set(shade, [...(byShade.get(shade) ?? []), c.d]);
  }
  for (const [shade, ds] of byShade) doc.path(ds.join('')).fill(shade);
  doc.path(s.states).lineWidth(0.6).strokeColor('#555555').stroke();
  doc.restore();
  return HEIGHT * scale;
}
