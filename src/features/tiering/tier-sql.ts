/**
 * The tier ladder as SQL expressions over bound parameters, built from the settings in force for
 * a run (never literals in the statement): the same rules as domain/tiers.ts and
 * domain/tiering.ts, so a settings change needs no code change and the plan is reused.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Settings } from '../../domain/settings.js';
import { TIERS, type Tier } from '../../domain/enums.js';

const tierLit = (t: Tier) => sql`${t}::tier`;
const floor = (f: Settings['tiers']['floorsFen'], t: Tier) => sql`${f[t].toString()}::bigint`;

/** The highest tier whose floor `amount` reaches (tierForAmount). */
export function qualifiesSql(amount: SQL, t: Settings['tiers']): SQL {
  const arms = [...TIERS]
    .reverse()
    .filter((x) => x !== 'mass')
    .map((x) => sql`WHEN ${amount} >= ${floor(t.floorsFen, x)} THEN ${tierLit(x)}`);
  return sql`(CASE ${sql.join(arms, sql` `)} ELSE ${tierLit('mass')} END)`;
}

/** The floor of the tier in `tierCol`. */
export function floorOfSql(tierCol: SQL, t: Settings['tiers']): SQL {
  const arms = TIERS.map((x) => sql`WHEN ${tierLit(x)} THEN ${floor(t.floorsFen, x)}`);
  return sql`(CASE ${tierCol} ${sql.join(arms, sql` `)} END)`;
}

/** bandFor: the next tier when amount is in [bandLowPct%, 100%) of its floor, else NULL. */
export function bandSql(tierCol: SQL, amount: SQL, t: Settings['tiers']): SQL {
  const pct = sql`${t.bandLowPct}::bigint`;
  const arms = TIERS.slice(0, -1).map((x, i) => {
    const next = TIERS[i + 1]!;
    const f = floor(t.floorsFen, next);
    return sql`WHEN ${tierLit(x)} THEN CASE WHEN ${amount} < ${f} AND ${amount} * 100 >= ${f} * ${pct} THEN ${tierLit(next)} END`;
  });
  return sql`(CASE ${tierCol} ${sql.join(arms, sql` `)} END)`;
}
