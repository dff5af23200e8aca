/**
 * Security headers and cross-site request protection for every response.
 *  - @fastify/helmet: a Content-Security-Policy that the built UI satisfies without inline
 *    scripts (antd writes its styles at run time, so styles may be inline; scripts may not),
 *    X-Content-Type-Options, frame denial, a same-origin referrer policy.
 *  - Cookie-authenticated state changes (POST, PUT, PATCH, DELETE under /api with the session
 *    cookie) must come from the server's own origin: the session cookie is SameSite=Lax, and on
 *    top of it a request whose Origin (or, without one, Referer) names another site is refused
 *    403. Non-browser clients that send neither are not browsers a site can drive.
 *  - Every /api answer is about someone (customers, staff, logins, the caller) or for one
 *    signed-in user, so none may be kept by the browser or a proxy: `Cache-Control: no-store`
 *    (lists, the customer 360, xlsx exports, staff and login lists), also on errors.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { AppError } from '../errors.js';

export async function registerSecurity(app: FastifyInstance, opts: { allowedOrigins: string[] }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // the UI loads nothing cross-origin; COEP would only break the API docs' assets
    crossOriginEmbedderPolicy: false,
  });

  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  const allowed = new Set(opts.allowedOrigins.map((o) => o.replace(/\/$/, '')));
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') || SAFE.has(req.method) || !req.cookies[SESSION_COOKIE]) return;
    const origin = requestOrigin(req);
    if (origin === null) return;
    if (origin === ownOrigin(req) || allowed.has(origin)) return;
    throw new AppError('FORBIDDEN', `cross-site ${req.method} ${req.url.split('?')[0]} from ${origin} refused`, {
      userMessage: 'This request came from another site and was refused',
      details: { reason: 'cross_site' },
    });
  });
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin a browser says the request came from: Origin, else Referer's; null when neither. */
function requestOrigin(req: FastifyRequest): string | null {
  const o = req.headers.origin;
  if (typeof o === 'string' && o) return o === 'null' ? 'null' : o.replace(/\/$/, '');
  const ref = req.headers.referer;
  if (typeof ref === 'string' && ref) {
    try {
      return new URL(ref).origin;
    } catch {
      return 'null';
    }
  }
  return null;
}

/** This server as the browser sees it (behind a trusted proxy, the forwarded host and scheme). */
const ownOrigin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
