/**
 * `guanhu assign plan|export|apply` (issue 11). Output shapes are read by tools outside the repo:
 *   plan   → JSON { batchId, kind, orgId, asOfDate, status, proposals[], unassigned[] (with reasons), objective, applied, … }
 *   export → CSV  customer_id,from_staff_id,to_staff_id,reason
 *   apply  → JSON { batchId, status, approved, applied }
 * The command line acts for the whole bank as `cli:<os user>`; plan and apply hold the pipeline
 * lock, so neither reads a night's stewardship state while the batch rewrites it.
 */
import { Command, Option } from 'commander';
import { openMigrated, parseDate, PIPELINE_LOCK, writeOut } from '../../platform/cli.js';
import { systemClock, type Ctx } from '../../platform/context.js';
import type { DbHandle } from '../../platform/db/client.js';
import { createLogger } from '../../platform/log.js';
import { applyBatch } from './apply-batch.js';
import { exportBatchCsv } from './get-batch.js';
import { cliOperator } from './operator.js';
import { planBatch } from './plan-batch.js';

async function withCtx<T>(fn: (ctx: Ctx, h: DbHandle) => Promise<T>): Promise<T> {
  const h = await openMigrated();
  try {
    return await fn({ db: h.db, handle: h, log: createLogger('silent'), clock: systemClock }, h);
  } finally {
    await h.close();
  }
}

export function assignCommand(): Command {
  const assign = new Command('assign').description('plan, export and apply stewardship reassignments');
  assign
    .command('plan')
    .description(
      'plan a reassignment batch: customers needing an RM (unmanaged, RM left, wrong role, idle) get an optimal proposal; prints JSON (batchId, proposals, unassigned, objective); applies at once under an auto_apply policy',
    )
    .addOption(
      new Option('--date <date>', 'business date YYYY-MM-DD (default: the current AUM date)').argParser(parseDate),
    )
    .option('--org <org>', 'only customers homed in this org subtree (default: the whole bank)')
    .option('--from-staff <staff>', 'transfer a leaving RM’s book instead: their customers, never back to them')
    .action(async (o: { date?: string; org?: string; fromStaff?: string }) => {
      const out = await withCtx((ctx, h) =>
        h.withJobLock(PIPELINE_LOCK, () =>
          planBatch(ctx, cliOperator(), { date: o.date, orgId: o.org, fromStaffId: o.fromStaff }),
        ),
      );
      await writeOut(`${JSON.stringify(out, null, 2)}\n`);
    });
  assign
    .command('export')
    .description('print a batch as CSV: customer_id,from_staff_id,to_staff_id,reason (audited)')
    .requiredOption('--batch <id>', 'the batch id')
    .action(async (o: { batch: string }) => {
      const csv = await withCtx((ctx) => exportBatchCsv(ctx, cliOperator(), o.batch));
      await writeOut(csv);
    });
  assign
    .command('apply')
    .description(
      'apply a batch in one transaction. Proposals still undecided are approved by the CLI operator (cli:<os user>, audited); rejected and stale ones never apply; a batch already applied changes nothing. Refused (exit 1, nothing applied) when a customer, RM or cap changed since planning or an RM would pass their cap',
    )
    .requiredOption('--batch <id>', 'the batch id')
    .action(async (o: { batch: string }) => {
      const out = await withCtx((ctx, h) =>
        h.withJobLock(PIPELINE_LOCK, () => applyBatch(ctx, cliOperator(), o.batch)),
      );
      await writeOut(`${JSON.stringify(out, null, 2)}\n`);
    });
  return assign;
}
