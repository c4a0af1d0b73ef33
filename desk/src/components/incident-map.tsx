// Loads the map code (d3-geo, topojson-client) and the atlas only when an incident page is
// opened, in parallel with the counts, so the list pages never pay for them.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { loadAtlas, type Atlas } from '../places.js';
import type { CountyCount, Scope } from '../types.js';
import { ErrorAlert } from './problem.js';

interface MapProps {
  atlas: Atlas;
  counts: CountyCount[];
  scope: Scope;
  label: string;
}

export function IncidentMap({ counts, scope, label }: { counts: CountyCount[] | undefined; scope: Scope; label: string }) {
  const [parts, setParts] = useState<{ View: ComponentType<MapProps>; atlas: Atlas }>();
  const [error, setError] = useState<Error>();
  useEffect(() => {
    Promise.all([import('./map-view.js'), loadAtlas()]).then(
      ([m, atlas]) => setParts({ View: m.default, atlas }),
      (e: unknown) => setError(e instanceof Error ? e : new Error(String(e))),
    );
  }, []);
  if (error) return <ErrorAlert error={error} heading="The map did not load" />;
  if (!parts || !counts) return <p class="od-muted od-map__loading">Drawing the map…</p>;
  return <parts.View atlas={parts.atlas} counts={counts} scope={scope} label={label} />;
}
