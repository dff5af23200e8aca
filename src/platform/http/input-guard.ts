/**
 * Text that PostgreSQL cannot store never reaches a query: a NUL character (U+0000) in a path
 * parameter, a query parameter or a JSON body answers 400 naming the field, instead of a 500
 * with a database error in the log (`invalid byte sequence for encoding "UTF8": 0x00`). Only the
 * API is guarded: a page address such as /customers/C1%00 is the web UI's to show (it asks the API,
 * which answers 400, and says the customer cannot be found), not a JSON error in the browser.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    if (!req.url.startsWith('/api/') && !req.url.startsWith('/metrics')) return;
    const bad = findNul(req.params, 'params') ?? findNul(req.query, 'querystring') ?? findNul(req.body, 'body');
    if (!bad) return;
    throw new AppError('VALIDATION', `invalid ${bad.context}: ${bad.field}: contains a NUL character`, {
      details: { issues: [{ field: bad.field, message: 'contains a NUL character', code: 'nul_character' }] },
    });
  });
}

function findNul(value: unknown, context: string, path: string[] = []): { context: string; field: string } | null {
  if (typeof value === 'string') return value.includes('\u0000') ? { context, field: path.join('.') || context } : null;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return { context, field: [...path, k].join('.') };
      const hit = findNul(v, context, [...path, k]);
      if (hit) return hit;
    }
  }
  return null;
}
