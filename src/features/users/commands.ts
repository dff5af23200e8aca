/**
 * `guanhu users add|list|reset|disable`: logins from the command line. A bank's first
 * administrator is made here (after org.csv is loaded): `guanhu users add admin --role admin`
 * prints a one-time password to change at first sign-in, or takes one from stdin.
 */
import { Command, Option } from 'commander';
import { sql } from 'drizzle-orm';
import { STAFF_ROLES, type StaffRole } from '../../domain/settings.js';
import { openMigrated } from '../../platform/cli.js';
import type { AppDb } from '../../platform/db/client.js';
import { query } from '../../platform/db/query.js';
import { AppError } from '../../platform/errors.js';
import { assertPassword, createLogin, listLogins, resetPassword, setLoginDisabled } from './logins.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function userId(db: AppDb, username: string): Promise<number> {
  const [u] = await query<{ user_id: number }>(db, sql`SELECT user_id FROM users WHERE username = ${username}`);
  if (!u) throw new AppError('NOT_FOUND', `no login named ${username}`);
  return u.user_id;
}

export function usersCommand(): Command {
  const users = new Command('users').description('logins of staff members');
  users
    .command('add <username>')
    .description('create a login; without --password-stdin it prints a one-time password (changed at first sign-in)')
    .addOption(new Option('--role <role>', 'the staff member’s role').choices(STAFF_ROLES).makeOptionMandatory())
    .option('--staff-id <id>', 'an existing staff member (default: a new staff record at the head office)')
    .option('--name <name>', 'the new staff record’s name (default: the username)')
    .option('--password-stdin', 'read the password from standard input instead of making a one-time one')
    .action(
      async (username: string, o: { role: StaffRole; staffId?: string; name?: string; passwordStdin?: boolean }) => {
        const password = o.passwordStdin ? await readStdin() : undefined;
        if (password !== undefined) assertPassword(password, username.toLowerCase());
        const h = await openMigrated();
        try {
          const r = await createLogin(h.db, { username, role: o.role, staffId: o.staffId, name: o.name, password });
          process.stdout.write(`created login ${r.username} for staff ${r.staffId} (${r.role})\n`);
          if (r.oneTimePassword)
            process.stdout.write(
              `one-time password (shown once; to be changed at first sign-in):\n${r.oneTimePassword}\n`,
            );
        } finally {
          await h.close();
        }
      },
    );
  users
    .command('list')
    .description('every login with its staff member')
    .action(async () => {
      const h = await openMigrated();
      try {
        for (const u of await listLogins(h.db))
          process.stdout.write(
            `${u.username.padEnd(16)} ${u.staffId.padEnd(10)} ${u.role.padEnd(18)} ${u.orgId.padEnd(8)} ${u.disabled ? 'disabled' : u.mustChangePassword ? 'one-time password' : 'active'}\n`,
          );
      } finally {
        await h.close();
      }
    });
  users
    .command('reset <username>')
    .description('a new one-time password; the user’s sessions end')
    .action(async (username: string) => {
      const h = await openMigrated();
      try {
        const r = await resetPassword(h.db, await userId(h.db, username), {});
        process.stdout.write(`one-time password for ${r.username} (shown once):\n${r.oneTimePassword}\n`);
      } finally {
        await h.close();
      }
    });
  users
    .command('disable <username>')
    .description('disable a login; its sessions end at once')
    .action(async (username: string) => {
      const h = await openMigrated();
      try {
        await setLoginDisabled(h.db, await userId(h.db, username), true, {});
        process.stdout.write(`disabled ${username}\n`);
      } finally {
        await h.close();
      }
    });
  return users;
}
