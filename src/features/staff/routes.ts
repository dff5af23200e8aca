import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { requireActor } from '../../platform/http/auth-plugin.js';
import { staffScope } from '../../platform/auth/scope.js';
import { STAFF_ROLES } from '../../domain/enums.js';
import { errorSchema } from '../../platform/http/schemas.js';
import { query } from '../../platform/db/query.js';
import { idString } from '../../platform/http/schemas.js';

const staffRow = z.object({
  staffId: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  orgId: z.string(),
  orgName: z.string(),
});

export const staffRoutes: FastifyPluginAsyncZod<{ ctx: Ctx }> = async (app, { ctx }) => {
  app.get(
    '/staff',
    {
      schema: {
        tags: ['staff'],
        summary: 'Active staff in the caller’s scope (RMs see only themselves)',
        querystring: z.object({ orgId: idString.optional(), role: z.enum(STAFF_ROLES).optional() }),
        response: { 200: z.object({ items: z.array(staffRow) }), 401: errorSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { orgId, role } = req.query;
      const rows = await query<Record<string, string>>(
        ctx.db,
        sql`
        SELECT s.staff_id, s.name, s.role, s.org_id, o.name AS org_name
        FROM staff s JOIN org_units o ON o.org_id = s.org_id
        WHERE s.status = 'active' AND ${staffScope(actor)}
          ${role ? sql`AND s.role = ${role}` : sql``}
          ${orgId ? sql`AND o.path LIKE (SELECT f.path FROM org_units f WHERE f.org_id = ${orgId}) || '%'` : sql``}
        ORDER BY s.org_id, s.staff_id LIMIT 5000`,
      );
      return {
        items: rows.map((r) => ({
          staffId: r.staff_id!,
          name: r.name!,
          role: r.role as z.infer<typeof staffRow>['role'],
          orgId: r.org_id!,
          orgName: r.org_name!,
        })),
      };
    },
  );
};
