import { Hono } from 'hono';
import type { QuoteFilter, Store } from '../../store/types.js';
import type { ServerOptions } from '../options.js';
import { actorCode, date, oneOf, page, parseQuery, text, whole, type Parsed } from '../params.js';
import { pageOf } from './_list.js';

export const QUOTE_KINDS = ['direct', 'partial', 'mixed', 'indirect'] as const;

/** What narrows a quote query, shared by the list and its facets. */
function quoteFilterParams() {
  return {
    speaker: text("a part of the speaker's name, case-insensitive", 'Lavrov'),
    speakerName: text("exactly this speaker's name, as the speakers facet gives it", 'the foreign minister of France'),
    actor: actorCode("the speaker's actor code or its prefix, or its country (RUS matches RUSGOV)"),
    country: actorCode("exactly this speaker's country code, as the countries facet gives it"),
    about: actorCode('quotes about this actor: an event said inside the quote names it, and the speaker is not its'),
    outlet: text("exactly this outlet, as the outlets facet gives it", 'Reuters'),
    kind: oneOf(QUOTE_KINDS, 'the kind of quote'),
    q: text("a part of the quote's text, case-insensitive", 'relations'),
    from: date('first day of the quote date range (the day it was said, else the article date)'),
    to: date('last day of the quote date range'),
  };
}

/** `GET /api/quotes`: who said what, by speaker, speaker's actor, words and date. @example quoteListParams(o).speaker.example // 'Lavrov' */
export function quoteListParams(o: ServerOptions) {
  return { ...quoteFilterParams(), ...page(o.defaultLimit, o.maxLimit) };
}

/** `GET /api/quotes/facets`: the same filters, and how many values of each facet. @example quoteFacetParams().facetLimit.parse('10', 'facetLimit') // 10 */
export function quoteFacetParams() {
  return { ...quoteFilterParams(), facetLimit: whole(1, 200, 'at most this many values of each facet, most quotes first (default 20)', '10') };
}

/** The store's filter for the parsed parameters (paging aside). */
export function quoteFilter(p: Parsed<ReturnType<typeof quoteFilterParams>>): QuoteFilter {
  const f: QuoteFilter = {};
  for (const k of ['speaker', 'speakerName', 'actor', 'country', 'about', 'outlet', 'kind', 'q', 'from', 'to'] as const) if (p[k] !== undefined) (f as Record<string, unknown>)[k] = p[k];
  return f;
}

/**
 * Quotes, newest first, each with its text and its article's title, outlet and date; and the
 * facets of a query (speaker, speaker's country, outlet, kind) with their counts, each value a
 * filter that narrows the list to exactly that count.
 *
 * @example new Hono().route('/api', quoteRoutes(store, o))
 */
export function quoteRoutes(store: Store, o: ServerOptions): Hono {
  const params = quoteListParams(o);
  const facets = quoteFacetParams();
  return new Hono()
    .get('/quotes', async (c) => {
      const { limit, offset, ...p } = parseQuery(params, c.req.queries());
      const pg = pageOf({ limit, offset }, o);
      const filter = quoteFilter(p);
      const [items, total] = await Promise.all([store.listQuotes({ ...filter, ...pg }), store.countQuotes(filter)]);
      return c.json({ items, ...pg, total });
    })
    .get('/quotes/facets', async (c) => {
      const { facetLimit = 20, ...p } = parseQuery(facets, c.req.queries());
      const filter = quoteFilter(p);
      const [total, counts] = await Promise.all([store.countQuotes(filter), store.quoteFacets(filter, facetLimit)]);
      return c.json({ total, ...counts });
    });
}
