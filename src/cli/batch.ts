/**
 * `guanhu batch run [--date YYYY-MM-DD]`: the nightly batch. Without --date it runs every
 * loaded, not yet processed date in order; with --date that date and every processed date after
 * it. Each step prints as it finishes, with its rows and time.
 */
import { Command, Option } from 'commander';
import { aumWorkers } from '../features/tiering/build-aum-day.js';
import { runBatch } from '../features/tiering/run-batch.js';
import { loadConfig } from '../platform/config.js';
import { parseDate } from './seed.js';
import { describeDb, openMigrated, PIPELINE_LOCK } from './run.js';

export function batchCommand(): Command {
  const run = new Command('run')
    .description('run the nightly batch (AUM + 积数, tiers, monthly close, per-outlet tier counts)')
    .addOption(
      new Option('--date <date>', 'business date YYYY-MM-DD (also re-runs every later processed date)').argParser(
        parseDate,
      ),
    )
    .action(async (o: { date?: string }) => {
      const config = loadConfig();
      const h = await openMigrated(config);
      try {
        process.stderr.write(`batch on ${describeDb(h)}\n`);
        const results = await h.withJobLock(PIPELINE_LOCK, () =>
          runBatch(h.db, {
            date: o.date,
            workers: aumWorkers(h, config.batchWorkers),
            onPlan: (dates) =>
              process.stderr.write(
                dates.length ? `dates: ${dates.join(', ')}\n` : 'nothing to do: every loaded date is processed\n',
              ),
            onStep: (date, s) =>
              process.stdout.write(
                `${date}  ${s.name.padEnd(8)} ${String(s.rows).padStart(9)} rows ${String(s.ms).padStart(7)} ms${s.detail ? `  (${s.detail})` : ''}\n`,
              ),
          }),
        );
        for (const r of results) process.stdout.write(`${r.date}  done: ${r.runId} (settings v${r.settingsVersion})\n`);
      } finally {
        await h.close();
      }
    });
  return new Command('batch').description('nightly batch').addCommand(run);
}
