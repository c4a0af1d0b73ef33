// Where reports come from, as an SVG map drawn on the server: only counties at or above the
// threshold are drawn, shaded in five steps; every other county stays unshaded (it is not drawn
// at all, which also keeps the page light). The nation and the state lines are cached images.
import type { PlaceCount } from '../../status/index.js';
import type { Messages } from '../i18n/index.js';
import { atlasShapes, MAP_HEIGHT, MAP_WIDTH, mapLayers, placeName } from './atlas.js';

const STEPS = 5;

/** Step limits on a log scale from the threshold to the largest count. */
function limits(minCount: number, max: number): number[] {
  const lo = Math.log(minCount);
  const hi = Math.log(Math.max(max, minCount * 2));
  return Array.from({ length: STEPS }, (_, k) => Math.round(Math.exp(lo + ((hi - lo) * (k + 1)) / STEPS)));
}

export function CountyMap({ counties, m, title, minCount }: { counties: PlaceCount[]; m: Messages; title: string; minCount: number }) {
  const shapes = atlasShapes();
  const layers = mapLayers();
  const max = counties[0]?.count ?? 0;
  const steps = limits(minCount, max);
  const stepOf = (n: number) => Math.max(0, steps.findIndex((l) => n <= l));
  return (
    <figure class="od-figure">
      <svg class="od-map" viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="img" aria-labelledby="map-title">
        <title id="map-title">{title}</title>
        <image href={layers.base.url} x="0" y="0" width={MAP_WIDTH} height={MAP_HEIGHT} />
        {counties.map((c) => {
          const shape = shapes.county.get(c.county);
          return shape ? (
            <path key={c.county} class={`od-map__county od-map__county--${stepOf(c.count)}`} d={shape.d}>
              <title>{`${placeName(c.county)}: ${m.status.reportsCount(c.count)}`}</title>
            </path>
          ) : null;
        })}
        <image href={layers.borders.url} x="0" y="0" width={MAP_WIDTH} height={MAP_HEIGHT} />
      </svg>
      <figcaption>
        <ul class="od-map__legend">
          {steps.map((l, k) => (
            <li key={l}>
              <span class={`od-key od-map__county--${k}`} aria-hidden="true" /> {k === 0 ? `${minCount}–${l}` : `${steps[k - 1]! + 1}–${l}`}
            </li>
          ))}
        </ul>
        {m.status.mapNote(minCount)}
      </figcaption>
    </figure>
  );
}
