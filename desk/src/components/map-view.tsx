// The incident's county map (loaded lazily with the atlas): counties shaded by its reports,
// state borders, its scope outlined. Clicking a county (or choosing a state) zooms to that
// state, whose counties can then be reached with Tab; hover or focus names a county and its count.
import { useMemo, useState } from 'preact/hooks';
import { count } from '../format.js';
import { stateAbbr, stateName } from '../names.js';
import type { Atlas } from '../places.js';
import type { CountyCount, Scope } from '../types.js';
import { binLabel, binsFor, colourOf, NO_REPORTS } from './map-scale.js';
import { HEIGHT, shapesOf, WIDTH, zoomBox } from './map-shapes.js';

interface Props {
  atlas: Atlas;
  counts: CountyCount[];
  scope: Scope;
  label: string;
}

export default function MapView({ atlas, counts, scope, label }: Props) {
  const shapes = shapesOf(atlas);
  const [zoom, setZoom] = useState<string>();
  const [hover, setHover] = useState<string>();
  const byCounty = useMemo(() => new Map(counts.map((c) => [c.county, c.count])), [counts]);
  const bins = useMemo(() => binsFor(counts.reduce((m, c) => Math.max(m, c.count), 0)), [counts]);
  const inScope = useMemo(() => new Set(scope.regions), [scope]);
  const zoomed = zoom ? shapes.states.find((s) => s.fips === zoom) : undefined;

  // Built once per data and zoom, not per hover: 3,000+ paths.
  const countyLayer = useMemo(
    () => (
      <g class="od-map__counties">
        {shapes.counties.map((c) => {
          const n = byCounty.get(c.fips);
          const focusable = zoom === c.fips.slice(0, 2);
          return (
            <path
              key={c.fips}
              d={c.d}
              fill={colourOf(n, bins)}
              data-fips={c.fips}
              {...(focusable ? { tabIndex: 0, role: 'img', 'aria-label': `${c.name}, ${stateAbbr(c.fips)}: ${n ? count(n) : 'no'} reports` } : {})}
            />
          );
        })}
      </g>
    ),
    [byCounty, bins, zoom],
  );
  const scopeLayer = useMemo(() => {
    if (scope.level === 'nation') return <path class="od-map__scope" d={shapes.nation} />;
    const list = scope.level === 'state' ? shapes.states : shapes.counties;
    return (
      <g class="od-map__scope">
        {list.filter((s) => inScope.has(s.fips)).map((s) => <path key={s.fips} d={s.d} />)}
      </g>
    );
  }, [scope]);

  const fipsAt = (e: Event) => (e.target instanceof SVGPathElement ? e.target.dataset.fips : undefined);
  const hovered = hover ? shapes.counties.find((c) => c.fips === hover) : undefined;
  const top = counts.filter((c) => !zoom || c.county.startsWith(zoom)).slice(0, 10);
  const names = useMemo(() => new Map(shapes.counties.map((c) => [c.fips, `${c.name}, ${stateAbbr(c.fips)}`])), []);

  return (
    <div class="od-map">
      <div class="od-map__bar">
        <label class="usa-label" for="map-state">
          Zoom to a state
        </label>
        <select class="usa-select" id="map-state" value={zoom ?? ''} onChange={(e) => setZoom(e.currentTarget.value || undefined)}>
          <option value="">The whole country</option>
          {[...shapes.states].sort((a, b) => a.name.localeCompare(b.name)).map((s) => (
            <option key={s.fips} value={s.fips}>
              {s.name}
            </option>
          ))}
        </select>
        <button type="button" class="usa-button usa-button--outline" disabled={!zoom} onClick={() => setZoom(undefined)}>
          Show the whole country
        </button>
      </div>
      <p class="od-map__info" aria-hidden="true">
        {hovered ? (
          <>
            <strong>{hovered.name}, {stateAbbr(hovered.fips)}</strong>: {byCounty.get(hovered.fips) ? `${count(byCounty.get(hovered.fips)!)} reports` : 'no reports'}
          </>
        ) : (
          <span class="od-muted">{zoomed ? `${zoomed.name}: point at a county, or Tab through them.` : 'Point at a county for its count; click to zoom to its state.'}</span>
        )}
      </p>
      <svg
        class="od-map__svg"
        viewBox={zoomed ? zoomBox(zoomed.box) : `0 0 ${WIDTH} ${HEIGHT}`}
        role="group"
        aria-label={zoomed ? `${label}, zoomed to ${zoomed.name}` : label}
        onMouseOver={(e) => setHover(fipsAt(e))}
        onMouseLeave={() => setHover(undefined)}
        onFocusIn={(e) => setHover(fipsAt(e))}
        onClick={(e) => {
          const fips = fipsAt(e);
          if (fips && fips.slice(0, 2) !== zoom) setZoom(fips.slice(0, 2));
        }}
      >
        {countyLayer}
        <path class="od-map__borders" d={shapes.stateBorders} />
        {scopeLayer}
      </svg>
      <Legend bins={bins} />
      <details class="od-map__table">
        <summary>{zoomed ? `Counties of ${zoomed.name} with the most reports` : 'Counties with the most reports'}</summary>
        {top.length ? (
          <table class="usa-table usa-table--compact">
            <thead>
              <tr>
                <th scope="col">County</th>
                <th scope="col">Reports</th>
              </tr>
            </thead>
            <tbody>
              {top.map((c) => (
                <tr key={c.county}>
                  <th scope="row">{names.get(c.county) ?? `${c.county} (${stateName(c.county)})`}</th>
                  <td>{count(c.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>No reports with a known county.</p>
        )}
      </details>
    </div>
  );
}

function Legend({ bins }: { bins: ReturnType<typeof binsFor> }) {
  return (
    <ul class="od-legend" aria-label="Reports per county">
      <li>
        <span class="od-legend__swatch" style={{ background: NO_REPORTS }} />
        No reports
      </li>
      {bins.map((b) => (
        <li key={b.from}>
          <span class="od-legend__swatch" style={{ background: b.colour }} />
          {binLabel(b)}
        </li>
      ))}
      <li>
        <span class="od-legend__swatch od-legend__swatch--scope" />
        Incident's scope
      </li>
    </ul>
  );
}
