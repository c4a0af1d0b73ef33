// Replay: every stored report, in receipt order, through a fresh engine — the same engine the
// server runs live. Used by `import` and `replay`; its incidents replace the stored ones.
import { DetectionEngine, ReportBatch, type EngineOptions } from '../detect/index.js';
import type { Store } from '../store/index.js';
import { nextBatch, type FeedCursor } from './feed.js';
import { replaceIncidents, type StoredIncident } from './queries.js';

export interface ReplayResult {
  reports: number;
  incidents: StoredIncident[];
  /** Seconds spent in the engine alone (storage and the filling of its input batches excluded). */
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
  // The store's rows go straight into the engine's input columns: no report object per row.
  const batch = new ReportBatch(PAGE);
  for (;;) {
    const next = await nextBatch(store.db, cursor, PAGE, batch);
    if (next === null) break;
    const t0 = performance.now();
    engine.pushBatch(batch);
    engineMs += performance.now() - t0;
    reports += batch.length;
    cursor = next;
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
