/**
 * Every version of the bank settings, newest first: who saved it, when, their note, and what it
 * changed from the version before (src/domain/settings-diff.ts). Versions are compared as they
 * apply, each stored row completed with the defaults like loadSettings does, so a field an older
 * row lacked shows as a change only when the newer version holds another value. Head office and
 * admin, like the settings themselves.
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { CONFIG_ROLES, requireRole } from '../../platform/auth/roles.js';
import { query } from '../../platform/db/query.js';
import { isoLocal } from '../../platform/db/sql-literal.js';
import { settingsSchema, settingsToJson } from '../../domain/settings.js';
import { diffSettings, type Json } from '../../domain/settings-diff.js';

export async function listSettingsHistory(ctx: Ctx, actor: Actor) {
  requireRole(actor, CONFIG_ROLES, 'the settings history');
  const rows = await query<{
    version: number;
    value: unknown;
    created_at: string;
    note: string | null;
    user_id: number | null;
    username: string | null;
    staff_id: string | null;
    name: string | null;
  }>(
    ctx.db,
    sql`SELECT s.version, s.value, ${isoLocal('s.created_at')} AS created_at, s.note,
               u.user_id, u.username, st.staff_id, st.name
        FROM settings s
        LEFT JOIN users u ON u.user_id = s.created_by_user_id
        LEFT JOIN staff st ON st.staff_id = u.staff_id
        ORDER BY s.version`,
  );
  const values = rows.map((r) => settingsToJson(settingsSchema.parse(r.value)) as unknown as Json);
  const items = rows.map((r, i) => ({
    version: Number(r.version),
    createdAt: String(r.created_at),
    by:
      r.user_id == null
        ? null
        : { userId: Number(r.user_id), username: String(r.username), staffId: r.staff_id, name: r.name },
    note: r.note,
    previousVersion: i > 0 ? Number(rows[i - 1]!.version) : null,
    changes: i > 0 ? diffSettings(values[i - 1], values[i]) : [],
  }));
  return { items: items.reverse() };
}
