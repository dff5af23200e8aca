/**
 * The client events this feature emits (declared in module.ts, delivered by the push hub).
 * `notifications.notice`: a manager's notice to staff of their org subtree.
 */
import { z } from 'zod';
import { STAFF_ROLES } from '../../domain/settings.js';
import type { ClientEventSchemas } from '../../platform/module.js';

export const noticePayload = z.object({
  noticeId: z.uuid(),
  title: z.string().min(1).max(60),
  body: z.string().min(1).max(1000),
  from: z.object({
    staffId: z.string(),
    name: z.string(),
    role: z.enum(STAFF_ROLES),
    orgId: z.string(),
    orgName: z.string(),
  }),
  /** the org node it was sent to, or null when addressed to named staff */
  to: z.object({ orgId: z.string(), orgName: z.string() }).nullable(),
});

export const noticeEvents = { 'notifications.notice': noticePayload } satisfies ClientEventSchemas;
