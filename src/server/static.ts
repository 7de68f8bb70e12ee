import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

/**
 * The dashboard's policy: scripts and styles from this server only, no plugins, no framing. Even
 * if article text ever reached the page as markup, an injected `<script>` or `onerror=` would
 * not run. Inline styles are allowed because the chart library sets them on its elements.
 */
export const DASHBOARD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/**
 * Serves the dashboard's built files from `dir` at `/`. A path without a file extension that
 * names no file is one of the dashboard's routes written as a path (`/dyad/RUS/EU`): it is
 * redirected to the same route as the dashboard writes it (`/#/dyad/RUS/EU`). Served as it was,
 * `index.html` loaded its relative assets and API from under `/dyad/RUS/` and showed a blank page.
 * The redirect is relative, so it holds under any mount point.
 *
 * @example app.use('*', dashboard('dist/web'))
 */
export function dashboard(dir: string): MiddlewareHandler {
  const files = serveStatic({ root: dir });
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    c.header('Content-Security-Policy', DASHBOARD_CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    const res = await files(c, async () => {});
    if (res) return res;
    if (!/\.[A-Za-z0-9]+$/.test(c.req.path) && existsSync(join(dir, 'index.html'))) return c.redirect(hashRoute(c.req.path, new URL(c.req.url).search), 302);
    return next();
  };
}

/** True when `dir` holds a built dashboard (an `index.html`). @example isDashboard('dist/web') */
export function isDashboard(dir: string): boolean {
  try {
    return statSync(join(dir, 'index.html')).isFile();
  } catch {
    return false;
  }
}

/**
 * The dashboard's hash route for a route written as a path, relative to that path.
 *
 * @example hashRoute('/dyad/RUS/EU', '?period=week') // '../../#/dyad/RUS/EU?period=week'
 */
export function hashRoute(path: string, search: string): string {
  const up = (path.match(/\//g)?.length ?? 1) - 1;
  return `${up ? '../'.repeat(up) : './'}#/${path.split('/').filter(Boolean).join('/')}${search}`;
}
