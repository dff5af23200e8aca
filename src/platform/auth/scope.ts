/**
 * Authorization in one place. Every query that touches customers or org data asks this module
 * for the condition that limits rows to what the actor may see:
 *  - RMs (rm, wealth_rm, private_advisor): the customers they currently manage (open primary
 *    relationship), inside their own org node;
 *  - everyone else: customers whose home outlet lies in the actor's org subtree.
 * A customer outside scope is indistinguishable from one that does not exist.
 */
import { sql, type SQL } from 'drizzle-orm';
import { seesOwnBookOnly, type Actor } from './actor.js';

/**
 * SQL boolean over a customers row aliased `alias` (default `c`): true when the actor may see it.
 */
export function customerScope(actor: Actor, alias = 'c'): SQL {
  const c = sql.raw(alias);
  if (seesOwnBookOnly(actor)) {
    return sql`EXISTS (SELECT 1 FROM relationships scope_r WHERE scope_r.customer_id = ${c}.customer_id AND scope_r.ended_on IS NULL AND scope_r.staff_id = ${actor.staffId})`;
  }
  return orgSubtreeCondition(actor, sql`${c}.home_org_id`);
}

/**
 * The org subtree an actor's org-based scope covers, as a materialised-path prefix ('/HO/BR01/'),
 * or null for head office (the whole bank). Every org-scope question is answered from this one
 * value: in SQL by orgSubtreeCondition / orgNodeScope, in TypeScript by orgPathInScope.
 */
export function orgScopePrefix(actor: Pick<Actor, 'orgLevel' | 'orgPath'>): string | null {
  return actor.orgLevel === 'head_office' ? null : actor.orgPath;
}

/**
 * Whether an org node with materialised `path` lies in the actor's org subtree: the question
 * orgSubtreeCondition asks in SQL, for data already in memory (the cached population groups).
 */
export function orgPathInScope(actor: Pick<Actor, 'orgLevel' | 'orgPath'>, path: string): boolean {
  const prefix = orgScopePrefix(actor);
  return prefix === null || path.startsWith(prefix);
}

/** SQL boolean over an org path expression: the node is in the actor's subtree (orgPathInScope in SQL). */
function pathInScope(actor: Pick<Actor, 'orgLevel' | 'orgPath'>, pathExpr: SQL): SQL {
  const prefix = orgScopePrefix(actor);
  return prefix === null ? sql`TRUE` : sql`${pathExpr} LIKE ${likePrefix(prefix)}`;
}

/** SQL boolean: the org id expression lies in the actor's org subtree (RMs: their own node). */
export function orgSubtreeCondition(actor: Actor, orgIdExpr: SQL): SQL {
  if (orgScopePrefix(actor) === null) return sql`TRUE`;
  return sql`${orgIdExpr} IN (SELECT scope_o.org_id FROM org_units scope_o WHERE ${pathInScope(actor, sql`scope_o.path`)})`;
}

/** SQL boolean over an org_units row aliased `alias`: the node is in the actor's subtree. */
export function orgNodeScope(actor: Actor, alias = 'o'): SQL {
  return pathInScope(actor, sql`${sql.raw(alias)}.path`);
}

/** SQL boolean over a staff row aliased `alias`: staff the actor may list. RMs see only themselves. */
export function staffScope(actor: Actor, alias = 's'): SQL {
  const s = sql.raw(alias);
  if (seesOwnBookOnly(actor)) return sql`${s}.staff_id = ${actor.staffId}`;
  return orgSubtreeCondition(actor, sql`${s}.org_id`);
}

export const likePrefix = (path: string): string => `${path.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
