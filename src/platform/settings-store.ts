/**
 * Versioned bank configuration. The highest version is in force; a change inserts a new version
 * and writes an audit row in the same transaction. A change made from what a user read names the
 * version it was read at, and is refused (CONFLICT, 409) when another has been saved since, so
 * two head-office users editing at once cannot silently undo each other.
 */
import { desc } from 'drizzle-orm';
import { DEFAULT_SETTINGS, settingsSchema, settingsToJson, type Settings } from '../domain/settings.js';
import { settings } from './db/schema.js';
import type { AppDb } from './db/client.js';
import { writeAudit } from './audit.js';
import { AppError } from './errors.js';

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

/** What a refused stale write tells the client: the version now in force, to reload. */
export interface SettingsConflictDetails {
  currentVersion: number;
}

const staleVersion = (expected: number, current: number) =>
  new AppError('CONFLICT', `settings version ${expected} is stale: version ${current} is in force`, {
    userMessage: `Someone else saved a newer version of the settings (v${current}); reload them and try again`,
    details: { currentVersion: current } satisfies SettingsConflictDetails,
  });

/** A unique violation anywhere in the error's cause chain (drizzle wraps the driver's error). */
function isUniqueViolation(e: unknown): boolean {
  for (let x = e; x && typeof x === 'object'; x = (x as { cause?: unknown }).cause) {
    if ((x as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * Saves `input` as the next version. `expectedVersion`: the version the change was made from;
 * when given and no longer the highest, nothing is saved and CONFLICT carries the current version.
 */
export async function saveSettings(
  db: AppDb,
  input: unknown,
  actor: { userId: number; staffId: string },
  note?: string,
  expectedVersion?: number,
): Promise<VersionedSettings> {
  const value = settingsSchema.parse(input);
  try {
    return await insertVersion(db, value, actor, note, expectedVersion);
  } catch (e) {
    // Two saves of the same version at once on PostgreSQL: both read N, the second's N + 1
    // collides with the first's on the primary key. It lost the race, like a stale write.
    if (expectedVersion !== undefined && isUniqueViolation(e))
      throw staleVersion(expectedVersion, (await loadSettings(db)).version);
    throw e;
  }
}

async function insertVersion(
  db: AppDb,
  value: Settings,
  actor: { userId: number; staffId: string },
  note: string | undefined,
  expectedVersion: number | undefined,
): Promise<VersionedSettings> {
  return db.transaction(async (tx) => {
    const current = await loadSettings(tx as unknown as AppDb);
    if (expectedVersion !== undefined && current.version !== expectedVersion)
      throw staleVersion(expectedVersion, current.version);
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
