import { api, type FeedRec } from '../api.js';
import { h, safeHref, status } from '../dom.js';
import type { Route } from '../route.js';

/** The feeds `entente watch` follows and how they are doing: failing ones first. */
export async function renderFeeds(view: HTMLElement, _route: Route): Promise<void> {
  view.append(h('h1', { tabindex: -1 }, 'Feeds'),
    h('p', { class: 'lede' }, 'The feeds entente watch follows: when each last answered, its last error, and the articles it brought.'));
  const { items } = await api.feeds();
  if (items.length === 0) {
    view.append(status('No feeds: add some with entente feeds add, or give them to entente watch.'));
    return;
  }
  const failing = items.filter((f) => f.failing).length;
  view.append(h('p', { class: 'status', role: 'status' }, `${items.length} feed${items.length === 1 ? '' : 's'}, ${failing} failing.`));
  const sorted = [...items].sort((a, b) => Number(b.failing) - Number(a.failing));
  view.append(h('div', { class: 'table-wrap' }, h('table', { id: 'feeds-table' },
    h('thead', {}, h('tr', {}, ...['Feed', 'Health', 'Last success', 'Last error', 'Articles', 'A day', 'Polls', 'Failures'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...sorted.map(row)))));
}

function row(f: FeedRec): HTMLElement {
  const href = safeHref(f.url);
  return h('tr', { 'data-url': f.url, 'data-failing': String(f.failing) },
    h('td', {}, href ? h('a', { href, rel: 'noopener noreferrer' }, f.title ?? f.url) : f.title ?? f.url, f.title ? h('div', { class: 'meta' }, f.url) : null),
    h('td', { class: f.failing ? 'health-failing' : 'health-ok' }, f.failing ? 'FAILING' : f.lastSuccessAt ? 'OK' : 'not polled yet'),
    h('td', {}, f.lastSuccessAt ? h('time', { datetime: f.lastSuccessAt }, f.lastSuccessAt.replace('T', ' ').slice(0, 16)) : '—'),
    h('td', {}, f.lastError ? `${f.lastError.reason}: ${f.lastError.detail} (${f.lastError.at.replace('T', ' ').slice(0, 16)})` : '—'),
    h('td', { class: 'num' }, f.articles),
    h('td', { class: 'num' }, f.articlesPerDay),
    h('td', { class: 'num' }, f.polls),
    h('td', { class: 'num' }, f.failures));
}
