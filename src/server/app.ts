import { Hono } from 'hono';
import type { Store } from '../store/types.js';
import { requireToken } from './auth.js';
import { ApiError, errorResponse } from './errors.js';
import { loopbackHostOnly } from './guard.js';
import { openApiDocument } from './openapi.js';
import { serverOptions, type ServerOptions } from './options.js';
import { parseQuery } from './params.js';
import { alertRoutes } from './routes/alerts.js';
import { articleRoutes } from './routes/articles.js';
import { eventRoutes } from './routes/events.js';
import { dyadRoutes } from './routes/dyad.js';
import { correctionRoutes } from './routes/corrections.js';
import { actorRoutes } from './routes/actors.js';
import { ingestRoutes } from './routes/ingest.js';
import { liveRoutes } from './routes/live.js';
import { quoteRoutes } from './routes/quotes.js';
import { relationRoutes } from './routes/relations.js';
import { statsRoutes } from './routes/stats.js';
import { dashboard } from './static.js';

/**
 * The API over a store (under `/api`), its OpenAPI document (`/openapi.json`) and, when given,
 * the dashboard's files at `/`. A plain hono app: `app.request()` in tests, `listen()` for real.
 *
 * @example
 * const app = createApp(store, { token: 's3cret' });
 * const res = await app.request('/api/events?dyad=RUS,EU&quad=4');
 */
export function createApp(store: Store, given: Partial<ServerOptions> = {}): Hono {
  const o = serverOptions(given);
  const doc = openApiDocument(o);
  // reads of an exposed server give away the store as writes would change it
  const readGuard = o.exposed && !o.publicRead ? requireToken(o.token, 'this server is exposed beyond loopback and its reads are not public') : undefined;
  const api = new Hono()
    .use('*', async (c, next) => {
      await next();
      c.header('X-Content-Type-Options', 'nosniff');
      // answers change as articles are ingested
      c.header('Cache-Control', 'no-store');
    })
    .use('*', (c, next) => (readGuard && c.req.method !== 'POST' ? readGuard(c, next) : next()))
    .route('/', articleRoutes(store, o))
    .route('/', quoteRoutes(store, o))
    .route('/', eventRoutes(store, o))
    .route('/', relationRoutes(store, o))
    .route('/', dyadRoutes(store, o))
    .route('/', actorRoutes(store, o))
    .route('/', ingestRoutes(store, o))
    .route('/', correctionRoutes(store, o))
    .route('/', statsRoutes(store))
    .route('/', alertRoutes(store, o))
    .route('/', liveRoutes(store));
  const app = new Hono();
  app.onError((err, c) => errorResponse(err, c, o.log));
  app.notFound((c) => {
    const allow = allowedMethods(app, c.req.path, o.webDir !== undefined);
    if (allow.length && !allow.includes(c.req.method)) return errorResponse(new ApiError(405, 'method_not_allowed', `${c.req.path} answers ${allow.join(', ')}, not ${c.req.method}`, { Allow: allow.join(', ') }), c, o.log);
    return errorResponse(new ApiError(404, 'not_found', `nothing at ${c.req.method} ${c.req.path}; /openapi.json lists the API's routes`), c, o.log);
  });
  if (!o.exposed) app.use('*', loopbackHostOnly());
  app.route('/api', api);
  app.get('/openapi.json', (c) => {
    parseQuery({}, c.req.queries());
    return c.json(doc);
  });
  // an unknown /api path stays a JSON 404, never the dashboard's page
  if (o.webDir !== undefined) {
    const files = dashboard(o.webDir);
    app.use('*', async (c, next) => (c.req.path === '/api' || c.req.path.startsWith('/api/') ? next() : files(c, next)));
  }
  return app;
}

/**
 * The methods some route answers at `path` (none: nothing is there). The dashboard's pages are
 * every path outside `/api` when it is served.
 *
 * @example allowedMethods(app, '/api/ingest', false) // ['POST']
 */
function allowedMethods(app: Hono, path: string, dashboard: boolean): string[] {
  const methods = new Set<string>();
  if (dashboard && path !== '/api' && !path.startsWith('/api/')) methods.add('GET');
  for (const r of app.routes) {
    // middleware is registered for ALL methods and says nothing of what the path serves
    if (r.method === 'ALL') continue;
    const pattern = r.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\/:[^/]+/g, '/[^/]+');
    if (new RegExp(`^${pattern}/?$`).test(path)) methods.add(r.method);
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods];
}
