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
 * names no file gets `index.html`, so the dashboard's own routes (`/dyad/RUS/EU`) survive a reload.
 *
 * @example app.use('*', dashboard('dist/web'))
 */
export function dashboard(dir: string): MiddlewareHandler {
  const files = serveStatic({ root: dir });
  const index = serveStatic({ root: dir, path: 'index.html' });
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    c.header('Content-Security-Policy', DASHBOARD_CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    const res = await files(c, async () => {});
    if (res) return res;
    if (!/\.[A-Za-z0-9]+$/.test(c.req.path) && existsSync(join(dir, 'index.html'))) {
      const fallback = await index(c, async () => {});
      if (fallback) return fallback;
    }
    return next();
  };
}

/** True when `dir` holds a built dashboard (an `index.html`). */
export function isDashboard(dir: string): boolean {
  try {
    return statSync(join(dir, 'index.html')).isFile();
  } catch {
    return false;
  }
}
