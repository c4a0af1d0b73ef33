// One EventSource per tab on /api/v1/events; pages subscribe to the events they care about.
// EventSource reconnects by itself after a dropped connection (the server sends `retry:`).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { IncidentSummary, ReportVolume } from './types.js';

export type LiveState = 'connecting' | 'live' | 'offline';

interface LiveEvents {
  incident: IncidentSummary;
  reports: ReportVolume;
}
type Kind = keyof LiveEvents;

const listeners: { [K in Kind]: Set<(data: LiveEvents[K]) => void> } = { incident: new Set(), reports: new Set() };
const stateListeners = new Set<(s: LiveState) => void>();
let state: LiveState = 'connecting';
let source: EventSource | undefined;

function setState(s: LiveState): void {
  state = s;
  for (const l of stateListeners) l(s);
}

function dispatch<K extends Kind>(kind: K, e: MessageEvent<string>): void {
  const data = JSON.parse(e.data) as LiveEvents[K];
  for (const l of listeners[kind]) l(data);
}

export function startLive(): void {
  if (source) return;
  source = new EventSource('/api/v1/events');
  source.addEventListener('open', () => setState('live'));
  // CONNECTING after an error means the browser retries; CLOSED means it gave up (e.g. 401).
  source.addEventListener('error', () => setState(source?.readyState === EventSource.CLOSED ? 'offline' : 'connecting'));
  source.addEventListener('incident', (e) => dispatch('incident', e));
  source.addEventListener('reports', (e) => dispatch('reports', e));
}

export function stopLive(): void {
  source?.close();
  source = undefined;
  setState('offline');
}

/** Calls `handler` for every event of `kind` while the component is mounted (the latest handler). */
export function useLiveEvent<K extends Kind>(kind: K, handler: (data: LiveEvents[K]) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const l = (d: LiveEvents[K]) => latest.current(d);
    const set = listeners[kind] as Set<typeof l>;
    set.add(l);
    return () => void set.delete(l);
  }, [kind]);
}

export function useLiveState(): LiveState {
  const [s, setS] = useState(state);
  useEffect(() => {
    stateListeners.add(setS);
    setS(state);
    return () => void stateListeners.delete(setS);
  }, []);
  return s;
}
