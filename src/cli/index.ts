/**
 * The `guanhu` command line. Each command lives in its own file; this one only wires them.
 */
import { Command } from 'commander';
import { dbCommand } from './db.js';
import { seedCommand } from './seed.js';
import { generateCommand } from './generate.js';
import { serveCommand, startCommand } from './serve.js';
import { batchCommand } from './batch.js';
import { modules } from '../modules.js';
import { runCli } from './run.js';

const program = new Command()
  .name('guanhu')
  .description(
    'Guanhu (管户): tiered personal-customer stewardship for retail banks.\n' +
      'Database: PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in GUANHU_DATA_DIR (default ./.guanhu/data).',
  )
  .showHelpAfterError()
  .addCommand(dbCommand())
  .addCommand(seedCommand())
  .addCommand(generateCommand())
  .addCommand(batchCommand())
  .addCommand(serveCommand())
  .addCommand(startCommand());

// each module's own commands (e.g. `tiers export` from tiering)
for (const m of modules) for (const c of m.commands?.() ?? []) program.addCommand(c);

await runCli(program);
