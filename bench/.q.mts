import { spawn } from 'node:child_process';
import fs from 'node:fs';
const dataDir = fs.mkdtempSync('/tmp/har-q/d');
const server = spawn(process.execPath, ['bin/outage-desk.js', 'serve', '--port', '0'], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', HOST: '127.0.0.1', LOG_LEVEL: 'warn', METRICS_TOKEN: 't' }, stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise<string>((r) => { let o = ''; server.stdout.on('data', (d) => { o += d; const m = o.match(/listening on (http:\/\/\S+)/); if (m) r(m[1]!.replace('localhost', '127.0.0.1')); }); });
for (let i = 0; i < 6; i++) {
  const m = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer t' } }).then((r) => r.text());
  console.log(i, m.split('\n').filter((l) => l.startsWith('process_event_loop_delay')).join(' | '));
  await new Promise((r) => setTimeout(r, 1000));
}
server.kill(); fs.rmSync(dataDir, { recursive: true, force: true });
