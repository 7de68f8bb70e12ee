import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';

/**
 * Guards write routes (and an exposed server's reads) with a bearer token; with no token
 * configured (a loopback server) it lets every request through. Tokens are compared as digests
 * in constant time, so neither their content nor their length leaks through timing.
 *
 * @example app.post('/api/ingest', requireToken(process.env.ENTENTE_TOKEN), handler)
 */
export function requireToken(token: string | undefined, why = 'this route writes to the store'): MiddlewareHandler {
  const want = token === undefined ? undefined : digest(token);
  return async (c, next) => {
    if (want !== undefined) {
      const m = /^Bearer +(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
      if (!m) throw new ApiError(401, 'unauthorized', `${why}: send the server's token as "Authorization: Bearer <token>"`);
      if (!timingSafeEqual(digest(m[1]), want)) throw new ApiError(401, 'unauthorized', 'the bearer token is not the server\'s token');
    }
    await next();
  };
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}
