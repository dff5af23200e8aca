/**
 * Logins of staff members (DOMAIN.md §11): a bank's first administrator comes from
 * `guanhu users add`; administrators then create logins for staff, reset and disable them. A new
 * or reset login gets a one-time password, shown once, that must be changed at first sign-in.
 * Every change is audited; a reset or a disable ends the user's sessions at once.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { oneTimePassword, passwordProblem, PASSWORD_PROBLEM_TEXT } from '../../domain/passwords.js';
import { STAFF_ROLES, type StaffRole } from '../../domain/settings.js';
import { writeAudit } from '../../platform/audit.js';
import { hashPassword } from '../../platform/auth/password.js';
import { endSessions } from '../../platform/auth/sessions.js';
import type { AppDb } from '../../platform/db/client.js';
import { query } from '../../platform/db/query.js';
import { AppError } from '../../platform/errors.js';

/** who does it: a signed-in administrator, or the command line (no actor) */
export interface ByWhom {
  userId?: number;
  staffId?: string;
  ip?: string;
}

export interface NewLogin {
  username: string;
  /** an existing staff member; without it (first install) a staff record at the head office is made */
  staffId?: string;
  /** the staff member's role: required for a new staff record, checked against an existing one */
  role?: StaffRole;
  /** the staff member's name for a new staff record (default: the username) */
  name?: string;
  /** the password; without it a one-time password is made and must be changed at first sign-in */
  password?: string;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;

export async function createLogin(db: AppDb, n: NewLogin, by: ByWhom = {}) {
  const username = n.username.trim().toLowerCase();
  if (!USERNAME.test(username))
    throw new AppError('VALIDATION', `username "${n.username}": 2–32 lower-case letters, digits, ".", "_" or "-"`, {
      details: { field: 'username' },
    });
  if (n.role && !STAFF_ROLES.includes(n.role)) throw new AppError('VALIDATION', `unknown role ${n.role}`);
  if (n.password !== undefined) assertPassword(n.password, username);
  const password = n.password ?? oneTimePassword(randomBytes(12));
  const hash = await hashPassword(password);
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as AppDb;
    const [taken] = await query<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM users WHERE username = ${username}`,
    );
    if (taken!.n > 0) throw new AppError('CONFLICT', `a login named ${username} exists already`);
    const staffId = n.staffId ?? (await newStaff(tx, username, n));
    const [staff] = await query<{ role: StaffRole; status: string; has_login: boolean }>(
      tx,
      sql`SELECT role::text, status::text, EXISTS (SELECT 1 FROM users u WHERE u.staff_id = s.staff_id) AS has_login
          FROM staff s WHERE staff_id = ${staffId}`,
    );
    if (!staff)
      throw new AppError('NOT_FOUND', `no staff member ${staffId} (load staff.csv first, or leave out --staff-id)`);
    if (staff.status !== 'active') throw new AppError('CONFLICT', `staff member ${staffId} has left: no login`);
    if (staff.has_login) throw new AppError('CONFLICT', `staff member ${staffId} has a login already`);
    if (n.role && n.role !== staff.role)
      throw new AppError(
        'CONFLICT',
        `staff member ${staffId} is ${staff.role}, not ${n.role}: the login takes the staff member's role`,
      );
    const [u] = await query<{ user_id: number }>(
      tx,
      sql`INSERT INTO users (username, password_hash, staff_id, must_change_password)
          VALUES (${username}, ${hash}, ${staffId}, ${n.password === undefined}) RETURNING user_id`,
    );
    await writeAudit(tx, {
      action: 'user_created',
      entityType: 'user',
      entityId: username,
      after: { staffId, role: staff.role, oneTimePassword: n.password === undefined },
      actorUserId: by.userId,
      actorStaffId: by.staffId,
      ip: by.ip,
    });
    return {
      userId: u!.user_id,
      username,
      staffId,
      role: staff.role,
      oneTimePassword: n.password === undefined ? password : null,
    };
  });
}

