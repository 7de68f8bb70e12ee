import { Hono } from 'hono';
import type { Store } from '../../store/types.js';
import { parseQuery } from '../params.js';

/** What the store holds: articles, sentences, quotes, events (negated ones included) and skips by reason. @example new Hono().route('/api', statsRoutes(store)) */
export function statsRoutes(store: Store): Hono {
  return new Hono().get('/stats', async (c) => {
    parseQuery({}, c.req.queries());
    // one snapshot: three reads during an ingest gave counts of different moments
    return c.json(await store.totals());
  });
}
