import { Hono } from 'hono';
import type { Article } from '../../model/article.js';
import type { Mention } from '../../model/actor.js';
import type { Store } from '../../store/types.js';
import { ApiError } from '../errors.js';
import type { ServerOptions } from '../options.js';
import { date, page, parseQuery, text } from '../params.js';
import { pageOf } from './_list.js';

/** `GET /api/articles`: full-text search (title and body), by outlet and date. */
export function articleListParams(o: ServerOptions) {
  return {
    q: text('words to find in the title or body, all required; "quoted phrases" and prefix* allowed; best match first', 'sanctions'),
    source: text('the outlet, e.g. Reuters (case-insensitive)', 'Reuters'),
    from: date('first day of the article date range'),
    to: date('last day of the article date range'),
    ...page(o.defaultLimit, o.maxLimit),
  };
}

/**
 * Articles: the search list, and one article with every annotation, its spans as offsets into
 * `text` (the dashboard shows the text as text and marks the spans; nothing is HTML).
 */
export function articleRoutes(store: Store, o: ServerOptions): Hono {
  const listParams = articleListParams(o);
  return new Hono()
    .get('/articles', async (c) => {
      const p = parseQuery(listParams, c.req.queries());
      const pg = pageOf(p, o);
      const filter = { q: p.q, source: p.source, from: p.from, to: p.to };
      const [items, total] = await Promise.all([store.searchArticles({ ...filter, ...pg }), store.countArticles(filter)]);
      return c.json({ items, ...pg, total });
    })
    .get('/articles/:id', async (c) => {
      parseQuery({}, c.req.queries());
      const id = c.req.param('id');
      const a = await store.getArticle(id);
      if (!a) throw new ApiError(404, 'not_found', `no article has the id ${JSON.stringify(id)} (a full id, or a prefix of 6 or more characters that only one id starts with)`);
      return c.json(articleBody(a));
    });
}

/** One article as the API gives it: metadata values, text, span layers (no tokens) and every annotation. */
export function articleBody(a: Article) {
  return {
    id: a.id,
    title: a.meta.title?.value,
    date: a.meta.date?.value,
    source: a.meta.source?.value,
    url: a.meta.url?.value,
    origin: a.origin,
    text: a.text,
    paragraphs: a.spans.paragraphs,
    sentences: a.spans.sentences,
    mentions: a.spans.mentions.map(mentionBody),
    quotes: a.quotes,
    events: a.events,
    captions: a.captions,
    removed: a.removed,
  };
}

function mentionBody(m: Mention) {
  const { id, code, name, country, roles } = m.actor;
  return { start: m.start, end: m.end, kind: m.kind, rule: m.rule, actor: { id, code, name, country, roles }, ...(m.antecedent !== undefined ? { antecedent: m.antecedent } : {}) };
}
