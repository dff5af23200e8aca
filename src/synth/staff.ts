/**
 * Staff and their login names. Numbering follows the org tree in order, so the demo logins are
 * stable and predictable: ob01 heads OT0001, lm0001 is OT0001's first lobby manager and rm0001 is
 * OT0001's first RM (role 'rm'). Book owners (rm, wealth_rm, private_advisor) share one rm####
 * sequence. Staff who have left get no login.
 */
import type { StaffRole, StaffStatus } from '../domain/enums.js';
import { mobile, personName } from './identity.js';
import type { Org } from './org.js';
import { Rng, TAG } from './prng.js';
import type { ScaleSpec } from './scales.js';

export interface StaffMember {
  staffId: string;
  orgId: string;
  name: string;
  role: StaffRole;
  status: StaffStatus;
  phone: string;
  username: string | null;
  /** how large a book this person tends to carry, relative to colleagues */
  bookFactor: number;
  /** how often they contact their customers, relative to colleagues */
  diligence: number;
}

export interface OutletStaff {
  head: number;
  lobby: number[];
  rm: number[];
  wealth_rm: number[];
  private_advisor: number[];
  left: number[];
}

export interface StaffBook {
  members: StaffMember[];
  /** indexes into members, per outlet (same order as Org.outlets) */
  byOutlet: OutletStaff[];
  headOffice: number[];
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export function buildStaff(org: Org, spec: ScaleSpec, seed: number): StaffBook {
  const members: StaffMember[] = [];
  const counters: Record<string, number> = {};
  const next = (prefix: string, width: number) =>
    `${prefix}${pad((counters[prefix] = (counters[prefix] ?? 0) + 1), width)}`;
  const add = (orgId: string, role: StaffRole, status: StaffStatus, username: string | null): number => {
    const r = new Rng(seed, TAG.staff, members.length);
    const gender = r.chance(0.55) ? 'f' : 'm';
    members.push({
      staffId: `S${pad(members.length + 1, 5)}`,
      orgId,
      name: personName(r, gender),
      role,
      status,
      phone: mobile(r),
      username,
      bookFactor: Math.exp(0.3 * r.normal()),
      diligence: Math.min(2.2, Math.exp(0.45 * r.normal())),
    });
    return members.length - 1;
  };
  const owner = (orgId: string, role: StaffRole) => add(orgId, role, 'active', next('rm', 4));

  add('HO', 'admin', 'active', 'admin');
  const headOffice: number[] = [];
  for (let i = 0; i < spec.headOfficeStaff; i++) headOffice.push(add('HO', 'head_office', 'active', next('hq', 2)));
  for (const u of org.units) {
    if (u.level === 'branch') add(u.orgId, 'branch_manager', 'active', next('br', 2));
    if (u.level === 'sub_branch') add(u.orgId, 'sub_branch_manager', 'active', next('sb', 2));
  }

  const byOutlet: OutletStaff[] = [];
  for (const o of org.outlets) {
    const r = new Rng(seed, TAG.org, o.index);
    const s: OutletStaff = {
      head: add(o.orgId, 'outlet_head', 'active', next('ob', 2)),
      lobby: [],
      rm: [],
      wealth_rm: [],
      private_advisor: [],
      left: [],
    };
    const lobby = r.int(...spec.lobbyManagersPerOutlet);
    for (let i = 0; i < lobby; i++) s.lobby.push(add(o.orgId, 'lobby_manager', 'active', next('lm', 4)));
    const rms = r.int(...spec.rmsPerOutlet);
    for (let i = 0; i < rms; i++) s.rm.push(owner(o.orgId, 'rm'));
    const wealth = r.int(...spec.wealthRmsPerOutlet);
    for (let i = 0; i < wealth; i++) s.wealth_rm.push(owner(o.orgId, 'wealth_rm'));
    if (o.centre)
      for (let i = 0; i < spec.privateAdvisorsPerSubBranch; i++)
        s.private_advisor.push(owner(o.orgId, 'private_advisor'));
    byOutlet.push(s);
  }

  // Former RMs: at least one per bank, so closed relationships with end reason 'staff_left' exist.
  const owners = byOutlet.reduce((n, s) => n + s.rm.length + s.wealth_rm.length, 0);
  const leavers = Math.max(1, Math.round(owners * spec.leftStaffRate));
  for (let k = 0; k < leavers; k++) {
    const r = new Rng(seed, TAG.staff, 1_000_000 + k);
    const o = org.outlets[r.int(0, org.outlets.length - 1)]!;
    byOutlet[o.index]!.left.push(add(o.orgId, r.chance(0.7) ? 'rm' : 'wealth_rm', 'left', null));
  }
  return { members, byOutlet, headOffice };
}
