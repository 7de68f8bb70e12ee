import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';
import { isLoopback } from './listen.js';

/**
 * Refuses requests whose `Host` is not a loopback name, on a server that listens on loopback.
 * A web page can point a name it owns (attacker.example) at 127.0.0.1 once the browser has
 * loaded it ("DNS rebinding"); the browser then treats the entente server as that page's own
 * origin and lets it read and write. The one thing such a request cannot hide is its `Host`.
 * A request without `Host` comes from no browser (HTTP/1.1 clients all send it) and passes.
 *
 * @example app.use('*', loopbackHostOnly())
 */
export function loopbackHostOnly(): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('Host');
    if (host !== undefined && !isLoopback(hostName(host))) {
      throw new ApiError(403, 'forbidden', `this server listens on loopback and answers only requests addressed to it (Host 127.0.0.1, localhost or [::1]), not to ${JSON.stringify(host)}`);
    }
    await next();
  };
}

/**
 * Refuses writes that a browser sends on behalf of another page: a `<form>` or a `no-cors`
 * `fetch` from any site the analyst visits, other local ports included (they are the same
 * "site" as the server, so only the exact origin is trusted). Browsers say who sends a request
 * in `Sec-Fetch-Site` and `Origin`; clients that are not browsers send neither and pass.
 *
 * @example app.post('/api/ingest', sameOriginWrites(), handler)
 */
export function sameOriginWrites(): MiddlewareHandler {
  return async (c, next) => {
    const site = c.req.header('Sec-Fetch-Site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      throw new ApiError(403, 'forbidden', `a write from another page (Sec-Fetch-Site: ${site}) is refused: post from the dashboard itself or from a program`);
    }
    const origin = c.req.header('Origin');
    if (origin !== undefined && origin !== ownOrigin(c.req.url, c.req.header('Host'))) {
      throw new ApiError(403, 'forbidden', `a write from the origin ${JSON.stringify(origin)} is refused: only this server's own pages may write from a browser`);
    }
    await next();
  };
}

/**
 * Refuses a body that is not declared JSON. Browsers let any page send `text/plain`,
 * `application/x-www-form-urlencoded` and `multipart/form-data` to any address without asking
 * it first; `application/json` they send across origins only after a preflight this server
 * never grants.
 *
 * @example app.post('/api/ingest', jsonBodyOnly(), handler)
 */
export function jsonBodyOnly(): MiddlewareHandler {
  return async (c, next) => {
    const type = c.req.header('Content-Type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type.trim())) {
      throw new ApiError(415, 'unsupported_media_type', `the body must be sent as "Content-Type: application/json", not ${type ? JSON.stringify(type) : 'without a type'}`);
    }
    await next();
  };
}

/** The origin a browser would give this server's own pages. @example ownOrigin('http://127.0.0.1:8787/api', undefined) // 'http://127.0.0.1:8787' */
function ownOrigin(url: string, host: string | undefined): string {
  const u = new URL(url);
  return `${u.protocol}//${host ?? u.host}`;
}

/** @example hostName('[::1]:8787') // '::1' */
function hostName(host: string): string {
  const bracket = /^\[([^\]]*)\](:\d+)?$/.exec(host);
  if (bracket) return bracket[1];
  return host.replace(/:\d*$/, '').toLowerCase();
}
