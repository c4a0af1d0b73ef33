// Live detection in the server: one leader per store (a Postgres advisory lock when several
// API processes share a server; SQLite is one process), which tails committed reports through
// the engine and writes every changed incident back to the store for all processes to read.
import pg from 'pg';
import { DetectionEngine, type EngineOptions, type IncidentChange } from '../detect/index.js';
import type { Store } from '../store/index.js';
import { upsertIncidents, type StoredIncident } from './queries.js';
import { ReportTail } from './tail.js';

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
  /**
   * How far behind the newest report fed each poll looks again for reports committed late
   * (see tail.ts). Each poll re-reads this much of the stream, so keep it modest.
   */
  lateMs?: number;
  onError?: (err: unknown) => void;
  onChanges?: (changes: IncidentChange[]) => void;
}

const LEADER_LOCK = 7411002;
/**
 * A report is stamped before its group commit; one committed 20 s later means a request that
 * hung far past any client's timeout. At 6 k reports/s (the demo) the re-scan is 120 k ids a poll.
 */
const LATE_MS = 20_000;

/** What live detection has cost the process so far (bench:intake reads it from /metrics). */
export interface LiveCost {
  /** Reports fed to the engine. */
  reports: number;
  /** Milliseconds in the engine (push, advanceTo): main-thread CPU. */
  engineMs: number;
  /**
   * Milliseconds of polls from start to end: reading the store, the engine, writing incidents.
   * On SQLite all of it runs on the main thread; on Postgres it includes waits on the server.
   */
  tickMs: number;
}

export interface LiveDetection {
  isLeader(): boolean;
  cost(): LiveCost;
  /** Reports this process fed to its engine since it last became leader. */
  reportsFed(): number;
  /**
   * Every report committed so far is fed and its incidents stored, up to the clock's now
   * (no settling: the caller knows no commit is in flight, as the demo does once its replay ends).
   */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export async function startLiveDetection(o: LiveOptions): Promise<LiveDetection> {
  const pollMs = o.pollMs ?? 2000;
  const settleMs = o.settleMs ?? 1500;
  /** Set while this process leads: its engine and what it has fed it. */
  let leader: { engine: DetectionEngine; tail: ReportTail } | null = null;
  let lockClient: pg.Client | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const cost: LiveCost = { reports: 0, engineMs: 0, tickMs: 0 };

  /** One session per process asks for the lock on every tick until it gets it, and keeps it. */
  const becomeLeader = async (): Promise<boolean> => {
    if (o.store.dialect === 'sqlite') return true;
    if (!lockClient) {
      const client = new pg.Client({ connectionString: o.databaseUrl });
      client.on('error', () => {
        // The session holding the lock is gone: so is leadership. Start over on the next tick.
        leader = null;
        lockClient = null;
      });
      await client.connect();
      lockClient = client;
    }
    const r = await lockClient.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [LEADER_LOCK]);
    return r.rows[0]?.ok === true;
  };

  // Changed incidents, and every open one: the engine reports a change only now and then (peak
  // +10 %, a status, 15 minutes), but staff watching an event want today's count and chart.
  const persist = async (e: DetectionEngine, changes: IncidentChange[]) => {
    const ids = new Set(changes.map((c) => c.incident.id));
    const stale = e.incidents().filter((i) => ids.has(i.id) || i.status === 'suspected' || i.status === 'confirmed');
    if (stale.length === 0) return;
    await upsertIncidents(o.store.db, stale.map((i): StoredIncident => ({ ...i, series: e.series(i.id) })));
    if (changes.length > 0) o.onChanges?.(changes);
  };

  const tick = async (settle = settleMs) => {
    const started = performance.now();
    try {
      await poll(settle);
    } finally {
      cost.tickMs += performance.now() - started;
    }
  };

  const poll = async (settle: number) => {
    if (!leader) {
      if (!(await becomeLeader())) return;
      const from = new Date(o.clock().getTime() - (o.warmupDays ?? 35) * 86400_000);
      leader = { engine: new DetectionEngine(o.engine), tail: new ReportTail(o.store.db, from, o.lateMs ?? LATE_MS) };
    }
    const { engine: e, tail } = leader;
    const until = new Date(o.clock().getTime() - settle);
    const changes: IncidentChange[] = [];
    // A late report is older than the engine's clock: the engine counts it in its current
    // minute (it never moves time back), so decisions stay causal and the report still counts.
    for await (const page of tail.read(until)) {
      const t0 = performance.now();
      for (const c of e.pushAll(page)) changes.push(c);
      cost.engineMs += performance.now() - t0;
      cost.reports += page.length;
    }
    const t0 = performance.now();
    changes.push(...e.advanceTo(until.getTime()));
    cost.engineMs += performance.now() - t0;
    await persist(e, changes);
  };

  const timer = setInterval(() => {
    running = running.then(() => (stopped ? undefined : tick())).catch((err: unknown) => o.onError?.(err));
  }, pollMs);
  running = tick().catch((err: unknown) => o.onError?.(err));

  return {
    isLeader: () => leader !== null,
    cost: () => ({ ...cost }),
    reportsFed: () => leader?.tail.count ?? 0,
    async drain() {
      const done = (running = running.then(() => tick(0)));
      await done;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      const client = lockClient as pg.Client | null;
      if (client) await client.end().catch(() => {});
    },
  };
}
