// Backup and restore of the embedded store. SQLite's online backup API copies a consistent
// snapshot page by page while the server keeps writing (it restarts the copy of pages that
// change underneath), so a backup needs no downtime. A restore replaces the store file and
// must run with the server stopped; the store it replaces is kept beside it.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { SQLITE_FILE } from './sqlite.js';

export class BackupError extends Error {}

/** Writes a consistent copy of the store in `dataDir` to `file`; returns its size in bytes. */
export async function backupSqlite(dataDir: string, file: string): Promise<number> {
  const source = path.join(dataDir, SQLITE_FILE);
  if (!fs.existsSync(source)) throw new BackupError(`no store at ${source}`);
  if (fs.existsSync(file)) throw new BackupError(`${file} exists: choose a new file name`);
  const db = new SqliteDatabase(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    await db.backup(file);
  } finally {
    db.close();
  }
  return fs.statSync(file).size;
}

/** Checks that `file` is a whole SQLite database of ours (integrity, a reports table). */
function checkBackup(file: string): void {
  if (!fs.existsSync(file)) throw new BackupError(`no such file: ${file}`);
  let db: SqliteDatabase.Database | undefined;
  try {
    db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new BackupError(`${file} is damaged: ${String(ok)}`);
    const tables = db.prepare(`select name from sqlite_master where type = 'table' and name in ('reports', 'audit_events')`).all();
    if (tables.length < 2) throw new BackupError(`${file} is not an Outage Desk store`);
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`${file} is not a SQLite database (${err instanceof Error ? err.message : String(err)})`);
  } finally {
    db?.close();
  }
}

/**
 * Replaces the store in `dataDir` with the backup `file` (the server must be stopped). The old
 * store, if any, is moved to `outage-desk.sqlite.before-restore-<time>`; returns that path.
 */
export async function restoreSqlite(dataDir: string, file: string, now = new Date()): Promise<string | undefined> {
  checkBackup(file);
  fs.mkdirSync(dataDir, { recursive: true });
  const target = path.join(dataDir, SQLITE_FILE);
  let keptAs: string | undefined;
  if (fs.existsSync(target)) {
    assertNotInUse(target);
    keptAs = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(target, keptAs);
    for (const suffix of ['-wal', '-shm']) if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, keptAs + suffix);
  }
  const src = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    await src.backup(target);
  } finally {
    src.close();
  }
  return keptAs;
}

/** A running server keeps its writer connection open: an exclusive lock then cannot be had. */
function assertNotInUse(file: string): void {
  const db = new SqliteDatabase(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT;');
  } catch {
    throw new BackupError('the store is in use: stop the server before restoring');
  } finally {
    db.close();
  }
}
