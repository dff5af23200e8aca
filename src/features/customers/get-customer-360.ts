/**
 * Customer 360: profile, holdings by asset class, AUM history (closed months, then the month so
 * far), RM and history, contacts, tier history. A customer outside the actor's scope is NOT_FOUND, exactly like a missing one.
 * PII is masked (the ID number to its last 4; the birth date only for the owning RM, others see
 * the age); the owning RM may reveal name, phone and ID number through revealCustomerPii.
 */
import type { Ctx } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { loadSettings } from '../../platform/settings-store.js';
import { maskIdNumber, maskName, maskPhone } from '../../domain/mask.js';
import { formatYuan } from '../../domain/money.js';
import { ageOn, assessmentExpired, monthStartOf, shanghaiDate } from '../../domain/dates.js';
import { isValidContact } from '../../domain/contacts.js';
import { isSenior } from '../../domain/suitability.js';
import { mayRevealPii } from '../../domain/pii.js';
import {
  ASSET_CLASSES,
  type AssetClass,
  type Band,
  type ContactChannel,
  type Gender,
  type ProductCategory,
  type RiskLevel,
  type RiskRating,
  type StaffRole,
  type Tier,
} from '../../domain/enums.js';
import {
  aumHistoryOf,
  contactsOf,
  findCustomerInScope,
  holdingsOf,
  relationshipsOf,
  tierHistoryOf,
} from './queries.js';

const str = (v: unknown) => (v == null ? null : String(v));
const yuan = (v: unknown) => formatYuan(BigInt(String(v ?? '0')));

export async function getCustomer360(ctx: Ctx, actor: Actor, customerId: string) {
  const c = await findCustomerInScope(ctx.db, actor, customerId);
  if (!c) throw new AppError('NOT_FOUND', `customer ${customerId} not found`, { userMessage: 'Customer not found' });
  const { value: settings } = await loadSettings(ctx.db);
  const today = shanghaiDate(ctx.clock.now());
  const asOf = str(c.aum_as_of);
  const [holdings, history, rels, contacts, tiers] = await Promise.all([
    asOf ? holdingsOf(ctx.db, customerId, asOf) : Promise.resolve([]),
    aumHistoryOf(ctx.db, customerId),
    relationshipsOf(ctx.db, customerId),
    contactsOf(ctx.db, customerId, 50),
    tierHistoryOf(ctx.db, customerId),
  ]);

  const byClass = new Map<AssetClass, bigint>(ASSET_CLASSES.map((k) => [k, 0n]));
  let total = 0n;
  for (const h of holdings) {
    const b = BigInt(String(h.balance));
    const k = h.asset_class as AssetClass;
    byClass.set(k, (byClass.get(k) ?? 0n) + b);
    total += b;
  }
  const current = rels.find((r) => r.ended_on == null);
  const birth = str(c.birth_date);
  const age = birth ? ageOn(birth, today) : null;
  const primaryRm = current ? String(current.staff_id) : null;
  // the birth date is personal data like the ID number (whose middle it is): only the owning RM,
  // who may reveal, sees it; everyone else the age
  const canReveal = mayRevealPii(actor, primaryRm);
  return {
    customerId: String(c.customer_id),
    name: maskName(String(c.name)),
    phone: maskPhone(str(c.phone)),
    idNumber: maskIdNumber(str(c.id_number)),
    masked: true,
    canReveal,
    gender: str(c.gender) as Gender | null,
    birthDate: canReveal ? birth : null,
    age,
    senior: isSenior(birth, today, settings.suitability),
    orgId: String(c.home_org_id),
    orgName: String(c.org_name),
    openDate: str(c.open_date),
    riskLevel: str(c.risk_level) as RiskLevel | null,
    riskAssessedOn: str(c.risk_assessed_on),
    riskExpired: assessmentExpired(str(c.risk_assessed_on), today, settings.suitability.assessmentValidMonths),
    tags: (c.tags as string[] | null) ?? [],
    tier: String(c.tier) as Tier,
    band: str(c.band) as Band | null,
    aum: yuan(c.aum),
    monthAvgAum: yuan(c.avg),
    aumAsOf: asOf,
    tierSince: str(c.tier_since),
    holdingsByClass: ASSET_CLASSES.map((k) => {
      const amount = byClass.get(k) ?? 0n;
      // share in basis points, integer arithmetic, shown with 2 decimals of a percent
      const bp = total > 0n ? Number((amount * 10000n) / total) : 0;
      return { assetClass: k, amount: formatYuan(amount), sharePct: bp / 100 };
    }),
    holdings: holdings.map((h) => ({
      accountId: String(h.account_id),
      productId: String(h.product_id),
      productName: String(h.product_name),
      category: String(h.category) as ProductCategory,
      assetClass: String(h.asset_class) as AssetClass,
      riskRating: String(h.risk_rating) as RiskRating,
      balance: yuan(h.balance),
      maturityDate: str(h.maturity_date),
    })),
    aumHistory: [
      ...history.map((h) => ({ month: String(h.month), avgAum: yuan(h.avg), endAum: yuan(h.end) })),
      // the month so far, from the day row: its monthly row is only written when it closes
      ...(asOf && !history.some((h) => String(h.month) === monthStartOf(asOf))
        ? [{ month: monthStartOf(asOf), avgAum: yuan(c.avg), endAum: yuan(c.aum) }]
        : []),
    ],
    rm: current
      ? {
          staffId: String(current.staff_id),
          name: String(current.name),
          role: String(current.role) as StaffRole,
          orgId: String(current.org_id),
          orgName: String(current.org_name),
          since: String(current.started_on),
        }
      : null,
    rmHistory: rels.map((r) => ({
      staffId: String(r.staff_id),
      name: String(r.name),
      startedOn: String(r.started_on),
      endedOn: str(r.ended_on),
      endReason: str(r.end_reason),
    })),
    contacts: contacts.map((k) => {
      const facts = {
        channel: String(k.channel) as ContactChannel,
        durationSeconds: k.duration_seconds == null ? null : Number(k.duration_seconds),
        connected: k.connected == null ? null : Boolean(k.connected),
      };
      return {
        contactId: String(k.contact_id),
        staffId: String(k.staff_id),
        staffName: String(k.staff_name),
        ...facts,
        startedAt: String(k.started_at),
        outcome: str(k.outcome),
        topics: (k.topics as string[] | null) ?? [],
        valid: isValidContact(facts, settings.contacts),
      };
    }),
    tierHistory: tiers.map((t) => ({
      changedOn: String(t.changed_on),
      fromTier: str(t.from_tier) as Tier | null,
      toTier: String(t.to_tier) as Tier,
      reason: String(t.reason),
    })),
  };
}

export type Customer360 = Awaited<ReturnType<typeof getCustomer360>>;
