/**
 * Versioned bank configuration. The highest version is in force; a change inserts a new version
 * and writes an audit row in the same transaction.
 */
import { desc } from 'drizzle-orm';
import { DEFAULT_SETTINGS, settingsSchema, settingsToJson, type Settings } from '../domain/settings.js';
import { settings } from './db/schema.js';
import type { AppDb } from './db/client.js';
import { writeAudit } from './audit.js';

export interface VersionedSettings {
  version: number;
  value: Settings;
}

export async function loadSettings(db: AppDb): Promise<VersionedSettings> {
  const [row] = await db.select().from(settings).orderBy(desc(settings.version)).limit(1);
  if (!row) return { version: 0, value: DEFAULT_SETTINGS };
  return { version: row.version, value: settingsSchema.parse(row.value) };
}

/** Makes sure version 1 (the DOMAIN.md defaults) exists. */
export async function ensureDefaultSettings(db: AppDb): Promise<void> {
  await db
    .insert(settings)
    .values({ version: 1, value: settingsToJson(DEFAULT_SETTINGS), note: 'defaults from DOMAIN.md' })
    .onConflictDoNothing();
}

export async function saveSettings(
  db: AppDb,
  input: unknown,
  actor: { userId: number; staffId: string },
  note?: string,
): Promise<VersionedSettings> {
  const value = settingsSchema.parse(input);
  return db.transaction(async (tx) => {
    const current = await loadSettings(tx as unknown as AppDb);
    const version = current.version + 1;
    await tx.insert(settings).values({ version, value: settingsToJson(value), createdByUserId: actor.userId, note });
    await writeAudit(tx as unknown as AppDb, {
      action: 'settings_change',
      entityType: 'settings',
      entityId: String(version),
      actorUserId: actor.userId,
      actorStaffId: actor.staffId,
      reason: note,
      before: settingsToJson(current.value),
      after: settingsToJson(value),
      ruleVersion: version,
    });
    return { version, value };
  });
}
