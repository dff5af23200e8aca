import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshDb, type TestDb } from '../support/db.js';
import { query } from '../../src/platform/db/query.js';
import { migrateDatabase } from '../../src/platform/db/migrate.js';
import { writeAudit } from '../../src/platform/audit.js';
import { loadSettings, saveSettings } from '../../src/platform/settings-store.js';
import { DEFAULT_SETTINGS, settingsToJson } from '../../src/domain/settings.js';
import { settings } from '../../src/platform/db/schema.js';

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
  await t.handle.db.execute(
    sql`INSERT INTO org_units VALUES ('HO', NULL, 'head_office', '总行', '/HO/', 0), ('OT1', 'HO', 'outlet', '网点', '/HO/OT1/', 1)`,
  );
  await t.handle.db.execute(
    sql`INSERT INTO staff (staff_id, org_id, name, role) VALUES ('S1', 'HO', '管理员', 'admin')`,
  );
  await t.handle.db.execute(sql`INSERT INTO users (username, password_hash, staff_id) VALUES ('admin', 'x', 'S1')`);
});
afterAll(async () => t?.drop());

describe('schema and migrations', () => {
  it('re-applying migrations is a no-op', async () => {
    await expect(migrateDatabase(t.handle)).resolves.toBeUndefined();
  });

  it('keeps the audit log append-only', async () => {
    await writeAudit(t.handle.db, { action: 'export', entityType: 'customers', entityId: 'list', rows: 3 });
    await expect(t.handle.db.execute(sql`UPDATE audit_log SET reason = 'x'`)).rejects.toThrow();
    await expect(t.handle.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    const rows = await query(t.handle.db, sql`SELECT action FROM audit_log`);
    expect(rows).toHaveLength(1);
  });

  it('enforces enums and money constraints in SQL', async () => {
    await expect(
      t.handle.db.execute(sql`INSERT INTO staff (staff_id, org_id, name, role) VALUES ('S2', 'HO', 'x', 'boss')`),
    ).rejects.toThrow();
    await t.handle.db.execute(sql`INSERT INTO customers (customer_id, name, home_org_id) VALUES ('C1', '张三', 'OT1')`);
    await t.handle.db.execute(
      sql`INSERT INTO products (product_id, name, category, asset_class, risk_rating) VALUES ('P1', '活期', 'demand_deposit', 'cash', 'R1')`,
    );
    await expect(
      t.handle.db.execute(sql`INSERT INTO holdings VALUES ('2026-11-20', 'C1', 'A1', 'P1', -1, NULL)`),
    ).rejects.toThrow();
    await expect(
      t.handle.db.execute(sql`INSERT INTO org_units VALUES ('X', NULL, 'outlet', 'orphan', '/X/', 0)`),
    ).rejects.toThrow();
  });

  it('allows only one open primary RM per customer', async () => {
    await t.handle.db.execute(
      sql`INSERT INTO staff (staff_id, org_id, name, role) VALUES ('R1', 'OT1', '王芳', 'rm'), ('R2', 'OT1', '李雷', 'rm')`,
    );
    await t.handle.db.execute(
      sql`INSERT INTO relationships (customer_id, staff_id, started_on) VALUES ('C1', 'R1', '2026-01-01')`,
    );
    await expect(
      t.handle.db.execute(
        sql`INSERT INTO relationships (customer_id, staff_id, started_on) VALUES ('C1', 'R2', '2026-02-01')`,
      ),
    ).rejects.toThrow();
  });
});

describe('settings', () => {
  it('starts at the DOMAIN.md defaults and versions every change with an audit row', async () => {
    const v1 = await loadSettings(t.handle.db);
    expect(v1.version).toBe(1);
    expect(v1.value.tiers.floorsFen.premium).toBe(5_000_000n);
    const next = settingsToJson(DEFAULT_SETTINGS);
    next.stewardship.capacity.rm = 350;
    const saved = await saveSettings(t.handle.db, next, { userId: 1, staffId: 'S1' }, 'smaller books');
    expect(saved.version).toBe(2);
    expect((await loadSettings(t.handle.db)).value.stewardship.capacity.rm).toBe(350);
    const audit = await query<{ rule_version: number; reason: string }>(
      t.handle.db,
      sql`SELECT rule_version, reason FROM audit_log WHERE action = 'settings_change'`,
    );
    expect(audit).toEqual([{ rule_version: 2, reason: 'smaller books' }]);
  });

  it('rejects floors that do not increase', async () => {
    const bad = settingsToJson(DEFAULT_SETTINGS);
    bad.tiers.floorsFen.wealth = '100';
    await expect(saveSettings(t.handle.db, bad, { userId: 1, staffId: 'S1' })).rejects.toThrow(/strictly increasing/);
  });

  it('refuses a save from a stale version, naming the current one', async () => {
    const { version } = await loadSettings(t.handle.db);
    const json = settingsToJson(DEFAULT_SETTINGS);
    await expect(
      saveSettings(t.handle.db, json, { userId: 1, staffId: 'S1' }, 'stale', version - 1),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { currentVersion: version } });
    expect((await loadSettings(t.handle.db)).version).toBe(version);
  });

  // PostgreSQL only: PGlite runs one transaction at a time, so the interleaving cannot happen there
  // (the test exists in the integration-postgres project only)
  (process.env.GUANHU_TEST_DB === 'postgres' ? it : () => undefined)(
    'refuses it too when another save commits the same version between our read and our write',
    async () => {
      const { version } = await loadSettings(t.handle.db);
      const json = settingsToJson(DEFAULT_SETTINGS);
      let commit!: () => void;
      const open = new Promise<void>((r) => (commit = r));
      const other = t.handle.db.transaction(async (tx) => {
        await tx.insert(settings).values({ version: version + 1, value: json, note: 'the other save' });
        await open;
      });
      await new Promise((r) => setTimeout(r, 100));
      // ours reads `version` (the other's row is not committed) and waits on the primary key
      const ours = saveSettings(t.handle.db, json, { userId: 1, staffId: 'S1' }, 'ours', version);
      await new Promise((r) => setTimeout(r, 100));
      commit();
      await other;
      await expect(ours).rejects.toMatchObject({ code: 'CONFLICT', details: { currentVersion: version + 1 } });
    },
  );
});

describe('job lock', () => {
  it('lets one import or batch run at a time on PostgreSQL, and frees the lock after', async () => {
    const h = t.handle;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = h.withJobLock('import/batch', () => held.then(() => 'first'));
    // let the first job take its lock before the second asks
    await new Promise((r) => setTimeout(r, 100));
    const second = h.withJobLock('import/batch', async () => 'second');
    if (h.kind === 'postgres')
      await expect(second).rejects.toThrow(/another import\/batch job is running on this database/);
    else expect(await second).toBe('second'); // PGlite: one process owns the data directory
    release();
    expect(await first).toBe('first');
    expect(await h.withJobLock('import/batch', async () => 'again')).toBe('again');
  });

  it('frees the lock when the job fails', async () => {
    await expect(t.handle.withJobLock('import/batch', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await t.handle.withJobLock('import/batch', async () => 'ok')).toBe('ok');
  });
});
