import { Hono } from 'hono';
import { loadEventDictionary } from '../../events/dictionary.js';
import type { EventFilter, Store } from '../../store/types.js';
import type { ServerOptions } from '../options.js';
import { actorCode, cameoCode, date, dyad, flag, oneOf, page, parseQuery, quadClass } from '../params.js';
import { pageOf } from './_list.js';

/** `GET /api/events`: by actor, side, dyad, CAMEO code, PLOVER type, quad class and date range. @example eventListParams(o).quad.parse('4', 'quad') // 4 */
export function eventListParams(o: ServerOptions) {
  const plover = [...loadEventDictionary().plover.events.keys()].sort();
  return {
    actor: actorCode('either side: an actor code prefix (RUS matches RUSGOV) or a country'),
    source: actorCode("the source's actor code or its prefix"),
    target: actorCode("the target's actor code or its prefix", 'EU'),
    dyad: dyad('source and target countries or organisations'),
    undirected: flag('with dyad, both directions'),
    code: cameoCode('the CAMEO event code'),
    plover: oneOf(plover, 'the PLOVER event type'),
    quad: quadClass('the quad class'),
    from: date('first day of the event date range'),
    to: date('last day of the event date range'),
    negated: flag('include negated events ("did not attack"), left out by default'),
    wrong: flag('include events an analyst marked wrong (/api/corrections), left out by default'),
    ...page(o.defaultLimit, o.maxLimit),
  };
}

/** Events in date order (then article and index), as stored, with their evidence sentence. @example new Hono().route('/api', eventRoutes(store, o)) */
export function eventRoutes(store: Store, o: ServerOptions): Hono {
  const params = eventListParams(o);
  return new Hono().get('/events', async (c) => {
    const { limit, offset, ...p } = parseQuery(params, c.req.queries());
    const pg = pageOf({ limit, offset }, o);
    const filter: EventFilter = { ...p };
    const [items, total] = await Promise.all([store.listEvents({ ...filter, ...pg }), store.countEvents(filter)]);
    return c.json({ items, ...pg, total });
  });
}
