/**
 * `guanhu batch run [--date YYYY-MM-DD] [--only STEP]`: the nightly batch, every module's steps
 * (src/modules.ts) in the order of their `after` lists. Without --date it runs every loaded, not
 * yet processed date in order; with --date that date and every processed date after it. --only
 * runs one step and the steps after it on processed dates. Each step prints as it finishes, with
 * its rows and time. `guanhu batch steps` lists the steps in the order they run.
 */
import { Command, Option } from 'commander';
import { nightlySteps } from '../modules.js';
import { describeDb, openMigrated, parseDate, PIPELINE_LOCK } from '../platform/cli.js';
import { loadConfig } from '../platform/config.js';
import { orderSteps } from '../platform/jobs/order-steps.js';
import { batchSessions, runBatch } from '../platform/jobs/run-batch.js';

export function batchCommand(): Command {
  const stepNames = orderSteps(nightlySteps).map((s) => s.name);
  const run = new Command('run')
    .description('run the nightly batch: every module’s steps for each date (see `guanhu batch steps`)')
    .addOption(
      new Option('--date <date>', 'business date YYYY-MM-DD (also re-runs every later processed date)').argParser(
        parseDate,
      ),
    )
    .addOption(
      new Option(
        '--only <step>',
        'run only this step and the steps after it, on processed dates (default: the current business date)',
      ).choices(stepNames),
    )
    .action(async (o: { date?: string; only?: string }) => {
      const config = loadConfig();
      const h = await openMigrated(config);
      try {
        process.stderr.write(`batch on ${describeDb(h)}\n`);
        const results = await h.withJobLock(PIPELINE_LOCK, () =>
          runBatch(h.db, nightlySteps, {
            date: o.date,
            only: o.only,
            workers: batchSessions(h, config.batchWorkers),
            onPlan: (dates, steps) =>
              process.stderr.write(
                dates.length
                  ? `dates: ${dates.join(', ')}\nsteps: ${steps.map((s) => s.name).join(' → ')}\n`
                  : 'nothing to do: every loaded date is processed\n',
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

  const steps = new Command('steps').description('list the nightly steps in the order they run').action(() => {
    for (const [i, s] of orderSteps(nightlySteps).entries()) {
      const after = s.after?.length ? `after ${s.after.join(', ')}` : 'first';
      const when = s.whenLabel ? `; ${s.whenLabel} only` : '';
      process.stdout.write(`${String(i + 1).padStart(2)}. ${s.name.padEnd(12)} ${s.description} (${after}${when})\n`);
    }
  });
  return new Command('batch').description('nightly batch').addCommand(run).addCommand(steps);
}
