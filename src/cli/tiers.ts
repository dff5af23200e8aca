/**
 * `guanhu tiers export --date YYYY-MM-DD`: the day's tier of every customer as CSV on stdout
 * (customer_id,tier,band,month_avg_aum,daily_aum; yuan with 2 decimals), streamed.
 */
import { once } from 'node:events';
import { Command, Option } from 'commander';
import { exportTiers } from '../features/tiering/export-tiers.js';
import { parseDate } from './seed.js';
import { openMigrated } from './run.js';

async function writeOut(chunk: string): Promise<void> {
  // respect back-pressure: a million rows piped into a slow consumer must not pile up in memory
  if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
}

export function tiersCommand(): Command {
  const exportCmd = new Command('export')
    .description('CSV of every customer’s tier, band, month-average and daily AUM on a processed date')
    .addOption(new Option('--date <date>', 'business date YYYY-MM-DD').argParser(parseDate).makeOptionMandatory())
    .action(async (o: { date: string }) => {
      // `| head` closing the pipe is not an error: stop quietly
      process.stdout.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') process.exit(0);
        throw err;
      });
      const h = await openMigrated();
      try {
        await exportTiers(h, o.date, writeOut);
      } finally {
        await h.close();
      }
    });
  return new Command('tiers').description('tier reports').addCommand(exportCmd);
}
