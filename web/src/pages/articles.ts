import { api } from '../api.js';
import { field, formValues, h, status } from '../dom.js';
import { marked } from '../highlight.js';
import { link, type Route } from '../route.js';

const PAGE = 50;

/**
 * Stored articles: full-text search with the passage around the match (its words marked), by
 * actor (an event of the article has it on either side), outlet and date; each opens in the
 * reader. The query and the page are in the URL.
 */
export async function renderArticles(view: HTMLElement, route: Route): Promise<void> {
  const p = route.params;
  const q = { q: p.get('q') ?? '', actor: (p.get('actor') ?? '').toUpperCase(), source: p.get('source') ?? '', from: p.get('from') ?? '', to: p.get('to') ?? '' };
  const offset = Math.max(0, Number(p.get('offset') ?? 0) || 0);
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Search articles' },
    field('Words', 'q', q.q, 'search'),
    field('Actor code', 'actor', q.actor, 'search', { size: 10, title: 'a country or organisation code: articles with an event it is part of' }),
    field('Outlet', 'source', q.source, 'search'),
    field('From', 'from', q.from, 'date'),
    field('To', 'to', q.to, 'date'),
    h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = link('articles', [], formValues(form));
  });
  view.append(h('h1', { tabindex: -1 }, 'Articles'), form);
  if (q.actor) view.append(h('p', { class: 'lede' }, 'With events of ', h('a', { href: link('actor', [q.actor], { from: q.from, to: q.to }) }, q.actor), '.'));

  const page = await api.articles({ ...q, limit: PAGE, offset });
  const total = page.total ?? page.items.length;
  if (page.items.length === 0) {
    view.append(h('p', { class: 'status', role: 'status', id: 'article-count', 'data-total': 0 }, 'No articles match.'));
    return;
  }
  view.append(h('p', { class: 'status', role: 'status', id: 'article-count', 'data-total': total }, `${total} article${total === 1 ? '' : 's'}; ${offset + 1}–${offset + page.items.length} shown.`));
  view.append(h('ul', { class: 'cards', id: 'article-list' }, ...page.items.map((a) =>
    h('li', { class: 'card', 'data-id': a.id, 'data-source': a.source ?? '', 'data-date': a.date ?? '' },
      h('a', { href: link('article', [a.id]) }, a.title || a.id),
      a.snippet ? h('p', { class: 'snippet' }, ...marked(a.snippet, (a.snippetMatches ?? []).map((m) => [m.start, m.end] as const))) : null,
      h('div', { class: 'meta' }, a.date ? h('time', { datetime: a.date }, a.date) : null, a.source ? h('span', {}, a.source) : null)))));
  const nav = h('nav', { class: 'more', 'aria-label': 'Pages of results' });
  if (offset > 0) nav.append(h('a', { href: link('articles', [], { ...q, offset: Math.max(0, offset - PAGE) }) }, '← previous'), ' ');
  if (offset + page.items.length < total) nav.append(h('a', { href: link('articles', [], { ...q, offset: offset + PAGE }) }, 'next →'));
  view.append(nav);
}
