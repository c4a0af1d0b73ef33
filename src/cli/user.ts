import type { Command } from 'commander';
import { recordAudit } from '../audit/index.js';
import { createUser, findUserByEmail, issueApiToken, ROLES, UserExistsError, type Role } from '../staff/index.js';
import { openStore } from '../store/index.js';
import { configFrom, withStoreFlags, type StoreFlags } from './options.js';

const out = (line: string) => process.stdout.write(line + '\n');

export function registerUser(program: Command): void {
  const user = program.command('user').description('Manage staff accounts');

  withStoreFlags(user.command('add').description('Create a staff account; prints its initial password (and an API token with --token)'))
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--token', 'also issue an API token, printed alone on the last line')
    .action(async (flags: StoreFlags & { email: string; role: string; token?: boolean }) => {
      if (!ROLES.includes(flags.role as Role)) fail(`--role must be one of ${ROLES.join(', ')}`);
      if (!/^[^\s@]+@[^\s@]+$/.test(flags.email)) fail('--email is not an email address');
      const store = await openStore(configFrom(flags));
      try {
        const { user: u, password } = await createUser(store.db, flags.email, flags.role as Role);
        await recordAudit(store, { actor: 'cli', action: 'user.add', target: u.email, detail: { role: u.role } });
        out(`Created ${u.role} ${u.email}`);
        out(`Initial password: ${password}`);
        if (flags.token) {
          const token = await issueApiToken(store.db, u.id, 'cli');
          out('API token (shown once):');
          out(token);
        }
      } catch (err) {
        if (err instanceof UserExistsError) fail(err.message);
        throw err;
      } finally {
        await store.close();
      }
    });

  withStoreFlags(user.command('token').description('Issue another API token for an existing account'))
    .requiredOption('--email <email>', 'sign-in email')
    .option('--label <label>', 'what the token is for', 'cli')
    .action(async (flags: StoreFlags & { email: string; label: string }) => {
      const store = await openStore(configFrom(flags));
      try {
        const u = await findUserByEmail(store.db, flags.email);
        if (!u) fail(`no account ${flags.email}`);
        const token = await issueApiToken(store.db, u!.id, flags.label);
        await recordAudit(store, { actor: 'cli', action: 'token.issue', target: u!.email });
        out(token);
      } finally {
        await store.close();
      }
    });
}

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}
