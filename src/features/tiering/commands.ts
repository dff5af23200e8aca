/**
 * `guanhu tiers export --date YYYY-MM-DD`: the day's tier of every customer as CSV on stdout
 * (customer_id,tier,band,month_avg_aum,daily_aum; yuan with 2 decimals), streamed.
 */
import { Command, Option } from 'commander';
import { exitQuietlyOnEpipe, openMigrated, parseDate, writeOut } from '../../platform/cli.js';
import { exportTiers } from './export-tiers.js';

export function tiersCommand(): Command {
  const exportCmd = new Command('export')
    .description('CSV of every customer’s tier, band, month-average and daily AUM on a processed date')
    .addOption(new Option('--date <date>', 'business date YYYY-MM-DD').argParser(parseDate).makeOptionMandatory())
    .action(async (o: { date: string }) => {
      exitQuietlyOnEpipe();
      const h = await openMigrated();
      try {
        await exportTiers(h, o.date, writeOut);
      } finally {
        await h.close();
      }
    });
  return new Command('tiers').description('tier reports').addCommand(exportCmd);
}
