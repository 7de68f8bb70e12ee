import { Hono } from 'hono';
import type { Store } from '../../store/types.js';
import type { ServerOptions } from '../options.js';
import { actorCode, date, page, parseQuery, text } from '../params.js';
import { pageOf } from './_list.js';

/** `GET /api/quotes`: who said what, by speaker, speaker's actor, words and date. */
export function quoteListParams(o: ServerOptions) {
  return {
    speaker: text("a part of the speaker's name, case-insensitive", 'Lavrov'),
    actor: actorCode("the speaker's actor code or its prefix, or its country (RUS matches RUSGOV)"),
    q: text("a part of the quote's text, case-insensitive", 'relations'),
    from: date('first day of the quote date range (the day it was said, else the article date)'),
    to: date('last day of the quote date range'),
    ...page(o.defaultLimit, o.maxLimit),
  };
}

/** Quotes, newest first, each with its text and its article's title, outlet and date. */
export function quoteRoutes(store: Store, o: ServerOptions): Hono {
  const params = quoteListParams(o);
  return new Hono().get('/quotes', async (c) => {
    const p = parseQuery(params, c.req.queries());
    const pg = pageOf(p, o);
    const filter = { speaker: p.speaker, actor: p.actor, q: p.q, from: p.from, to: p.to };
    const [items, total] = await Promise.all([store.listQuotes({ ...filter, ...pg }), store.countQuotes(filter)]);
    return c.json({ items, ...pg, total });
  });
}