/** First install: a staff record for the login at the head office (the org root). */
async function newStaff(tx: AppDb, username: string, n: NewLogin): Promise<string> {
  if (!n.role) throw new AppError('VALIDATION', 'a new staff record needs --role');
  const [root] = await query<{ org_id: string }>(tx, sql`SELECT org_id FROM org_units WHERE parent_id IS NULL LIMIT 1`);
  if (!root)
    throw new AppError(
      'CONFLICT',
      'no head office yet: load org.csv first (guanhu import org.csv), then add the login',
    );
  const staffId = username.toUpperCase();
  const [exists] = await query<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM staff WHERE staff_id = ${staffId}`,
  );
  if (exists!.n > 0) return staffId;
  await tx.execute(
    sql`INSERT INTO staff (staff_id, org_id, name, role, status) VALUES (${staffId}, ${root.org_id}, ${n.name ?? username}, ${n.role}, 'active')`,
  );
  return staffId;
}

export function assertPassword(password: string, username: string): void {
  const p = passwordProblem(password, username);
  if (p)
    throw new AppError('VALIDATION', PASSWORD_PROBLEM_TEXT[p], {
      details: { issues: [{ field: 'newPassword', message: PASSWORD_PROBLEM_TEXT[p], code: p }] },
    });
}

/** A new one-time password; the user's sessions end. */
export async function resetPassword(db: AppDb, userId: number, by: ByWhom) {
  const password = oneTimePassword(randomBytes(12));
  const hash = await hashPassword(password);
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as AppDb;
    const [u] = await query<{ username: string }>(
      tx,
      sql`UPDATE users SET password_hash = ${hash}, must_change_password = true WHERE user_id = ${userId} RETURNING username`,
    );
    if (!u) throw new AppError('NOT_FOUND', `no login ${userId}`, { userMessage: 'Login not found' });
    const ended = await endSessions(tx, userId);
    await writeAudit(tx, {
      action: 'password_reset',
      entityType: 'user',
      entityId: u.username,
      after: { sessionsEnded: ended },
      actorUserId: by.userId,
      actorStaffId: by.staffId,
      ip: by.ip,
    });
    return { username: u.username, oneTimePassword: password };
  });
}

/** Disable (every session ends at once) or enable a login. */
export async function setLoginDisabled(db: AppDb, userId: number, disabled: boolean, by: ByWhom) {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as AppDb;
    const [u] = await query<{ username: string; was: boolean }>(
      tx,
      sql`UPDATE users n SET disabled = ${disabled} FROM users o
          WHERE n.user_id = o.user_id AND n.user_id = ${userId} RETURNING n.username, o.disabled AS was`,
    );
    if (!u) throw new AppError('NOT_FOUND', `no login ${userId}`, { userMessage: 'Login not found' });
    if (u.was === disabled) return { username: u.username, disabled };
    if (disabled) await endSessions(tx, userId);
    await writeAudit(tx, {
      action: disabled ? 'user_disabled' : 'user_enabled',
      entityType: 'user',
      entityId: u.username,
      actorUserId: by.userId,
      actorStaffId: by.staffId,
      ip: by.ip,
    });
    return { username: u.username, disabled };
  });
}

export async function listLogins(db: AppDb) {
  const rows = await query<{
    user_id: number;
    username: string;
    staff_id: string;
    name: string;
    role: StaffRole;
    org_id: string;
    org_name: string;
    disabled: boolean;
    must_change_password: boolean;
    staff_status: string;
  }>(
    db,
    sql`SELECT u.user_id, u.username, s.staff_id, s.name, s.role::text, o.org_id, o.name AS org_name, u.disabled,
               u.must_change_password, s.status::text AS staff_status
        FROM users u JOIN staff s ON s.staff_id = u.staff_id JOIN org_units o ON o.org_id = s.org_id
        ORDER BY u.username`,
  );
  return rows.map((r) => ({
    userId: Number(r.user_id),
    username: r.username,
    staffId: r.staff_id,
    name: r.name,
    role: r.role,
    orgId: r.org_id,
    orgName: r.org_name,
    disabled: r.disabled,
    mustChangePassword: r.must_change_password,
    staffLeft: r.staff_status === 'left',
  }));
}

/** Active staff members without a login: whom an administrator may create one for. */
export async function staffWithoutLogin(db: AppDb, q?: string) {
  const like = q ? `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
  const rows = await query<{ staff_id: string; name: string; role: StaffRole; org_id: string; org_name: string }>(
    db,
    sql`SELECT s.staff_id, s.name, s.role::text, o.org_id, o.name AS org_name
        FROM staff s JOIN org_units o ON o.org_id = s.org_id
        WHERE s.status = 'active' AND NOT EXISTS (SELECT 1 FROM users u WHERE u.staff_id = s.staff_id)
          ${like ? sql`AND (s.staff_id ILIKE ${like} OR s.name LIKE ${like} OR o.name LIKE ${like})` : sql``}
        ORDER BY s.org_id, s.staff_id LIMIT 200`,
  );
  return rows.map((r) => ({
    staffId: r.staff_id,
    name: r.name,
    role: r.role,
    orgId: r.org_id,
    orgName: r.org_name,
  }));
}
