import type { Command } from 'commander';
import { getIncident, listIncidents, type CommandContext } from '../commands/index.js';
import { KIND_FILTERS, replayStore, STATUS_FILTERS, type IncidentSummary, type StoredIncident } from '../incidents/index.js';
import { progressBar } from '../ops/progress.js';
import { networks } from '../reference/index.js';
import { countReports, openStore, type Store } from '../store/index.js';
import { CLI_ACTOR } from '../staff/index.js';
import { configFrom, UsageError, withStoreFlags, type StoreFlags } from './options.js';
import { withCommands } from './with-commands.js';

const out = (line: string) => process.stdout.write(line + '\n');

export function describeIncident(i: IncidentSummary): string {
  const services = Object.entries(i.services)
    .filter(([, share]) => share >= 0.3)
    .map(([s]) => s)
    .join('+');
  const regions = i.scope.regions.length > 8 ? `${i.scope.regions.slice(0, 8).join(',')}…(${i.scope.regions.length})` : i.scope.regions.join(',');
  return [i.id.padEnd(28), i.status.padEnd(9), i.kind.padEnd(10), i.network.padEnd(10), `${i.scope.level}:${regions}`.padEnd(30), `onset ${i.onsetAt.slice(0, 16)}`, `detected ${i.detectedAt.slice(11, 16)}`, `resolved ${i.resolvedAt ? i.resolvedAt.slice(0, 16) : '-'}`, `reports ${i.reportCount}`, `peak ${i.peak.count}/15min`, services].join('  ');
}

/** Replays every stored report through a fresh engine (with a progress bar) and stores the result. */
export async function runReplay(store: Store, until?: Date): Promise<StoredIncident[]> {
  const total = await countReports(store.db);
  const bar = progressBar('detect', total);
  const r = await replayStore(store, { until, onProgress: (done) => bar.set(done) });
  bar.done(`detection: ${r.reports} reports in ${r.totalSeconds.toFixed(1)} s (engine ${Math.round(r.reports / Math.max(r.engineSeconds, 1e-9)).toLocaleString('en-US')} reports/s), ${r.incidents.length} incidents`);
  return r.incidents;
}

/** `--until`: an instant, or "now"; a typo is a usage error, not a replay that ends nowhere. */
function parseUntil(v: string | undefined): Date | undefined {
  if (v === undefined) return undefined;
  if (v === 'now') return new Date();
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) ? Date.parse(v) : NaN;
  if (Number.isNaN(ms)) throw new UsageError(`--until must be an ISO 8601 instant with a zone, e.g. 2024-02-22T22:00:00Z, or "now" (got "${v}")`);
  return new Date(ms);
}

interface ListFlags extends StoreFlags {
  json?: boolean;
  status?: string;
  network?: string;
  kind?: string;
  id?: string;
}

/** An unknown filter value would match nothing and print nothing: say so instead. */
function checkChoice(flag: string, value: string | undefined, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(value)) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}

function checkListFlags(f: ListFlags): void {
  checkChoice('status', f.status, STATUS_FILTERS);
  checkChoice('network', f.network, [...networks().keys()]);
  checkChoice('kind', f.kind, KIND_FILTERS);
}

/** `--id`: the detail, as `GET /api/v1/incidents/:id` serves it (with series and evidence). */
async function printOne(cx: CommandContext, id: string): Promise<void> {
  out(JSON.stringify(await getIncident(cx, CLI_ACTOR, id), null, 2));
}

async function printList(cx: CommandContext, f: ListFlags): Promise<void> {
  const { items: incidents } = await listIncidents(cx, CLI_ACTOR, { status: f.status, network: f.network, kind: f.kind, limit: 100_000, offset: 0 });
  if (f.json) out(JSON.stringify(incidents, null, 2));
  else if (incidents.length === 0) out('no incidents');
  else incidents.forEach((i) => out(describeIncident(i)));
}

export function registerIncidents(program: Command): void {
  withStoreFlags(program.command('incidents').description('List incidents found by detection'))
    .option('--json', 'print a JSON array of incident objects (the fields of GET /api/v1/incidents items)')
    .option('--status <status>', STATUS_FILTERS.join(' | '))
    .option('--network <network>', 'only this network (att, verizon, tmobile, …)')
    .option('--kind <kind>', KIND_FILTERS.join(' | '))
    .option('--id <id>', 'print one incident in full (with series and evidence) as JSON')
    .action(async (flags: ListFlags) => {
      checkListFlags(flags);
      await withCommands(flags, (cx) => (flags.id ? printOne(cx, flags.id) : printList(cx, flags)));
    });

  withStoreFlags(program.command('replay').description('Re-run detection over every stored report, in receipt order, replacing detected incidents'))
    .option('--until <instant>', 'let time run on to this instant after the last report (ISO 8601, or "now"), as the live leader does, so incidents whose reports stopped resolve')
    .action(async (flags: StoreFlags & { until?: string }) => {
      const until = parseUntil(flags.until);
      const store = await openStore(configFrom(flags));
      try {
        const incidents = await runReplay(store, until);
        incidents.forEach((i) => out(describeIncident(i)));
      } finally {
        await store.close();
      }
    });
}
