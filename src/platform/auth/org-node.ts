/**
 * Resolves the org node a dashboard is about: the actor's own by default, otherwise a node in
 * the actor's subtree. Anything else is NOT_FOUND, like a node that does not exist.
 */
import { sql } from 'drizzle-orm';
import type { AppDb } from '../db/client.js';
import type { Actor } from './actor.js';
import { likePrefix, orgNodeScope } from './scope.js';
import { AppError } from '../errors.js';
import { query } from '../db/query.js';

export type OrgLevel = 'head_office' | 'branch' | 'sub_branch' | 'outlet';
export interface OrgRef {
  orgId: string;
  name: string;
  level: OrgLevel;
  path: string;
}

const cols = sql`o.org_id AS "orgId", o.name, o.level, o.path`;

export async function resolveNode(db: AppDb, actor: Actor, orgId?: string): Promise<OrgRef> {
  const [node] = await query<OrgRef>(
    db,
    sql`SELECT ${cols} FROM org_units o WHERE o.org_id = ${orgId ?? actor.orgId} AND ${orgNodeScope(actor)}`,
  );
  if (!node) throw new AppError('NOT_FOUND', `org ${orgId} not in scope`, { userMessage: 'Org unit not found' });
  return node;
}

/** From the actor's own node down to `node` (for the breadcrumb). */
export function breadcrumb(db: AppDb, actor: Actor, node: OrgRef): Promise<OrgRef[]> {
  return query<OrgRef>(
    db,
    sql`SELECT ${cols} FROM org_units o
        WHERE left(${node.path}, length(o.path)) = o.path AND ${orgNodeScope(actor)} ORDER BY o.depth`,
  );
}

export function childrenOf(db: AppDb, node: OrgRef): Promise<OrgRef[]> {
  return query<OrgRef>(
    db,
    sql`SELECT ${cols} FROM org_units o WHERE o.parent_id = ${node.orgId} AND o.path LIKE ${likePrefix(node.path)}
        ORDER BY o.path`,
  );
}
