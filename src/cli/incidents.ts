import type { Command } from 'commander';
import { listIncidents, replayStore, type StoredIncident } from '../incidents/index.js';
import { progressBar } from '../ops/progress.js';
import { countReports, openStore, type Store } from '../store/index.js';
import { configFrom, withStoreFlags, type StoreFlags } from './options.js';

const out = (line: string) => process.stdout.write(line + '\n');

export function describeIncident(i: Omit<StoredIncident, 'series'>): string {
  const services = Object.entries(i.services)
    .filter(([, share]) => share >= 0.3)
    .map(([s]) => s)
    .join('+');
  const regions = i.scope.regions.length > 8 ? `${i.scope.regions.slice(0, 8).join(',')}…(${i.scope.regions.length})` : i.scope.regions.join(',');
  return [i.id.padEnd(28), i.status.padEnd(9), i.kind.padEnd(10), i.network.padEnd(10), `${i.scope.level}:${regions}`.padEnd(30), `onset ${i.onsetAt.slice(0, 16)}`, `detected ${i.detectedAt.slice(11, 16)}`, `resolved ${i.resolvedAt ? i.resolvedAt.slice(0, 16) : '-'}`, `reports ${i.reportCount}`, `peak ${i.peak.count}/15min`, services].join('  ');
}

/** Replays every stored report through a fresh engine (with a progress bar) and stores the result. */
export async function runReplay(store: Store): Promise<StoredIncident[]> {
  const total = await countReports(store.db);
  const bar = progressBar('detect', total);
  const r = await replayStore(store, { onProgress: (done) => bar.set(done) });
  bar.done(`detection: ${r.reports} reports in ${r.totalSeconds.toFixed(1)} s (engine ${Math.round(r.reports / Math.max(r.engineSeconds, 1e-9)).toLocaleString('en-US')} reports/s), ${r.incidents.length} incidents`);
  return r.incidents;
}

export function registerIncidents(program: Command): void {
  withStoreFlags(program.command('incidents').description('List incidents found by detection'))
    .option('--json', 'print a JSON array of incident objects')
    .option('--status <status>', 'open | suspected | confirmed | resolved')
    .option('--network <network>', 'only this network (att, verizon, tmobile, …)')
    .action(async (flags: StoreFlags & { json?: boolean; status?: string; network?: string }) => {
      const store = await openStore(configFrom(flags));
      try {
        const incidents = await listIncidents(store.db, { status: flags.status, network: flags.network, limit: 10_000 });
        const plain = incidents.map(({ series: _s, ...i }) => i);
        if (flags.json) out(JSON.stringify(plain, null, 2));
        else if (plain.length === 0) out('no incidents');
        else plain.forEach((i) => out(describeIncident(i)));
      } finally {
        await store.close();
      }
    });

  withStoreFlags(program.command('replay').description('Re-run detection over every stored report, in receipt order, replacing detected incidents'))
    .action(async (flags: StoreFlags) => {
      const store = await openStore(configFrom(flags));
      try {
        const incidents = await runReplay(store);
        incidents.forEach((i) => out(describeIncident(i)));
      } finally {
        await store.close();
      }
    });
}
