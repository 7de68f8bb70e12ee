import { Hono } from 'hono';
import type { Store } from '../../store/types.js';
import { parseQuery } from '../params.js';

/** What the store holds: articles, sentences, quotes, events (negated ones included) and skips by reason. */
export function statsRoutes(store: Store): Hono {
  return new Hono().get('/stats', async (c) => {
    parseQuery({}, c.req.queries());
    const [s, quotes, events] = await Promise.all([store.stats(), store.countQuotes(), store.countEvents({ negated: true })]);
    return c.json({ ...s, quotes, events });
  });
}
