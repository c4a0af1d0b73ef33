// `outage-desk user …`: staff accounts from the command line, through the same commands as the
// API (the CLI acts as an admin of the store it opened) and into the same audit trail.
import type { Command } from 'commander';
import { addStaff, findStaffByEmail, listStaff, resetStaffPassword, updateStaff, type CommandContext } from '../commands/index.js';
import { CLI_ACTOR, issueApiToken, isRole, ROLES, type Role } from '../staff/index.js';
import { recordAudit } from '../audit/index.js';
import { UsageError, withStoreFlags, type StoreFlags } from './options.js';
import { withCommands } from './with-commands.js';

const out = (line: string) => process.stdout.write(line + '\n');

function roleFrom(value: string): Role {
  if (!isRole(value)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  return value;
}

function daysFrom(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 366) throw new UsageError('--expires-days must be a whole number of days from 1 to 366');
  return n;
}

async function printToken(cx: CommandContext, userId: string, email: string, label: string, days: number): Promise<void> {
  const { token, secret } = await issueApiToken(cx.store.db, userId, label, days);
  await recordAudit(cx.store, { actor: CLI_ACTOR.email, action: 'token.create', target: token.id, detail: { email, name: label, expiresAt: token.expiresAt?.toISOString() ?? null } });
  out(`API token "${label}" for ${email}, expires ${token.expiresAt?.toISOString().slice(0, 10)} (shown once):`);
  out(secret);
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('Manage staff accounts (works while a server runs on the same data)');

  withStoreFlags(user.command('add').description('Create a staff account; prints its one-time password (changed at first sign-in), and an API token with --token'))
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--token', 'also issue an API token, printed alone on the last line')
    .option('--expires-days <n>', 'the token expires after this many days', '90')
    .action((flags: StoreFlags & { email: string; role: string; token?: boolean; expiresDays: string }) =>
      withCommands(flags, async (cx) => {
        const days = daysFrom(flags.expiresDays);
        const { user: u, password } = await addStaff(cx, CLI_ACTOR, { email: flags.email, role: roleFrom(flags.role) });
        out(`Created ${u.role} ${u.email}`);
        out(`Initial password: ${password}`);
        out('It must be changed at first sign-in.');
        if (flags.token) await printToken(cx, u.id, u.email, 'cli', days);
      }));

  withStoreFlags(user.command('token').description('Issue another API token for an existing account'))
    .requiredOption('--email <email>', 'sign-in email')
    .option('--label <label>', 'what the token is for', 'cli')
    .option('--expires-days <n>', 'the token expires after this many days', '90')
    .action((flags: StoreFlags & { email: string; label: string; expiresDays: string }) =>
      withCommands(flags, async (cx) => {
        const u = await findStaffByEmail(cx, CLI_ACTOR, flags.email);
        await printToken(cx, u.id, u.email, flags.label, daysFrom(flags.expiresDays));
      }));

  withStoreFlags(user.command('list').description('List staff accounts'))
    .option('--json', 'print a JSON array (the API\'s user objects)')
    .action((flags: StoreFlags & { json?: boolean }) =>
      withCommands(flags, async (cx) => {
        const users = await listStaff(cx, CLI_ACTOR);
        if (flags.json) {
          out(JSON.stringify(users, null, 2));
          return;
        }
        for (const u of users) {
          const state = u.disabled ? 'disabled' : u.mustChangePassword ? 'one-time password' : 'active';
          out(`${u.email.padEnd(36)} ${u.role.padEnd(13)} ${state.padEnd(18)} last sign-in ${u.lastSignInAt?.slice(0, 16).replace('T', ' ') ?? 'never'}`);
        }
      }));

  withStoreFlags(user.command('disable').description('Disable an account: its sessions end and its tokens stop working at once'))
    .requiredOption('--email <email>', 'sign-in email')
    .option('--enable', 'enable it again instead')
    .action((flags: StoreFlags & { email: string; enable?: boolean }) =>
      withCommands(flags, async (cx) => {
        const u = await findStaffByEmail(cx, CLI_ACTOR, flags.email);
        const after = await updateStaff(cx, CLI_ACTOR, u.id, { disabled: !flags.enable });
        out(`${after.email} is ${after.disabled ? 'disabled' : 'enabled'}`);
      }));

  withStoreFlags(user.command('passwd').description('Give an account a new one-time password (to be changed at next sign-in); its sessions end'))
    .requiredOption('--email <email>', 'sign-in email')
    .action((flags: StoreFlags & { email: string }) =>
      withCommands(flags, async (cx) => {
        const u = await findStaffByEmail(cx, CLI_ACTOR, flags.email);
        const { password } = await resetStaffPassword(cx, CLI_ACTOR, u.id);
        out(`New one-time password for ${u.email}: ${password}`);
      }));
}
