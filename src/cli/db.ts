import { Command } from 'commander';
import { describeDb, openMigrated } from '../platform/cli.js';

export function dbCommand(): Command {
  const db = new Command('db').description('database maintenance');
  db.command('migrate')
    .description(
      'apply every committed SQL migration not yet applied (also done by every command that needs the database)',
    )
    .action(async () => {
      const h = await openMigrated();
      process.stdout.write(`migrated ${describeDb(h)}\n`);
      await h.close();
    });
  return db;
}
