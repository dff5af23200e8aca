import { Command, Option } from 'commander';
import { seedDatabase, type Scale } from '../synth/index.js';
import { writeAudit } from '../platform/audit.js';
import { addDays, shanghaiDate } from '../domain/dates.js';
import { describeDb, openMigrated, parseDate } from '../platform/cli.js';
import { progressReporter } from '../platform/progress.js';

export const scaleOption = () =>
  new Option('--scale <scale>', 'bank size: XS (tests, 2k customers), S (20 outlets, 50k), M (200 outlets, 1M)')
    .choices(['XS', 'S', 'M'])
    .default('S');
export const seedOption = () =>
  new Option('--seed <n>', 'random seed: the same seed gives the same bank').default('1').argParser(parseSeed);
export const asOfOption = () =>
  new Option(
    '--as-of <date>',
    'business date of the latest day (YYYY-MM-DD); default yesterday in Asia/Shanghai',
  ).argParser(parseDate);

export function parseSeed(v: string): string {
  if (!/^\d{1,9}$/.test(v)) throw new Error(`--seed must be a whole number, got "${v}"`);
  return v;
}
export const defaultAsOf = () => addDays(shanghaiDate(new Date()), -1);

export function seedCommand(): Command {
  return new Command('seed')
    .description(
      'build a deterministic synthetic bank in an empty database (org, staff, logins, products, customers, holdings, relationships, contacts)',
    )
    .addOption(scaleOption())
    .addOption(seedOption())
    .addOption(asOfOption())
    .action(async (o: { scale: Scale; seed: string; asOf?: string }) => {
      const h = await openMigrated();
      const progress = progressReporter();
      try {
        const asOf = o.asOf ?? defaultAsOf();
        process.stderr.write(`seeding a scale ${o.scale} bank (seed ${o.seed}, as of ${asOf}) into ${describeDb(h)}\n`);
        const summary = await seedDatabase(h, {
          scale: o.scale,
          seed: Number(o.seed),
          asOf,
          onProgress: (p) => progress.update(p),
        });
        progress.stop();
        await writeAudit(h.db, {
          action: 'seed',
          entityType: 'database',
          entityId: h.location,
          after: { scale: o.scale, seed: Number(o.seed), asOf },
        });
        process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      } finally {
        progress.stop();
        await h.close();
      }
    });
}
