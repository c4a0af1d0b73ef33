// `outage-desk attribution import FILE.json`: a batch of statements and claims for one incident,
// through the same audited commands as the API; prints each claim's verdict.
import fs from 'node:fs';
import type { Command } from 'commander';
import { importAttribution, parseBatch } from '../commands/index.js';
import { CLI_ACTOR } from '../staff/index.js';
import { UsageError, withStoreFlags, type StoreFlags } from './options.js';
import { withCommands } from './with-commands.js';

const out = (line: string) => process.stdout.write(line + '\n');

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${file} is not JSON: ${(err as Error).message}`);
  }
}

export function registerAttribution(program: Command): void {
  const attribution = program.command('attribution').description('Statements and claims of responsibility on incidents');
  withStoreFlags(attribution.command('import').argument('<file>', 'JSON: { incidentId | incident: { network, kind, activeAt }, statements: [...], claims: [...] }'))
    .description('Load a batch of statements and claims (items already on record are skipped); e.g. examples/att-2024-02-22.attribution.json')
    .option('--incident <id>', 'the incident to attach them to (overrides the file)')
    .option('--json', 'print the result as JSON (claims with their assessments)')
    .action((file: string, flags: StoreFlags & { incident?: string; json?: boolean }) =>
      withCommands(flags, async (cx) => {
        const batch = parseBatch(readJson(file));
        const r = await importAttribution(cx, CLI_ACTOR, batch, { incidentId: flags.incident });
        if (flags.json) {
          out(JSON.stringify(r, null, 2));
          return;
        }
        out(`${r.incidentId}: statements ${r.statements.added} added, ${r.statements.skipped} already on record; claims ${r.claims.added} added, ${r.claims.skipped} already on record`);
        for (const c of r.claims.items) {
          const a = c.assessment;
          out(`  ${c.actor} (${c.claimedAt.slice(0, 16)}Z): ${a.timing}${a.postEvent ? ', post-event' : ''}, ${a.verdict}`);
        }
      }));
}
