import { Hono } from 'hono';
import type { Store } from '../store/types.js';
import { ApiError, errorResponse } from './errors.js';
import { openApiDocument } from './openapi.js';
import { serverOptions, type ServerOptions } from './options.js';
import { parseQuery } from './params.js';
import { articleRoutes } from './routes/articles.js';
import { eventRoutes } from './routes/events.js';
import { ingestRoutes } from './routes/ingest.js';
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
  const api = new Hono()
    .use('*', async (c, next) => {
      await next();
      c.header('X-Content-Type-Options', 'nosniff');
      // answers change as articles are ingested
      c.header('Cache-Control', 'no-store');
    })
    .route('/', articleRoutes(store, o))
    .route('/', quoteRoutes(store, o))
    .route('/', eventRoutes(store, o))
    .route('/', relationRoutes(store, o))
    .route('/', ingestRoutes(store, o))
    .route('/', statsRoutes(store));
  const app = new Hono();
  app.onError((err, c) => errorResponse(err, c, o.log));
  app.notFound((c) => errorResponse(new ApiError(404, 'not_found', `no route ${c.req.method} ${c.req.path}; /openapi.json lists them`), c, o.log));
  app.route('/api', api);
  app.get('/openapi.json', (c) => {
    parseQuery({}, c.req.queries());
    return c.json(doc);
  });
  if (o.webDir !== undefined) app.use('*', dashboard(o.webDir));
  return app;
}
