// SQLite's trigram index of report descriptions (migration 0012), filled by the writer thread
// in batches when intake leaves it time, not by a trigger on every insert: a trigger put each
// description's trigrams inside every intake commit, ~30 % of intake's reports/s. Reports past
// `reports_text_progress.indexed_rowid` are not in the index yet; the search scans them instead
// (complaints.ts). Rowids only grow here (the writer thread is the one writer of reports, and
// retention deletes the oldest), so "past the mark" is exactly "not indexed yet".
import type SqliteDatabase from 'better-sqlite3';

export interface TextIndexer {
  /** Indexes up to `maxRows` reports past the mark, in one transaction; how many it indexed. */
  indexBatch(maxRows: number): number;
}

/** Null when the store has no text index (a store migrated before 0012 cannot be: it has). */
export function prepareTextIndexer(db: SqliteDatabase.Database): TextIndexer | null {
  const exists = db.prepare(`select 1 from sqlite_master where name = 'reports_text_progress'`).get();
  if (!exists) return null;
  const mark = db.prepare(`select indexed_rowid as mark from reports_text_progress where id = 1`).pluck();
  const upTo = db.prepare(`select max(rowid) as hi from (select rowid from reports where rowid > ? order by rowid limit ?)`).pluck();
  const index = db.prepare(`insert into reports_text (rowid, description) select rowid, description from reports where rowid > ? and rowid <= ?`);
  const advance = db.prepare(`update reports_text_progress set indexed_rowid = ? where id = 1`);
  const batch = db.transaction((maxRows: number): number => {
    const from = Number(mark.get() ?? 0);
    const hi = upTo.get(from, maxRows) as number | null;
    if (hi === null) return 0;
    const n = index.run(from, hi).changes;
    advance.run(hi);
    return n;
  });
  return { indexBatch: (maxRows) => batch(maxRows) };
}

/** How often the writer thread looks for reports to index, and how much it does while intake is quiet or busy. */
export const TEXT_INDEX_EVERY_MS = 500;
export const TEXT_INDEX_IDLE_BUDGET_MS = 100;
export const TEXT_INDEX_BUSY_ROWS = 500;
