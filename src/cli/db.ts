import { Command } from 'commander';
import { describeDb, openMigrated } from '../platform/cli.js';
import { grantAppRole } from '../platform/db/app-role.js';

export function dbCommand(): Command {
  const db = new Command('db').description('database maintenance');
  db.command('migrate')
    .description(
      'apply every committed SQL migration not yet applied (also done by every command that needs the database)',
    )
    .action(async () => {
      const h = await openMigrated();
      try {
        process.stdout.write(`migrated ${describeDb(h)}\n`);
        const role = process.env.GUANHU_APP_ROLE?.trim();
        if (role && h.kind === 'postgres') {
          const r = await grantAppRole(h.db, role);
          process.stdout.write(`granted ${role} its privileges (${r.reowned} day tables handed over)\n`);
        }
      } finally {
        await h.close();
      }
    });
  db.command('grant')
    .description(
      'PostgreSQL, as the owner of the tables: give the app role the server runs as its privileges (append-only audit log, docs/operations.md)',
    )
    .requiredOption('--app-role <role>', 'the role the server and the jobs connect as')
    .action(async (o: { appRole: string }) => {
      const h = await openMigrated();
      try {
        if (h.kind !== 'postgres') throw new Error('db grant is for PostgreSQL; the embedded database has no roles');
        const r = await grantAppRole(h.db, o.appRole);
        process.stdout.write(
          `granted ${o.appRole} its privileges on ${describeDb(h)} (${r.reowned} day tables handed over)\n`,
        );
      } finally {
        await h.close();
      }
    });
  return db;
}
