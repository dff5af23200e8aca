/**
 * Two database roles on PostgreSQL (docs/operations.md): the OWNER owns the schema and runs the
 * migrations; the server and the pipeline jobs run as the APP role, which does not own the tables.
 * So the application cannot switch its own audit trail off: it has SELECT and INSERT on
 * audit_log and nothing else (no UPDATE, DELETE or TRUNCATE, and only an owner may ALTER a table
 * or DISABLE TRIGGER). Everything else it reads and writes.
 *
 * Day-partitioned tables are the exception: the nightly steps and the holdings import build a
 * day in a table of their own and ATTACH it, which PostgreSQL allows only to the owner of both
 * tables, so the partitioned parents and their partitions belong to the app role. The owner is
 * made a member of the app role, so its migrations can still alter them.
 *
 * `grantAppRole` is idempotent: `guanhu db grant --app-role R` runs it once, and every
 * `guanhu db migrate` with GUANHU_APP_ROLE set runs it again after migrating (new tables, and
 * partitions the owner created, e.g. by a seed).
 */
import { sql } from 'drizzle-orm';
import type { AppDb } from './client.js';
import { query } from './query.js';

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

export async function grantAppRole(db: AppDb, role: string): Promise<{ reowned: number }> {
  if (!IDENT.test(role)) throw new Error(`not a role name: ${role} (lower-case letters, digits, _)`);
  const [me] = await query<{ me: string; exists: boolean }>(
    db,
    sql`SELECT current_user AS me, EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${role}) AS exists`,
  );
  if (!me?.exists) throw new Error(`role ${role} does not exist: CREATE ROLE ${role} LOGIN PASSWORD '…' first`);
  if (me.me === role) throw new Error(`connected as ${role} itself: run this as the owner of the tables`);
  const run = (s: string) => db.execute(sql.raw(s));
  // the owner must be a member to alter tables the app role owns (the day-partitioned ones)
  await run(`GRANT ${role} TO CURRENT_USER`).catch((err: Error) => {
    throw new Error(
      `cannot make ${me.me} a member of ${role} (${err.message}): GRANT ${role} TO ${me.me} as a superuser`,
    );
  });
  await run(`GRANT USAGE, CREATE ON SCHEMA public TO ${role}`);
  await run(`GRANT USAGE ON SCHEMA drizzle TO ${role}`).catch(() => undefined);
  await run(`GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO ${role}`).catch(() => undefined);
  await run(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
  await run(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
  await run(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`);
  await run(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${role}`);
  // the audit trail: append and read only
  await run(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM ${role}`);
  await run(`GRANT SELECT, INSERT ON audit_log TO ${role}`);
  // day-partitioned parents and every partition under them
  const owned = await query<{ name: string }>(
    db,
    sql`WITH RECURSIVE t AS (
          SELECT p.partrelid AS oid FROM pg_partitioned_table p
          JOIN pg_class c ON c.oid = p.partrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND NOT c.relispartition
          UNION SELECT i.inhrelid FROM pg_inherits i JOIN t ON i.inhparent = t.oid)
        SELECT c.relname AS name FROM t JOIN pg_class c ON c.oid = t.oid
        WHERE pg_get_userbyid(c.relowner) <> ${role} ORDER BY c.relname`,
  );
  for (const r of owned) await run(`ALTER TABLE ${r.name} OWNER TO ${role}`);
  return { reowned: owned.length };
}
