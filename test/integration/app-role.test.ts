/**
 * On PostgreSQL the server runs as a role that does not own the tables (docs/operations.md):
 * after `guanhu db grant --app-role R` the app role runs a night's batch and writes audit rows,
 * but cannot delete, change, truncate or switch off the audit trail. PostgreSQL only
 * (vitest.config.ts): the embedded database has no roles.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nightlySteps } from '../../src/modules.js';
import { writeAudit } from '../../src/platform/audit.js';
import { grantAppRole } from '../../src/platform/db/app-role.js';
import { openDatabase, type DbHandle } from '../../src/platform/db/client.js';
import { migrateDatabase } from '../../src/platform/db/migrate.js';
import { ensureDayPartition } from '../../src/platform/db/partitions.js';
import { runBatch } from '../../src/platform/jobs/run-batch.js';
import { ensureDefaultSettings } from '../../src/platform/settings-store.js';
import { seedDatabase } from '../../src/synth/index.js';

const url = process.env.DATABASE_URL!;
const tag = randomBytes(3).toString('hex');
const ownerRole = `guanhu_t_owner_${tag}`;
const appRole = `guanhu_t_app_${tag}`;
const dbName = `guanhu_t_roles_${tag}`;
const as = (role: string) => {
  const u = new URL(url);
  u.username = role;
  u.pathname = `/${dbName}`;
  return u.toString();
};
const admin = async (statements: string[]) => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (const s of statements) await c.query(s);
  } finally {
    await c.end();
  }
};

let owner: DbHandle;
let app: DbHandle;

beforeAll(async () => {
  await admin([`CREATE ROLE ${ownerRole} LOGIN CREATEROLE`, `CREATE DATABASE ${dbName} OWNER ${ownerRole}`]);
  owner = await openDatabase({ databaseUrl: as(ownerRole) });
  await migrateDatabase(owner);
  await ensureDefaultSettings(owner.db);
  await seedDatabase(owner, { scale: 'XS', seed: 5, asOf: '2026-11-20' });
  await owner.db.execute(sql.raw(`CREATE ROLE ${appRole} LOGIN`));
  await grantAppRole(owner.db, appRole);
  app = await openDatabase({ databaseUrl: as(appRole) });
}, 180_000);

afterAll(async () => {
  await app?.close();
  await owner?.close();
  await admin([
    `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`,
    `DROP ROLE IF EXISTS ${appRole}`,
    `DROP ROLE IF EXISTS ${ownerRole}`,
  ]);
});

const denied = (p: Promise<unknown>) =>
  p.then(
    () => 'allowed',
    (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message),
  );

describe('the app role', () => {
  it('starts without migrating (none pending) and runs a night’s batch, day tables and all', async () => {
    await migrateDatabase(app);
    await ensureDayPartition(app.db, 'holdings', '2026-11-21');
    await app.db.execute(sql`
      INSERT INTO holdings SELECT '2026-11-21', customer_id, account_id, product_id, balance_fen, maturity_date
      FROM holdings WHERE as_of_date = '2026-11-20'`);
    const [r] = await runBatch(app.db, nightlySteps, {});
    expect(r!.date).toBe('2026-11-21');
    expect(r!.steps.map((s) => s.name)).toEqual(['aum', 'tiers', 'org-tier', 'stewardship']);
  });

  it('appends to the audit log and reads it, but cannot delete, change, truncate or switch it off', async () => {
    await writeAudit(app.db, { action: 'login', entityType: 'user', entityId: 'hq01' });
    const count = async () =>
      ((await app.db.execute(sql`SELECT count(*)::int AS n FROM audit_log`)) as unknown as { rows: { n: number }[] })
        .rows[0]!.n;
    const before = await count();
    expect(await denied(app.db.execute(sql`DELETE FROM audit_log`))).toMatch(/permission denied for table audit_log/);
    expect(await denied(app.db.execute(sql`UPDATE audit_log SET reason = 'x'`))).toMatch(/permission denied/);
    expect(await denied(app.db.execute(sql`TRUNCATE audit_log`))).toMatch(/permission denied/);
    expect(await denied(app.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER ALL`))).toMatch(
      /must be owner of table audit_log/,
    );
    expect(await denied(app.db.execute(sql`DROP TABLE audit_log`))).toMatch(/must be owner/);
    expect(before).toBeGreaterThan(0);
    expect(await count()).toBe(before);
  });

  it('says who must migrate when a migration is pending', async () => {
    await owner.db.execute(
      sql`DELETE FROM drizzle.__drizzle_migrations WHERE id = (SELECT max(id) FROM drizzle.__drizzle_migrations)`,
    );
    await expect(migrateDatabase(app)).rejects.toThrow(
      /1 database migration\(s\) are pending .* run `guanhu db migrate` as the owner/,
    );
  });
});
