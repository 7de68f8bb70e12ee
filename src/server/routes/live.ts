import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Store } from '../../store/types.js';
import { parseQuery } from '../params.js';

/** How often a connected client's store is looked at: a watcher in another process writes it. */
export const LIVE_POLL_MS = 1000;
/** A comment line this often keeps proxies from closing a quiet stream. */
const KEEP_ALIVE_MS = 15_000;

/**
 * `GET /api/live`: server-sent events for the dashboard. `totals` first and whenever the store's
 * counts change (articles, sentences, quotes, events, skips, alerts: another process, a watcher
 * or an ingest, may be writing), then one `alert` event per new alert. The store is read once a
 * second per client; a client that goes away ends its loop.
 *
 * @example new EventSource('/api/live').addEventListener('totals', (e) => render(JSON.parse(e.data)))
 */
export function liveRoutes(store: Store, pollMs = LIVE_POLL_MS): Hono {
  return new Hono().get('/live', async (c) => {
    parseQuery({}, c.req.queries());
    c.header('Cache-Control', 'no-store');
    return streamSSE(c, async (stream) => {
      let open = true;
      stream.onAbort(() => {
        open = false;
      });
      const known = new Set((await store.listAlerts()).map((a) => a.id));
      let last = '';
      let quiet = 0;
      let id = 0;
      while (open) {
        const totals = { ...(await store.totals()), alerts: await store.countAlerts() };
        const key = JSON.stringify(totals);
        if (key !== last) {
          if (last !== '' && totals.alerts !== known.size) {
            for (const a of (await store.listAlerts()).reverse()) {
              if (known.has(a.id)) continue;
              known.add(a.id);
              await stream.writeSSE({ event: 'alert', data: JSON.stringify(a), id: String(++id) });
            }
          }
          await stream.writeSSE({ event: 'totals', data: key, id: String(++id) });
          last = key;
          quiet = 0;
        } else if ((quiet += pollMs) >= KEEP_ALIVE_MS) {
          await stream.write(': keep-alive\n\n');
          quiet = 0;
        }
        await stream.sleep(pollMs);
      }
    });
  });
}
