// Live detection in the server: one leader per store (a Postgres advisory lock when several
// API processes share a server; SQLite is one process), which tails committed reports through
// the engine and writes every changed incident back to the store for all processes to read.
import pg from 'pg';
import { DetectionEngine, type EngineOptions, type IncidentChange } from '../detect/index.js';
import type { Store } from '../store/index.js';
import { cursorOf, nextReports, type FeedCursor } from './feed.js';
import { upsertIncidents, type StoredIncident } from './queries.js';

export interface LiveOptions {
  store: Store;
  databaseUrl?: string | undefined;
  clock: () => Date;
  engine?: EngineOptions;
  /** How much history warms the baselines on start. */
  warmupDays?: number;
  pollMs?: number;
  /** Reports younger than this are left for the next poll: a commit in flight may still land before them. */
  settleMs?: number;
  onError?: (err: unknown) => void;
  onChanges?: (changes: IncidentChange[]) => void;
}

const LEADER_LOCK = 7411002;
const PAGE = 20_000;

export interface LiveDetection {
  isLeader(): boolean;
  stop(): Promise<void>;
}

export async function startLiveDetection(o: LiveOptions): Promise<LiveDetection> {
  const pollMs = o.pollMs ?? 2000;
  const settleMs = o.settleMs ?? 1500;
  let engine: DetectionEngine | null = null;
  let cursor: FeedCursor | null = null;
  let lockClient: pg.Client | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  /** One session per process asks for the lock on every tick until it gets it, and keeps it. */
  const becomeLeader = async (): Promise<boolean> => {
    if (o.store.dialect === 'sqlite') return true;
    if (!lockClient) {
      const client = new pg.Client({ connectionString: o.databaseUrl });
      client.on('error', () => {
        // The session holding the lock is gone: so is leadership. Start over on the next tick.
        engine = null;
        lockClient = null;
      });
      await client.connect();
      lockClient = client;
    }
    const r = await lockClient.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [LEADER_LOCK]);
    return r.rows[0]?.ok === true;
  };

  const persist = async (e: DetectionEngine, changes: IncidentChange[]) => {
    if (changes.length === 0) return;
    const ids = new Set(changes.map((c) => c.incident.id));
    const changed: StoredIncident[] = e.incidents().filter((i) => ids.has(i.id)).map((i) => ({ ...i, series: e.series(i.id) }));
    await upsertIncidents(o.store.db, changed);
    o.onChanges?.(changes);
  };

  const tick = async () => {
    if (!engine) {
      if (!(await becomeLeader())) return;
      engine = new DetectionEngine(o.engine);
      const from = new Date(o.clock().getTime() - (o.warmupDays ?? 35) * 86400_000);
      cursor = { receivedAt: from, id: '' };
    }
    const e = engine;
    const until = new Date(o.clock().getTime() - settleMs);
    const changes: IncidentChange[] = [];
    for (;;) {
      const page = await nextReports(o.store.db, cursor, until, PAGE);
      for (const r of page) changes.push(...e.push(r));
      if (page.length > 0) cursor = cursorOf(page.at(-1)!);
      if (page.length < PAGE) break;
    }
    changes.push(...e.advanceTo(until.getTime()));
    await persist(e, changes);
  };

  const timer = setInterval(() => {
    running = running.then(() => (stopped ? undefined : tick())).catch((err: unknown) => o.onError?.(err));
  }, pollMs);
  running = tick().catch((err: unknown) => o.onError?.(err));

  return {
    isLeader: () => engine !== null,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      const client = lockClient as pg.Client | null;
      if (client) await client.end().catch(() => {});
    },
  };
}
