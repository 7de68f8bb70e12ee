import { Hono } from 'hono';
import type { AlertFilter, Store } from '../../store/types.js';
import type { ServerOptions } from '../options.js';
import { actorCode, date, dyad, page, parseQuery } from '../params.js';
import { pageOf } from './_list.js';

/** `GET /api/alerts`. @example alertListParams(o).dyad.parse('ISR,JOR', 'dyad') // ['ISR', 'JOR'] */
export function alertListParams(o: ServerOptions) {
  return {
    dyad: dyad('the two sides, in either order'),
    actor: actorCode('a country or organisation on either side'),
    from: date('first day of a turn'),
    to: date('last day of a turn'),
    ...page(o.defaultLimit, o.maxLimit),
  };
}

/**
 * The relations' change detector's alerts (src/alerts), newest turn first, each with the events
 * that show it; and the watched feeds with their health.
 *
 * @example new Hono().route('/api', alertRoutes(store, o))
 */
export function alertRoutes(store: Store, o: ServerOptions): Hono {
  const params = alertListParams(o);
  return new Hono()
    .get('/alerts', async (c) => {
      const { limit, offset, ...p } = parseQuery(params, c.req.queries());
      const pg = pageOf({ limit, offset }, o);
      const filter: AlertFilter = { ...p };
      const [items, total] = await Promise.all([store.listAlerts({ ...filter, ...pg }), store.countAlerts(filter)]);
      return c.json({ items, ...pg, total });
    })
    .get('/feeds', async (c) => {
      parseQuery({}, c.req.queries());
      const now = Date.now();
      const items = (await store.listFeeds()).map((f) => ({ ...f, articlesPerDay: articlesPerDay(f.articles, f.addedAt, now), failing: f.lastError !== undefined }));
      return c.json({ items, limit: items.length, offset: 0, total: items.length });
    });
}

/**
 * Articles a day since the feed was added, over at least one day (a feed added an hour ago with
 * 12 articles made 12 that day, not 288).
 *
 * @example articlesPerDay(30, '2024-04-01T00:00:00Z', Date.parse('2024-04-11T00:00:00Z')) // 3
 */
export function articlesPerDay(articles: number, addedAt: string, now: number): number {
  const days = Math.max(1, (now - Date.parse(addedAt)) / 86_400_000);
  return Math.round((articles / days) * 100) / 100;
}
