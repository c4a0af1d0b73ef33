// `outage-desk serve --workers N`: N server processes on one port (Node's cluster module: the
// primary accepts and hands connections round-robin to the workers). Every worker is a whole
// server on the shared PostgreSQL store; detection runs on one leader only (an advisory lock,
// incidents/live.ts) and moves to another worker when the leader dies. A worker that dies is
// replaced. SIGTERM/SIGINT stop every worker gracefully (each commits what it acknowledged).
import cluster, { type Worker } from 'node:cluster';

/** A worker dying this soon after its start again and again is a crash loop: stop replacing it. */
const CRASH_LOOP_MS = 2_000;

export function runCluster(workers: number, announce: (line: string) => void = (l) => process.stdout.write(l + '\n')): void {
  let stopping = false;
  const started = new Map<number, number>();
  const fork = () => {
    const w = cluster.fork();
    started.set(w.id, Date.now());
    return w;
  };
  for (let i = 0; i < workers; i++) fork();
  announce(`Outage Desk cluster: ${workers} workers (primary ${process.pid})`);
  cluster.on('exit', (w: Worker, code, signal) => {
    const lived = Date.now() - (started.get(w.id) ?? 0);
    started.delete(w.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    if (lived < CRASH_LOOP_MS) {
      announce(`worker ${w.process.pid} exited after ${lived} ms (${signal ?? code}): not replaced (crash loop)`);
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
      return;
    }
    announce(`worker ${w.process.pid} exited (${signal ?? code}); starting a replacement`);
    fork();
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
