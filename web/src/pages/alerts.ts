import { api, type AlertRec } from '../api.js';
import { field, formValues, h, safeHref, status } from '../dom.js';
import { link, type Route } from '../route.js';

/** Relations that turned: the change detector's alerts, newest turn first, with their evidence. */
export async function renderAlerts(view: HTMLElement, route: Route): Promise<void> {
  const p = route.params;
  const q = { dyad: p.get('dyad') ?? '', actor: p.get('actor') ?? '', from: p.get('from') ?? '', to: p.get('to') ?? '' };
  const form = h('form', { class: 'filters', 'aria-label': 'Filter alerts' },
    field('Dyad (A,B)', 'dyad', q.dyad),
    field('Actor', 'actor', q.actor),
    field('From', 'from', q.from, 'date'),
    field('To', 'to', q.to, 'date'),
    h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = link('alerts', [], formValues(form));
  });
  view.append(h('h1', { tabindex: -1 }, 'Relations that turned'),
    h('p', { class: 'lede' }, "A change detector (CUSUM) on each pair's daily mean Goldstein score: the day the new level began, the means before and after, and the first events after the turn."),
    form);
  const page = await api.alerts({ ...q, dyad: q.dyad.replace(/\s+/g, '').toUpperCase(), actor: q.actor.toUpperCase(), limit: 100 });
  if (page.items.length === 0) {
    view.append(status('No relation has turned in what is stored.'));
    return;
  }
  view.append(h('div', { class: 'table-wrap' }, h('table', { id: 'alerts-table' },
    h('thead', {}, h('tr', {}, ...['Turned on', 'Pair', 'Direction', 'Before', 'After', 'Events', 'Seen on', 'Evidence'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...page.items.map(row)))));
}

function row(a: AlertRec): HTMLElement {
  const [x, y] = a.dyad;
  return h('tr', { 'data-dyad': `${x}-${y}`, 'data-when': a.when, 'data-direction': a.direction },
    h('td', {}, h('time', { datetime: a.when }, a.when)),
    h('td', {}, h('a', { href: link('dyad', [x, y], { period: 'day', undirected: 'true' }) }, `${x}–${y}`)),
    h('td', { class: `turn-${a.direction}` }, a.direction),
    h('td', { class: 'num' }, a.before),
    h('td', { class: 'num' }, a.after),
    h('td', { class: 'num' }, a.events),
    h('td', {}, a.detectedOn),
    h('td', {}, h('ul', { class: 'evidence' }, ...a.evidence.map((e) =>
      h('li', {}, h('a', { href: link('article', [e.articleId]) }, e.sentence), ` (${e.date}, ${e.code}, ${e.goldstein})`,
        safeHref(e.url) ? h('span', {}, ' ', h('a', { href: safeHref(e.url)!, rel: 'noopener noreferrer' }, 'source')) : null)))));
}
