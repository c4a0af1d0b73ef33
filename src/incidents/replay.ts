// Replay: every stored report, in receipt order, through a fresh engine — the same engine the
// server runs live. Used by `import` and `replay`; its incidents replace the stored ones.
import { DetectionEngine, type EngineOptions } from '../detect/index.js';
import type { Store } from '../store/index.js';
import { cursorOf, nextReports, type FeedCursor } from './feed.js';
import { replaceIncidents, type StoredIncident } from './queries.js';

export interface ReplayResult {
  reports: number;
  incidents: StoredIncident[];
  /** Seconds spent in the engine alone (storage excluded). */
  engineSeconds: number;
  totalSeconds: number;
}

const PAGE = 20_000;

function snapshotIncidents(engine: DetectionEngine): StoredIncident[] {
  return engine.incidents().map((i) => ({ ...i, series: engine.series(i.id) }));
}

export interface ReplayOptions {
  engine?: EngineOptions;
  onProgress?: (done: number) => void;
  since?: Date;
  /**
   * The instant the replay ends at: time runs on to it after the last report, as a live leader's
   * clock does, so an incident whose reports stopped can resolve. Without it the replay ends at
   * the last report (quiet after the data ends is no evidence that service came back).
   */
  until?: Date;
}

export async function replayStore(store: Store, opts: ReplayOptions = {}): Promise<ReplayResult> {
  const started = performance.now();
  const engine = new DetectionEngine(opts.engine);
  let engineMs = 0;
  let cursor: FeedCursor | null = opts.since ? { receivedAt: opts.since, id: '' } : null;
  let reports = 0;
  for (;;) {
    const page = await nextReports(store.db, cursor, null, PAGE);
    if (page.length === 0) break;
    const t0 = performance.now();
    engine.pushAll(page);
    engineMs += performance.now() - t0;
    reports += page.length;
    cursor = cursorOf(page.at(-1)!);
    opts.onProgress?.(reports);
  }
  if (opts.until) {
    const t0 = performance.now();
    engine.advanceTo(opts.until.getTime());
    engineMs += performance.now() - t0;
  }
  const incidents = snapshotIncidents(engine);
  await replaceIncidents(store.db, incidents);
  return { reports, incidents, engineSeconds: engineMs / 1000, totalSeconds: (performance.now() - started) / 1000 };
}
