import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../domain/settings.js';
import { TIERS } from '../domain/enums.js';
import { bandFor, tierForAmount } from '../domain/tiers.js';
import { CsvChunk } from './csv.js';
import { CUSTOMER_TABLES, customerRows, fixedRows, type CustomerTable } from './db-rows.js';
import { dayOf } from './days.js';
import { snapshot } from './snapshot.js';
import { suitable } from './holdings.js';

const AS_OF = '2026-11-20';
const xs = snapshot('XS', 7, AS_OF);
const { bank, customers } = xs;
const members = bank.staff.members;

/** every database row the seed would load, hashed */
function digest(seed: number, asOf = AS_OF): string {
  const { bank: b, customers: cs } = snapshot('XS', seed, asOf);
  const h = createHash('sha256');
  for (const chunk of Object.values(fixedRows(b, 'HASH'))) for (const part of chunk.take()) h.update(part);
  const out = Object.fromEntries(CUSTOMER_TABLES.map((t) => [t, new CsvChunk()])) as Record<CustomerTable, CsvChunk>;
  for (const c of cs) customerRows(b, c, c.activity, out);
  for (const t of CUSTOMER_TABLES) for (const part of out[t].take()) h.update(part);
  return h.digest('hex');
}

describe('synthetic bank (XS)', () => {
  it('is deterministic: same seed, same rows; another seed or date, other rows', () => {
    const a = digest(7);
    expect(digest(7)).toBe(a);
    expect(digest(8)).not.toBe(a);
    expect(digest(7, '2026-11-21')).not.toBe(a);
  });

  it('has the requested size and org tree', () => {
    expect(customers).toHaveLength(2_000);
    const levels = bank.org.units.map((u) => u.level);
    expect(levels.filter((l) => l === 'branch')).toHaveLength(1);
    expect(levels.filter((l) => l === 'sub_branch')).toHaveLength(1);
    expect(levels.filter((l) => l === 'outlet')).toHaveLength(3);
    expect(bank.org.units.find((u) => u.orgId === 'OT0001')).toMatchObject({
      path: '/HO/BR01/SB0101/OT0001/',
      depth: 3,
      parentId: 'SB0101',
    });
    expect(members.length).toBeGreaterThanOrEqual(12);
    expect(members.length).toBeLessThanOrEqual(20);
    expect(members.some((s) => s.status === 'left' && s.username === null)).toBe(true);
  });

  it('has the demo logins in the right places', () => {
    const user = (u: string) => members.find((s) => s.username === u);
    expect(user('admin')).toMatchObject({ role: 'admin', orgId: 'HO' });
    expect(user('hq01')).toMatchObject({ role: 'head_office', orgId: 'HO' });
    expect(user('br01')).toMatchObject({ role: 'branch_manager', orgId: 'BR01' });
    expect(user('sb01')).toMatchObject({ role: 'sub_branch_manager', orgId: 'SB0101' });
    expect(user('ob01')).toMatchObject({ role: 'outlet_head', orgId: 'OT0001' });
    expect(user('lm0001')).toMatchObject({ role: 'lobby_manager', orgId: 'OT0001' });
    const rm = user('rm0001')!;
    expect(rm).toMatchObject({ role: 'rm', orgId: 'OT0001', status: 'active' });
    const book = customers.filter((c) => c.rel && members[c.rel.staff] === rm).length;
    expect(book).toBeGreaterThanOrEqual(50);
  });

  it('populates every tier and every near-threshold band', () => {
    const tiers = new Set(customers.map((c) => c.now.tier));
    const bands = new Set(customers.map((c) => c.now.band).filter(Boolean));
    expect([...tiers].sort()).toEqual([...TIERS].sort());
    expect([...bands].sort()).toEqual(['affluent', 'premium', 'private', 'wealth']);
    for (const c of customers) {
      expect(c.now.tier).toBe(tierForAmount(c.now.monthAvgFen, DEFAULT_SETTINGS.tiers.floorsFen));
      expect(c.now.band).toBe(bandFor(c.now.tier, c.now.monthAvgFen, DEFAULT_SETTINGS.tiers));
    }
  });

  it('concentrates assets: the top 20% of customers hold 70-90% of AUM', () => {
    const aum = customers.map((c) => c.walk.aumFen).sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
    const total = aum.reduce((s, x) => s + x, 0n);
    const top = aum.slice(0, aum.length / 5).reduce((s, x) => s + x, 0n);
    const share = Number((top * 1000n) / total) / 1000;
    expect(share).toBeGreaterThanOrEqual(0.7);
    expect(share).toBeLessThanOrEqual(0.9);
  });

  it('has holdings that sum exactly to AUM, suitable and unique per account', () => {
    let positions = 0;
    for (const c of customers) {
      const sum = c.positions.reduce((s, p) => s + p.amountFen, 0n);
      expect(sum).toBe(c.walk.aumFen);
      const keys = new Set(c.positions.map((p) => `${p.accountId}/${p.product.productId}`));
      expect(keys.size).toBe(c.positions.length);
      for (const p of c.positions) {
        expect(p.amountFen).toBeGreaterThanOrEqual(0n);
        if (p.product.category !== 'demand_deposit') expect(suitable(p.product, c.profile.risk)).toBe(true);
        if (p.product.termDays !== null) expect(p.maturityDay).toBeGreaterThan(bank.asOf);
      }
      positions += c.positions.length;
    }
    expect(positions / customers.length).toBeGreaterThan(2.5);
    expect(positions / customers.length).toBeLessThan(3.5);
    const soon = customers
      .flatMap((c) => c.positions)
      .filter((p) => p.maturityDay !== null && p.maturityDay - bank.asOf <= 7);
    expect(soon.length).toBeGreaterThan(0);
  });

  it('assigns RMs in the home outlet, with a role allowed for the tier and within capacity', () => {
    const s = DEFAULT_SETTINGS.stewardship;
    const load = new Map<number, number>();
    let eligible = 0;
    let managed = 0;
    for (const c of customers) {
      const premiumPlus = c.now.tier !== 'mass';
      if (premiumPlus) eligible++;
      if (!c.rel) continue;
      const rm = members[c.rel.staff]!;
      expect(rm.status).toBe('active');
      expect(rm.orgId).toBe(bank.org.outlets[c.profile.outlet]!.orgId);
      if (premiumPlus) {
        managed++;
        expect(s.rolesPerTier[c.now.tier]).toContain(rm.role);
      } else expect(rm.role).toBe('rm'); // the low-asset release list
      expect(c.rel.startDay).toBeGreaterThanOrEqual(c.profile.openDay);
      load.set(c.rel.staff, (load.get(c.rel.staff) ?? 0) + 1);
    }
    // XS has one plain RM per outlet, so the centre RM who inherited a book past the cap (assign.ts) is within it
    for (const [staff, n] of load)
      expect(n).toBeLessThanOrEqual(s.capacity[members[staff]!.role as 'rm' | 'wealth_rm' | 'private_advisor']);
    const coverage = managed / eligible;
    expect(coverage).toBeGreaterThan(0.85);
    expect(coverage).toBeLessThan(0.97);
    expect(customers.some((c) => c.now.tier === 'mass' && c.rel)).toBe(true);
    expect(customers.some((c) => c.closed)).toBe(true);
    expect(customers.some((c) => c.rel && bank.asOf - c.rel.startDay > 90)).toBe(true);
  });

  it('keeps tier history consistent with the current tier', () => {
    for (const c of customers) {
      const h = c.history!;
      if (h.tiers.length === 0) {
        expect(c.now.tier).toBe('mass');
        continue;
      }
      expect(h.tiers[0]).toMatchObject({ from: null, reason: 'initial' });
      expect(h.tiers[h.tiers.length - 1]!.to).toBe(c.now.tier);
      for (let i = 1; i < h.tiers.length; i++) {
        expect(h.tiers[i]!.from).toBe(h.tiers[i - 1]!.to);
        expect(h.tiers[i]!.day).toBeGreaterThanOrEqual(h.tiers[i - 1]!.day);
      }
      expect(h.tierSince).toBe(h.tiers[h.tiers.length - 1]!.day);
    }
    expect(customers.filter((c) => c.now.tier !== 'mass').every((c) => c.history!.tiers.length > 0)).toBe(true);
    const reasons = new Set(customers.flatMap((c) => c.history!.tiers.map((t) => t.reason)));
    expect([...reasons].sort()).toEqual(['downgrade', 'initial', 'upgrade']);
    // closed months only, as the batch writes them (November so far is on the day row)
    const months = customers[0]!.history!.months;
    expect(months[months.length - 1]!.month).toBe(dayOf('2026-10-01'));
    expect(months).toHaveLength(13);
  });

  it('has plausible people', () => {
    const ages = customers.map((c) => c.profile.age);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(18);
    expect(Math.max(...ages)).toBeLessThanOrEqual(90);
    for (const c of customers.slice(0, 300)) {
      const p = c.profile;
      expect(p.customerId).toMatch(/^C\d{8}$/);
      expect(p.idNumber).toMatch(/^\d{17}[\dX]$/);
      expect(p.phone).toMatch(/^1\d{10}$/);
      expect(p.name.length).toBeGreaterThanOrEqual(2);
      expect(p.tags.includes('senior')).toBe(p.age >= 65);
      expect(Number(p.idNumber[16]) % 2).toBe(p.gender === 'm' ? 1 : 0);
    }
    const expired = customers.filter((c) => c.profile.riskDay !== null && bank.asOf - c.profile.riskDay > 365).length;
    expect(expired).toBeGreaterThan(0);
    expect(customers.some((c) => c.profile.risk === 0)).toBe(true);
  });

  it('has activity: contacts (some short calls, some idle relationships), transactions, complaints', () => {
    const contacts = customers.flatMap((c) => c.activity.contacts);
    expect(contacts.some((k) => k.channel === 'phone' && k.connected && (k.durationSeconds ?? 0) < 30)).toBe(true);
    expect(new Set(contacts.map((k) => k.channel)).size).toBe(6);
    const idle = customers.filter(
      (c) =>
        c.rel &&
        bank.asOf - c.rel.startDay > 90 &&
        !c.activity.contacts.some(
          (k) => bank.asOf - k.day < 90 && ['phone', 'visit', 'video', 'event'].includes(k.channel),
        ),
    );
    expect(idle.length).toBeGreaterThan(0);
    const txns = customers.flatMap((c) => c.activity.transactions);
    expect(txns.every((t) => t.amountFen > 0n && t.day <= bank.asOf && bank.asOf - t.day < 180)).toBe(true);
    expect(customers.some((c) => c.activity.complaints.length > 0)).toBe(true);
  });
});

describe.each(['2026-03-01', '2024-02-29', '2026-12-31'])('synthetic bank as of %s', (asOf) => {
  const { customers: cs } = snapshot('XS', 11, asOf);

  it('keeps tiers, bands, history and holdings consistent', () => {
    const floors = DEFAULT_SETTINGS.tiers.floorsFen;
    for (const c of cs) {
      expect(c.now.tier).toBe(tierForAmount(c.now.monthAvgFen, floors));
      const rows = c.history!.tiers;
      if (rows.length) expect(rows[rows.length - 1]!.to).toBe(c.now.tier);
      expect(c.positions.reduce((s, p) => s + p.amountFen, 0n)).toBe(c.walk.aumFen);
    }
    expect(new Set(cs.map((c) => c.now.band).filter(Boolean)).size).toBe(4);
  });
});
