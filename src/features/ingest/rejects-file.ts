/**
 * The rejects file of one import_files row, for download: only a file inside the imports
 * root (<GUANHU_DATA_DIR>/imports) is served, whatever path the row names; none is NOT_FOUND.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { CONFIG_ROLES, requireRole } from '../../platform/auth/roles.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { query } from '../../platform/db/query.js';

export async function rejectsFile(
  ctx: Ctx,
  actor: Actor,
  input: { id: number; dataDir: string; ip?: string },
): Promise<{ path: string; downloadName: string; bytes: number }> {
  requireRole(actor, CONFIG_ROLES, 'import rejects');
  const [row] = await query<{ file_name: string; rejects_path: string | null; rows_rejected: number }>(
    ctx.db,
    sql`SELECT file_name, rejects_path, rows_rejected FROM import_files WHERE id = ${input.id}`,
  );
  const none = () =>
    new AppError('NOT_FOUND', `import file ${input.id} has no rejects file`, {
      details: { reason: 'no_rejects' },
    });
  if (!row?.rejects_path) throw none();
  const root = resolve(input.dataDir, 'imports');
  const path = resolve(row.rejects_path);
  if (!existsSync(path) || !existsSync(root)) throw none();
  const real = realpathSync(path);
  if (!real.startsWith(realpathSync(root) + sep) || !statSync(real).isFile()) throw none();
  await writeAudit(ctx.db, {
    action: 'export',
    entityType: 'import_rejects',
    entityId: String(input.id),
    actorUserId: actor.userId,
    actorStaffId: actor.staffId,
    ip: input.ip ?? null,
    rows: Number(row.rows_rejected),
  });
  return {
    path: real,
    downloadName: `${row.file_name.replace(/\.csv$/i, '')}.rejects.csv`,
    bytes: statSync(real).size,
  };
}
