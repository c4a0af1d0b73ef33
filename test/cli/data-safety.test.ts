// Backup while the server writes, restore keeps every report and the audit chain; retention
// erases old contact details and deletes old reports, keeps incidents, and is audited.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, verifyAuditChain } from '../../src/audit/index.js';
import { applyRetention } from '../../src/commands/data-safety.js';
import { validateReport } from '../../src/intake/validate.js';
import { CLI_ACTOR } from '../../src/staff/index.js';
import { openStore } from '../../src/store/index.js';
import { backupSqlite, BackupError, restoreSqlite } from '../../src/store/backup.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { runCli } from '../support/cli.js';
import { STORE_KINDS } from '../support/stores.js';

const REPORT = { carrier: 'att', services: ['voice'], zip: '10001', contact: { name: 'Ana', email: 'ana@example.org' }, consentToContact: true };

describe('backup and restore of the embedded store', () => {
  let t: TestApp;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'od-backup-'));
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(async () => {
    await t.destroy();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  const post = () => t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: REPORT });

  it('takes a consistent copy while reports keep coming, and a restore keeps every report acknowledged before it and the audit chain', async () => {
    const before = await Promise.all(Array.from({ length: 300 }, post));
    for (let i = 0; i < 20; i++) await recordAudit(t.ctx.store, { actor: 'test', action: 'test.event', target: String(i) });
    const ackedBefore = before.map((r) => r.json().id as string);
    let writing = true;
    const during = (async () => {
      let n = 0;
      while (writing) {
        await Promise.all(Array.from({ length: 20 }, post));
        n += 20;
      }
      return n;
    })();
    const file = path.join(scratch, 'store.backup');
    const bytes = await backupSqlite(t.location.dataDir, file);
    writing = false;
    expect(await during).toBeGreaterThan(0);
    expect(bytes).toBeGreaterThan(0);
    await expect(backupSqlite(t.location.dataDir, file)).rejects.toBeInstanceOf(BackupError); // never overwrites

    const restoredDir = path.join(scratch, 'restored');
    expect(await restoreSqlite(restoredDir, file)).toBeUndefined();
    const restored = await openStore({ dataDir: restoredDir });
    try {
      const ids = new Set((await restored.db.selectFrom('reports').select('id').execute()).map((r) => r.id));
      expect(ackedBefore.every((id) => ids.has(id))).toBe(true);
      expect(await verifyAuditChain(restored)).toBeNull();
      const events = await restored.db.selectFrom('audit_events').select('seq').execute();
      expect(events.length).toBeGreaterThanOrEqual(20);
    } finally {
      await restored.close();
    }
    // Restoring over an existing store keeps the old one beside it.
    const kept = await restoreSqlite(restoredDir, file);
    expect(kept && fs.existsSync(kept)).toBe(true);
    await expect(restoreSqlite(restoredDir, path.join(scratch, 'nothing'))).rejects.toThrow(/no such file/);
    fs.writeFileSync(path.join(scratch, 'junk'), 'not a database at all');
    await expect(restoreSqlite(restoredDir, path.join(scratch, 'junk'))).rejects.toBeInstanceOf(BackupError);
  });

  it('the CLI refuses backup on PostgreSQL and points to pg_dump', () => {
    const r = runCli(['backup', path.join(scratch, 'x')], { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pg_dump/);
  });
});

describe.each(STORE_KINDS)('retention on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => t.destroy());

  const DAY = 86_400_000;

  async function reportAt(daysAgo: number, now: Date): Promise<string> {
    const receivedAt = new Date(now.getTime() - daysAgo * DAY);
    const v = validateReport(REPORT, { receivedAt });
    if (!v.ok) throw new Error('bad sample');
    return (await t.ctx.intake.accept({ report: v.report, source: 'import', fingerprint: `f${daysAgo}`, receivedAt })).id;
  }

  it('erases contact details after N days, deletes reports after M days, keeps incidents, and audits the counts', async () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const fresh = await reportAt(10, now);
    const old = await reportAt(100, now);
    const ancient = await reportAt(800, now);
    const body = JSON.stringify({ id: 'inc-old' });
    await t.ctx.store.db.insertInto('incidents').values({ id: 'inc-old', network: 'att', status: 'resolved', kind: 'primary', onset_at: new Date(now.getTime() - 800 * DAY), detected_at: new Date(now.getTime() - 800 * DAY), resolved_at: null, updated_at: now, body }).execute();
    const r = await applyRetention(t.ctx, CLI_ACTOR, { contactDays: 90, reportDays: 730 }, now);
    expect(r).toMatchObject({ contactsPurged: 1, reportsDeleted: 1 });
    const rows = await t.ctx.store.db.selectFrom('reports').select(['id', 'contact_name', 'contact_email', 'consent_to_contact']).execute();
    const byId = new Map(rows.map((x) => [x.id, x]));
    expect(byId.has(ancient)).toBe(false);
    expect(byId.get(old)).toMatchObject({ contact_name: null, contact_email: null, consent_to_contact: 0 });
    expect(byId.get(fresh)).toMatchObject({ contact_name: 'Ana', contact_email: 'ana@example.org' });
    expect(await t.ctx.store.db.selectFrom('incidents').select('id').where('id', '=', 'inc-old').executeTakeFirst()).toBeDefined();
    const audit = await t.ctx.store.db.selectFrom('audit_events').selectAll().where('action', '=', 'store.retention').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ contactDays: 90, reportDays: 730, contactsPurged: 1, reportsDeleted: 1 });
    expect(audit[0]!.detail).not.toMatch(/ana@example/);
    // A second run finds nothing more to do.
    expect(await applyRetention(t.ctx, CLI_ACTOR, { contactDays: 90, reportDays: 730 }, now)).toMatchObject({ contactsPurged: 0, reportsDeleted: 0 });
  });

  it('refuses a rule that would delete reports before their contact window', async () => {
    await expect(applyRetention(t.ctx, CLI_ACTOR, { contactDays: 90, reportDays: 30 })).rejects.toThrow(/reportDays/);
  });
});
