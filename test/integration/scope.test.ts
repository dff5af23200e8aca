/**
 * Org scope is one rule asked two ways: orgSubtreeCondition in SQL (lists, counts) and
 * orgPathInScope in TypeScript (the cached population groups). Both must give every actor the
 * same org nodes, including ids whose characters mean something to LIKE.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshDb, type TestDb } from '../support/db.js';
import { query } from '../../src/platform/db/query.js';
import type { Actor } from '../../src/platform/auth/actor.js';
import { orgNodeScope, orgPathInScope, orgSubtreeCondition } from '../../src/platform/auth/scope.js';
import type { OrgLevel, StaffRole } from '../../src/domain/enums.js';

let t: TestDb;
// '_' and '%' are LIKE wildcards: B_1's subtree must not take in BX1's.
const ORG: [string, string | null, OrgLevel][] = [
  ['HO', null, 'head_office'],
  ['B_1', 'HO', 'branch'],
  ['BX1', 'HO', 'branch'],
  ['B%2', 'HO', 'branch'],
  ['S11', 'B_1', 'sub_branch'],
  ['O111', 'S11', 'outlet'],
  ['O112', 'S11', 'outlet'],
  ['OX', 'BX1', 'outlet'],
  ['O2', 'B%2', 'outlet'],
];
const paths = new Map<string, string>();
for (const [id, parent] of ORG) paths.set(id, `${parent ? paths.get(parent)! : '/'}${id}/`);

const actor = (orgId: string, level: OrgLevel, role: StaffRole = 'outlet_head'): Actor => ({
  userId: 1,
  username: 'u',
  staffId: 'S',
  name: 'n',
  role,
  orgId,
  orgName: orgId,
  orgLevel: level,
  orgPath: paths.get(orgId)!,
  mustChangePassword: false,
});

beforeAll(async () => {
  t = await freshDb();
  for (const [id, parent, level] of ORG) {
    const path = paths.get(id)!;
    await t.handle.db.execute(
      sql`INSERT INTO org_units VALUES (${id}, ${parent}, ${level}, ${id}, ${path}, ${path.split('/').length - 3})`,
    );
  }
});
afterAll(async () => t?.drop());

describe('org scope in SQL and in TypeScript', () => {
  it.each(ORG.map(([id, , level]) => [id, level] as const))('agree for an actor at %s (%s)', async (id, level) => {
    for (const role of ['branch_manager', 'rm'] as const) {
      const a = actor(id, level, role);
      const rows = await query<{ org_id: string; path: string; sub: boolean; node: boolean }>(
        t.handle.db,
        sql`SELECT o.org_id, o.path, ${orgSubtreeCondition(a, sql`o.org_id`)} AS sub, ${orgNodeScope(a)} AS node
            FROM org_units o ORDER BY o.org_id`,
      );
      expect(rows).toHaveLength(ORG.length);
      for (const r of rows) {
        expect({ org: r.org_id, sql: r.sub }).toEqual({ org: r.org_id, sql: orgPathInScope(a, r.path) });
        expect({ org: r.org_id, sql: r.node }).toEqual({ org: r.org_id, sql: orgPathInScope(a, r.path) });
      }
    }
  });

  it('covers the subtree and nothing beside it', () => {
    const b1 = actor('B_1', 'branch');
    expect(ORG.map(([id]) => id).filter((id) => orgPathInScope(b1, paths.get(id)!))).toEqual([
      'B_1',
      'S11',
      'O111',
      'O112',
    ]);
    expect(ORG.every(([id]) => orgPathInScope(actor('HO', 'head_office'), paths.get(id)!))).toBe(true);
  });
});
