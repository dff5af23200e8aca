import { Command } from 'commander';
import { generateFiles, type Scale } from '../synth/index.js';
import { asOfOption, defaultAsOf, scaleOption, seedOption } from './seed.js';
import { progressReporter } from '../platform/progress.js';

export function generateCommand(): Command {
  return new Command('generate')
    .description(
      'write the synthetic bank as daily files in the data-format contract (org, staff, products, customers, relationships, holdings/transactions/contacts/complaints per day)',
    )
    .addOption(scaleOption())
    .addOption(seedOption())
    .addOption(asOfOption())
    .option(
      '--days <n>',
      'number of daily files ending at --as-of',
      (v) => {
        if (!/^\d{1,3}$/.test(v) || Number(v) < 1) throw new Error(`--days must be a whole number from 1, got "${v}"`);
        return v;
      },
      '1',
    )
    .requiredOption('--out <dir>', 'output folder (created if missing)')
    .action(async (o: { scale: Scale; seed: string; asOf?: string; days: string; out: string }) => {
      const progress = progressReporter();
      try {
        const res = await generateFiles({
          scale: o.scale,
          seed: Number(o.seed),
          asOf: o.asOf ?? defaultAsOf(),
          days: Number(o.days),
          outDir: o.out,
          onProgress: (p) => progress.update(p),
        });
        progress.stop();
        process.stdout.write(`wrote ${res.files.length} files, ${res.rows} rows, to ${o.out}\n`);
      } finally {
        progress.stop();
      }
    });
}
