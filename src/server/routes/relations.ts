import { Hono } from 'hono';
import { partners, PERIODS, relationSeries, topDyads } from '../../relations/index.js';
import type { Store } from '../../store/types.js';
import type { ServerOptions } from '../options.js';
import { actorCode, date, flag, oneOf, page, parseQuery } from '../params.js';
import { AnswerCache, relationStamp } from '../cache.js';
import { AggregationGate } from '../gate.js';
import { pageOf, slicePage } from './_list.js';

/** Inclusive day bounds of the events that count. */
const range = () => ({ from: date('first day of the event date range'), to: date('last day of the event date range') });

/** `GET /api/relations`. @example topDyadParams(o).undirected.parse('', 'undirected') // true */
export function topDyadParams(o: ServerOptions) {
  return { ...range(), undirected: flag('RUS→EU and EU→RUS together'), ...page(o.defaultLimit, o.maxLimit) };
}

/** `GET /api/relations/dyad`: `a` and `b` required. @example dyadSeriesParams().period.parse('week', 'period') // 'week' */
export function dyadSeriesParams() {
  return {
    a: { ...actorCode('the source (or, undirected, one side): a country or organisation code'), required: true },
    b: { ...actorCode('the target (or, undirected, the other side)', 'EU'), required: true },
    period: oneOf(PERIODS, 'how finely time is cut (default month)'),
    undirected: flag('both directions together'),
    ...range(),
  };
}

/** `GET /api/relations/partners`: `actor` required. @example partnerParams(o).actor.parse('rus', 'actor') // 'RUS' */
export function partnerParams(o: ServerOptions) {
  return { actor: { ...actorCode('a country or organisation code'), required: true }, ...range(), ...page(o.defaultLimit, o.maxLimit) };
}

/**
 * Relations, derived from the stored events (src/relations) and kept until events are added:
 * the most active dyads, one dyad's time series, an actor's partners. Negated, undated and
 * targetless events do not count; the same event reported by several articles counts once.
 *
 * @example new Hono().route('/api', relationRoutes(store, o))
 */
export function relationRoutes(store: Store, o: ServerOptions): Hono {
  const top = topDyadParams(o);
  const series = dyadSeriesParams();
  const part = partnerParams(o);
  const cache = new AnswerCache<unknown>();
  const gate = new AggregationGate(o.maxAggregations);
  // the answer before paging, keyed by the parameters that shape it; only a miss goes through the gate
  const cached = async <T>(key: unknown[], compute: () => Promise<T>): Promise<T> =>
    cache.get(JSON.stringify(key), await relationStamp(store), () => gate.run(compute)) as Promise<T>;
  return new Hono()
    .get('/relations', async (c) => {
      const { limit, offset, ...p } = parseQuery(top, c.req.queries());
      const rows = await cached(['top', p.from, p.to, p.undirected], async () => topDyads(await store.listEvents({ from: p.from, to: p.to }), { undirected: p.undirected }));
      return c.json(slicePage(rows, pageOf({ limit, offset }, o)));
    })
    .get('/relations/dyad', async (c) => {
      const p = parseQuery(series, c.req.queries());
      const dyad: [string, string] = [p.a!, p.b!];
      const period = p.period ?? 'month';
      const undirected = p.undirected ?? false;
      const rows = await cached(['dyad', dyad, period, undirected, p.from, p.to], async () =>
        relationSeries(await store.listEvents({ dyad, undirected, from: p.from, to: p.to }), { period, undirected }));
      return c.json({ a: dyad[0], b: dyad[1], period, undirected, series: rows });
    })
    .get('/relations/partners', async (c) => {
      const { limit, offset, ...p } = parseQuery(part, c.req.queries());
      const rows = await cached(['partners', p.actor, p.from, p.to], async () => partners(await store.listEvents({ actor: p.actor, from: p.from, to: p.to }), p.actor!));
      return c.json(slicePage(rows, pageOf({ limit, offset }, o)));
    });
}
