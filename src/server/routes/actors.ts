import { Hono } from 'hono';
import type { ActorRange, EventKey, KeyedEvent, Store } from '../../store/index.js';
import type { ServerOptions } from '../options.js';
import { actorCode, date, eventCursor, oneOf, page, parseQuery, text, whole } from '../params.js';
import { badParameter } from '../errors.js';
import { pageOf } from './_list.js';

const range = () => ({ from: date('first day of the range'), to: date('last day of the range') });

/** `GET /api/actors/{code}/partners`. @example actorRangeParams().from.parse('2019-01-01', 'from') */
export function actorRangeParams() {
  return range();
}

/** `GET /api/actors/{code}/people`. @example actorPeopleParams(o).limit.parse('10', 'limit') // 10 */
export function actorPeopleParams(o: ServerOptions) {
  return { ...range(), limit: whole(1, o.maxLimit, `at most this many speakers, most quotes first (default ${o.defaultLimit})`, '5') };
}

/** `GET /api/actors/{code}/quotes`. @example actorQuoteParams(o).role.parse('about', 'role') // 'about' */
export function actorQuoteParams(o: ServerOptions) {
  return {
    role: oneOf(['by', 'about'] as const, "by: said by the actor's people (the default); about: an event said inside the quote names the actor, its speaker another's"),
    q: text("a part of the quote's text, case-insensitive", 'said'),
    ...range(),
    ...page(o.defaultLimit, o.maxLimit),
  };
}

/** `GET /api/actors/{code}/events`. @example actorEventParams(o).before.parse('2019-05-01:12', 'before') */
export function actorEventParams(o: ServerOptions) {
  return {
    ...range(),
    limit: whole(1, o.maxLimit, `at most this many events (default ${o.defaultLimit})`, '5'),
    before: eventCursor('the events just older than this (the page after, reading back in time)'),
    after: eventCursor('the events just newer than this (the page before), still newest first'),
  };
}

/** The actor code in the path, upper-cased; a malformed one is a 400 that names it. */
function actorOf(raw: string): string {
  return actorCode('the actor').parse(raw, 'code');
}

const cursorOf = (k: EventKey) => `${k.date}:${k.id}`;

/**
 * The actor page (issue 19): an actor's partners sent and received by quad class, its people, its
 * quotes by it and about it, and its events newest first in keyset pages. An actor is a country or
 * organisation code as events store it on either side; only dated, not negated events count.
 *
 * @example new Hono().route('/api', actorRoutes(store, o))
 */
export function actorRoutes(store: Store, o: ServerOptions): Hono {
  const partners = actorRangeParams();
  const people = actorPeopleParams(o);
  const quotes = actorQuoteParams(o);
  const events = actorEventParams(o);
  return new Hono()
    .get('/actors/:code/partners', async (c) => {
      const f: ActorRange = { actor: actorOf(c.req.param('code')), ...parseQuery(partners, c.req.queries()) };
      const [items, events] = await Promise.all([store.actorPartners(f), store.countActorEvents(f)]);
      return c.json({ actor: f.actor, from: f.from ?? null, to: f.to ?? null, events, items });
    })
    .get('/actors/:code/people', async (c) => {
      const actor = actorOf(c.req.param('code'));
      const { limit = o.defaultLimit, ...p } = parseQuery(people, c.req.queries());
      const items = await store.actorPeople({ actor, ...p }, limit);
      return c.json({ actor, items, limit });
    })
    .get('/actors/:code/quotes', async (c) => {
      const actor = actorOf(c.req.param('code'));
      const { role = 'by', limit, offset, ...p } = parseQuery(quotes, c.req.queries());
      const pg = pageOf({ limit, offset }, o);
      const filter = { ...(role === 'by' ? { actor } : { about: actor }), q: p.q, from: p.from, to: p.to };
      const [items, total] = await Promise.all([store.listQuotes({ ...filter, ...pg }), store.countQuotes(filter)]);
      return c.json({ items, ...pg, total, role });
    })
    .get('/actors/:code/events', async (c) => {
      const actor = actorOf(c.req.param('code'));
      const { limit, before, after, ...p } = parseQuery(events, c.req.queries());
      if (before && after) throw badParameter('before and after cannot both be given: a page is read one way');
      const f: ActorRange = { actor, ...p };
      const n = limit ?? o.defaultLimit;
      const [page, total] = await Promise.all([store.actorEvents(f, { limit: n, before, after }), store.countActorEvents(f)]);
      const items = page.items;
      // whether rows lie beyond the page's other edge: one row read that way says
      const beyond = async (key: { before?: EventKey; after?: EventKey }) => (await store.actorEvents(f, { limit: 1, ...key })).items.length > 0;
      const first = items[0]?.key;
      const last = items[items.length - 1]?.key;
      const older = last && (after ? await beyond({ before: last }) : page.more) ? cursorOf(last) : null;
      const newer = first && (after ? page.more : await beyond({ after: first })) ? cursorOf(first) : null;
      return c.json({ items: items.map(withCursor), limit: n, total, older, newer });
    });
}

function withCursor({ key, ...e }: KeyedEvent) {
  return { ...e, cursor: cursorOf(key) };
}
