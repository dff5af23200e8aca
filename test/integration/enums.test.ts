/**
 * The SQL enums are built from src/domain/enums.ts; the migrations create them. A value added to
 * a domain list without its migration (or the other way round) fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { isPgEnum, type PgEnum } from 'drizzle-orm/pg-core';
import { freshDb, type TestDb } from '../support/db.js';
import { query } from '../../src/platform/db/query.js';
import * as schema from '../../src/platform/db/schema.js';

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(async () => t?.drop());

const pgEnums: PgEnum<[string, ...string[]]>[] = Object.values(schema as Record<string, unknown>).filter(isPgEnum);

describe('SQL enums', () => {
  it('are found in the schema', () => expect(pgEnums.length).toBeGreaterThanOrEqual(17));

  it.each(pgEnums.map((e) => [e.enumName, e] as const))(
    '%s in the migrated database has the domain values, in order',
    async (name, e) => {
      const rows = await query<{ v: string }>(
        t.handle.db,
        sql`SELECT e.enumlabel AS v FROM pg_enum e JOIN pg_type ty ON ty.oid = e.enumtypid
            WHERE ty.typname = ${name} ORDER BY e.enumsortorder`,
      );
      expect(rows.map((r) => r.v)).toEqual([...e.enumValues]);
    },
  );
});
