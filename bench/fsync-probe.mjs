// How long one durable commit takes on this disk: the floor under durable intake latency.
// With N connections each waiting for its own commit, req/s can never exceed N / commit time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'od-fsync-'));
const out = [];
for (const sync of ['FULL', 'NORMAL']) {
  const db = new Database(path.join(dir, `${sync}.db`));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${sync}`);
  db.exec('create table t (id integer primary key, a text)');
  const insert = db.prepare('insert into t (a) values (?)');
  const commit = db.transaction((n) => { for (let k = 0; k < n; k++) insert.run('x'.repeat(300)); });
  for (const rows of [1, 50]) {
    const t0 = performance.now();
    for (let k = 0; k < 200; k++) commit(rows);
    const ms = (performance.now() - t0) / 200;
    console.log(`synchronous=${sync.padEnd(6)} ${String(rows).padStart(2)}-row commit: ${ms.toFixed(3)} ms`);
    out.push(`${sync.toLowerCase()}_commit${rows}_ms=${ms.toFixed(3)}`);
  }
  db.close();
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(out.join(' '));
