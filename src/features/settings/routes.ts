/** The history of the bank settings (/api/settings/history): every version and what it changed. */
import { z } from 'zod';
import { requireActor } from '../../platform/http/auth-plugin.js';
import { errorSchema } from '../../platform/http/schemas.js';
import type { RoutePlugin } from '../../platform/module.js';
import { listSettingsHistory } from './settings-history.js';

const change = z.object({
  path: z.string().describe('dotted path of the field, e.g. tiers.floorsFen.premium (money in fen)'),
  before: z.unknown().optional().describe('absent when the field is new in this version'),
  after: z.unknown().optional().describe('absent when the field is gone in this version'),
});

const version = z.object({
  version: z.number().int(),
  createdAt: z.string().describe('ISO 8601, +08:00'),
  by: z
    .object({
      userId: z.number().int(),
      username: z.string(),
      staffId: z.string().nullable(),
      name: z.string().nullable(),
    })
    .nullable()
    .describe('who saved it; null for the defaults and the command line'),
  note: z.string().nullable(),
  previousVersion: z.number().int().nullable(),
  changes: z.array(change).describe('what differs from the previous version; empty for the first'),
});

export const settingsRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/settings/history',
    {
      schema: {
        tags: ['settings'],
        summary: 'Every version of the bank settings, newest first, with who, when, the note and the changes',
        response: { 200: z.object({ items: z.array(version) }), 401: errorSchema, 403: errorSchema },
      },
    },
    async (req) => listSettingsHistory(ctx, requireActor(req)),
  );
};
