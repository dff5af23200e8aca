/**
 * One error handler: AppError → its catalogued status; zod request validation → 400 naming the
 * field; anything else → 500 with a generic message (the details go to the log only).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isAppError } from '../errors.js';

export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (isAppError(err)) {
    if (err.status >= 500) req.log.error({ err }, err.message);
    return reply
      .code(err.status)
      .send({ code: err.code, message: err.userMessage, details: err.details } satisfies ErrorBody);
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) => {
      const path = (v.params as { issue?: { path?: unknown[] } })?.issue?.path ?? [];
      const field = [v.instancePath.replace(/^\//, '').replace(/\//g, '.'), ...path.map(String)]
        .filter(Boolean)
        .join('.');
      return { field: field || err.validationContext, message: v.message };
    });
    const first = issues[0];
    return reply.code(400).send({
      code: 'VALIDATION',
      message: `invalid ${err.validationContext ?? 'request'}: ${first ? `${first.field}: ${first.message}` : 'bad input'}`,
      details: { issues },
    } satisfies ErrorBody);
  }
  if (isResponseSerializationError(err)) {
    req.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
    return reply.code(500).send({ code: 'INTERNAL', message: 'Internal error' } satisfies ErrorBody);
  }
  if (err.statusCode === 429) {
    return reply
      .code(429)
      .send({ code: 'RATE_LIMITED', message: 'Too many attempts, try again later' } satisfies ErrorBody);
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    // Fastify's own client errors: malformed JSON, wrong content type, body too large …
    return reply.code(err.statusCode).send({ code: 'BAD_REQUEST', message: err.message } satisfies ErrorBody);
  }
  req.log.error({ err }, 'unhandled error');
  return reply.code(500).send({ code: 'INTERNAL', message: 'Internal error' } satisfies ErrorBody);
}
