import { Hono } from 'hono';
import { partners, PERIODS, relationSeries, topDyads } from '../../relations/index.js';
import type { Store } from '../../store/types.js';
import type { ServerOptions } from '../options.js';
import { actorCode, date, flag, oneOf, page, parseQuery } from '../params.js';
import { pageOf, slicePage } from './_list.js';

const range = () => ({ from: date('first day of the event date range'), to: date('last day of the event date range') });

export function topDyadParams(o: ServerOptions) {
  return { ...range(), undirected: flag('RUS→EU and EU→RUS together'), ...page(o.defaultLimit, o.maxLimit) };
}

export function dyadSeriesParams() {
  return {
    a: { ...actorCode('the source (or, undirected, one side): a country or organisation code'), required: true },
    b: { ...actorCode('the target (or, undirected, the other side)', 'EU'), required: true },
    period: oneOf(PERIODS, 'how finely time is cut (default month)'),
    undirected: flag('both directions together'),
    ...range(),
  };
}

export function partnerParams(o: ServerOptions) {
  return { actor: { ...actorCode('a country or organisation code'), required: true }, ...range(), ...page(o.defaultLimit, o.maxLimit) };
}

/**
 * Relations, derived from the stored events on each request (src/relations): the most active
 * dyads, one dyad's time series, an actor's partners. Negated, undated and targetless events do
 * not count; the same event reported by several articles counts once.
 */
export function relationRoutes(store: Store, o: ServerOptions): Hono {
  const top = topDyadParams(o);
  const series = dyadSeriesParams();
  const part = partnerParams(o);
  return new Hono()
    .get('/relations', async (c) => {
      const { limit, offset, ...p } = parseQuery(top, c.req.queries());
      const events = await store.listEvents({ from: p.from, to: p.to });
      return c.json(slicePage(topDyads(events, { undirected: p.undirected }), pageOf({ limit, offset }, o)));
    })
    .get('/relations/dyad', async (c) => {
      const p = parseQuery(series, c.req.queries());
      const dyad: [string, string] = [p.a!, p.b!];
      const events = await store.listEvents({ dyad, undirected: p.undirected, from: p.from, to: p.to });
      const period = p.period ?? 'month';
      const undirected = p.undirected ?? false;
      return c.json({ a: dyad[0], b: dyad[1], period, undirected, series: relationSeries(events, { period, undirected }) });
    })
    .get('/relations/partners', async (c) => {
      const { limit, offset, ...p } = parseQuery(part, c.req.queries());
      const events = await store.listEvents({ actor: p.actor, from: p.from, to: p.to });
      return c.json(slicePage(partners(events, p.actor!), pageOf({ limit, offset }, o)));
    });
}
