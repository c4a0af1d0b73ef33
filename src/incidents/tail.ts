// Tails committed reports for live detection, each report once, including late commits.
// A report becomes visible when its transaction commits, which can be well after its
// receivedAt (several API processes, up to 4 group commits in flight, a slow fsync). A plain
// (receivedAt, id) cursor would skip such a report for good, so every read re-scans a
// trailing window behind the newest report fed and skips the ids already fed. The re-scan
// reads ids only (a covering index scan); rows are read for the ids not fed yet. Reports
// committed more than `lateMs` after their receivedAt are still missed (until a replay).
import type { Kysely } from 'kysely';
import type { DetectionReport } from '../detect/index.js';
import type { Database } from '../store/schema.js';
import { cursorOf, idsReceivedBetween, nextReports, reportsByIds, type FeedCursor } from './feed.js';

const PAGE = 20_000;

export class ReportTail {
  /** receivedAt of the newest report fed (or the start, before any). */
  private newest: number;
  /** id -> receivedAt of reports fed that the window still reaches; insertion (feed) order. */
  private readonly fed = new Map<string, number>();
  /** Reports handed out so far. */
  count = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly from: Date,
    private readonly lateMs: number,
  ) {
    this.newest = from.getTime();
  }

  /** Pages of reports not fed before, received in [newest - lateMs, until]; each report once. */
  async *read(until: Date): AsyncGenerator<DetectionReport[]> {
    const late = await this.lateReports();
    if (late.length > 0) yield late;
    // After the newest fed: '~' sorts after every id, so equal receivedAt was covered above.
    let cursor: FeedCursor = { receivedAt: new Date(this.newest), id: '~' };
    for (;;) {
      const page = await nextReports(this.db, cursor, until, PAGE);
      const fresh = page.filter((r) => !this.fed.has(r.id));
      for (const r of fresh) this.remember(r);
      this.prune();
      if (fresh.length > 0) yield fresh;
      if (page.length < PAGE) return;
      cursor = cursorOf(page.at(-1)!);
    }
  }

  /** Reports in [window start, newest fed] not fed yet: committed after newer ones were read. */
  private async lateReports(): Promise<DetectionReport[]> {
    if (this.count === 0) return [];
    const ids = await idsReceivedBetween(this.db, new Date(this.windowStart()), new Date(this.newest));
    const missing = ids.filter((id) => !this.fed.has(id));
    if (missing.length === 0) return [];
    const late = await reportsByIds(this.db, missing);
    for (const r of late) this.remember(r);
    return late;
  }

  /** Fed ids in the window: memory grows with the report rate x lateMs, not with time. */
  get remembered(): number {
    return this.fed.size;
  }

  private windowStart(): number {
    return Math.max(this.from.getTime(), this.newest - this.lateMs);
  }

  private remember(r: DetectionReport): void {
    this.fed.set(r.id, r.receivedAt);
    if (r.receivedAt > this.newest) this.newest = r.receivedAt;
    this.count++;
  }

  /**
   * Forgets ids the window no longer reaches, oldest fed first. A late report fed behind newer
   * ones is forgotten a little later than it could be; harmless, it is outside the window.
   * Safe mid-scan: a forgotten report is older than the page cursor, so this scan is past it.
   */
  private prune(): void {
    const start = this.windowStart();
    for (const [id, at] of this.fed) {
      if (at >= start) break;
      this.fed.delete(id);
    }
  }
}
