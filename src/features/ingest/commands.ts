/**
 * `guanhu import <dir-or-file>`: loads daily contract files, prints one summary line per file,
 * exits 1 when any file failed as a whole (rejected rows alone do not fail a file).
 */
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { importPath } from './import-path.js';
import { reasonText } from './reject-summary.js';
import type { FileResult } from './types.js';
import { describeDb, openMigrated, parseDate, PIPELINE_LOCK } from '../../platform/cli.js';
import { loadConfig } from '../../platform/config.js';
import { progressReporter } from '../../platform/progress.js';

export function importCommand(): Command {
  return new Command('import')
    .description(
      'load daily files (a folder in contract order, or one file); bad rows are rejected into a report, the rest load',
    )
    .argument('<path>', 'a folder of contract files, or one file')
    .addOption(new Option('--date <date>', 'business date for undated file names (YYYY-MM-DD)').argParser(parseDate))
    .addOption(new Option('--encoding <encoding>', 'file encoding (default: detected)').choices(['utf8', 'gbk']))
    .option('--report-dir <dir>', 'where reports go (default <GUANHU_DATA_DIR>/imports/<run-id>/)')
    .option(
      '--accept-shrink',
      'load a holdings file even when it is much smaller than the previous day (audited with the figures)',
    )
    .action(
      async (
        path: string,
        o: { date?: string; encoding?: 'utf8' | 'gbk'; reportDir?: string; acceptShrink?: boolean },
      ) => {
        const h = await openMigrated();
        const progress = progressReporter();
        try {
          process.stderr.write(`importing ${path} into ${describeDb(h)}\n`);
          // one import or batch at a time: a batch reading a day while its holdings are replaced
          // would mix two files in one day's figures
          const res = await h.withJobLock(PIPELINE_LOCK, () =>
            importPath(h, path, { ...o, reportRoot: importReportRoot() }, (p) => progress.update(p)),
          );
          progress.stop();
          for (const s of res.skipped) process.stderr.write(`warning: ${s}: not a contract file name, skipped\n`);
          for (const f of res.files) process.stdout.write(`${summary(f)}\n`);
          if (res.files.length === 0) process.stderr.write(`warning: no contract files in ${path}\n`);
          process.exitCode = res.files.some((f) => f.status === 'failed') ? 1 : 0;
        } finally {
          progress.stop();
          await h.close();
        }
      },
    );
}

/** Reports live with the data they describe: <GUANHU_DATA_DIR>/imports. */
export function importReportRoot(): string {
  return join(loadConfig().dataDir, 'imports');
}

export function summary(f: FileResult): string {
  const reasons = f.topReasons.length ? ` (${f.topReasons.map(reasonText).join('; ')})` : '';
  if (f.status === 'failed') {
    const figures = f.read
      ? ` (read ${f.read}, rejected ${f.rejected}${reasons ? `: ${reasons.slice(2, -1)}` : ''})`
      : '';
    return `${f.file}: failed: ${f.message}${figures}`;
  }
  if (f.status === 'unchanged') return `${f.file}: unchanged (already loaded), read ${f.read}`;
  const warn = f.warnings.length ? `; ${f.warnings.join('; ')}` : '';
  return `${f.file}: read ${f.read}, loaded ${f.loaded}, rejected ${f.rejected}${reasons} (report: ${f.reportPath})${warn}`;
}
