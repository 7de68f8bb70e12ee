import { Hono } from 'hono';
import type { Article } from '../../model/article.js';
import type { Mention } from '../../model/actor.js';
import type { Store } from '../../store/types.js';
import { ApiError } from '../errors.js';
import type { ServerOptions } from '../options.js';
import { actorCode, date, page, parseQuery, text } from '../params.js';
import { pageOf, slicePage } from './_list.js';
import { layersParam, sentenceParse, storedParses, syntaxParams, type OptionalLayer } from './syntax.js';

/** The annotation layers of an article answer, each cut to `layerMaxItems` and paged at `/api/articles/{id}/{layer}`. */
export const LAYERS = ['paragraphs', 'sentences', 'mentions', 'quotes', 'events', 'captions', 'removed'] as const;
export type Layer = (typeof LAYERS)[number];

/** `GET /api/articles/{id}/{layer}`: a page of one layer. @example parseQuery(layerParams(o), { offset: ['2000'] }) */
export function layerParams(o: ServerOptions) {
  return page(o.layerMaxItems, o.layerMaxItems);
}

/** `GET /api/articles/{id}`: the optional layers to add. @example parseQuery(articleParams(), { layers: ['syntax'] }) */
export function articleParams() {
  return { layers: layersParam() };
}

/** `GET /api/articles`: full-text search (title and body), by outlet and date. @example parseQuery(articleListParams(o), { q: ['sanctions'] }) */
export function articleListParams(o: ServerOptions) {
  return {
    q: text('words to find in the title or body, all required; "quoted phrases" and prefix* allowed; best match first', 'sanctions'),
    source: text('the outlet, e.g. Reuters (case-insensitive)', 'Reuters'),
    actor: actorCode('articles with an event that has this country or organisation code on either side'),
    from: date('first day of the article date range'),
    to: date('last day of the article date range'),
    ...page(o.defaultLimit, o.maxLimit),
  };
}

/**
 * Articles: the search list, and one article with every annotation, its spans as offsets into
 * `text` (the dashboard shows the text as text and marks the spans; nothing is HTML).
 *
 * @example new Hono().route('/api', articleRoutes(store, serverOptions()))
 */
export function articleRoutes(store: Store, o: ServerOptions): Hono {
  const listParams = articleListParams(o);
  const layerPage = layerParams(o);
  const oneParams = articleParams();
  const parseParams = syntaxParams();
  const found = async (id: string): Promise<Article> => {
    const a = await store.getArticle(id);
    if (!a) throw new ApiError(404, 'not_found', `no article has the id ${JSON.stringify(id)} (a full id, or a prefix of 6 or more characters that only one id starts with)`);
    return a;
  };
  return new Hono()
    .get('/articles', async (c) => {
      const p = parseQuery(listParams, c.req.queries());
      const pg = pageOf(p, o);
      const filter = { q: p.q, source: p.source, actor: p.actor, from: p.from, to: p.to };
      const [items, total] = await Promise.all([store.searchArticles({ ...filter, ...pg }), store.countArticles(filter)]);
      return c.json({ items, ...pg, total });
    })
    .get('/articles/:id', async (c) => {
      const p = parseQuery(oneParams, c.req.queries());
      return c.json(articleBody(await found(c.req.param('id')), o.layerMaxItems, p.layers));
    })
    // before `/:layer`, which would take "syntax" for a layer name
    .get('/articles/:id/syntax', async (c) => {
      // an unknown article is a 404 whatever the query says
      const a = await found(c.req.param('id'));
      const p = parseQuery(parseParams, c.req.queries());
      return c.json(sentenceParse(a, p.sentence!, o));
    })
    .get('/articles/:id/:layer', async (c) => {
      const p = parseQuery(layerPage, c.req.queries());
      const a = await found(c.req.param('id'));
      const layer = c.req.param('layer');
      if (!(LAYERS as readonly string[]).includes(layer)) throw new ApiError(404, 'not_found', `an article has no layer ${JSON.stringify(layer)}; its layers: ${LAYERS.join(', ')}`);
      return c.json(slicePage(layerItems(a, layer as Layer), { limit: p.limit ?? o.layerMaxItems, offset: p.offset ?? 0 }));
    });
}

/**
 * One article as the API gives it: metadata values, text, span layers (no tokens) and its
 * annotations, each layer cut to its first `maxItems`; `more` gives the whole length of each
 * layer that was cut. A 9 MiB article's answer was 246 MB of annotations: now it is bounded.
 * `extra` adds optional layers (the stored parses), cut the same way.
 *
 * @example articleBody(a, 2000).mentions[0].actor.code // 'RUS'
 */
export function articleBody(a: Article, maxItems: number, extra: readonly OptionalLayer[] = []) {
  const more: Partial<Record<Layer | OptionalLayer, number>> = {};
  const cut = <T>(name: Layer | OptionalLayer, all: T[]): T[] => {
    if (all.length > maxItems) more[name] = all.length;
    return all.slice(0, maxItems);
  };
  const layer = (name: Layer) => cut(name, layerItems(a, name));
  const body = {
    id: a.id,
    title: a.meta.title?.value,
    date: a.meta.date?.value,
    source: a.meta.source?.value,
    url: a.meta.url?.value,
    origin: a.origin,
    text: a.text,
    paragraphs: layer('paragraphs'),
    sentences: layer('sentences'),
    mentions: layer('mentions'),
    quotes: layer('quotes'),
    events: layer('events'),
    captions: layer('captions'),
    removed: layer('removed'),
    ...(extra.includes('syntax') ? { syntax: cut('syntax', storedParses(a)) } : {}),
  };
  return Object.keys(more).length ? { ...body, more } : body;
}

/** One layer of an article as the API gives its items. @example layerItems(a, 'sentences')[0] // { start: 0, end: 42 } */
function layerItems(a: Article, layer: Layer): unknown[] {
  if (layer === 'mentions') return a.spans.mentions.map(mentionBody);
  if (layer === 'paragraphs' || layer === 'sentences') return a.spans[layer];
  return a[layer];
}

function mentionBody(m: Mention) {
  const { id, code, name, country, roles } = m.actor;
  return { start: m.start, end: m.end, kind: m.kind, rule: m.rule, actor: { id, code, name, country, roles }, ...(m.antecedent !== undefined ? { antecedent: m.antecedent } : {}) };
}
