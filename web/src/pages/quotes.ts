import { api, type QuoteHit } from '../api.js';
import { field, formValues, h, status } from '../dom.js';
import { link, type Route } from '../route.js';

const PAGE = 50;

/** The quote explorer: search by speaker, actor code or words; each quote links to its article. */
export async function renderQuotes(view: HTMLElement, route: Route): Promise<void> {
  const p = route.params;
  const q = { speaker: p.get('speaker') ?? '', actor: p.get('actor') ?? '', q: p.get('q') ?? '', from: p.get('from') ?? '', to: p.get('to') ?? '' };
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Search quotes' },
    field('Speaker', 'speaker', q.speaker, 'search'),
    field('Actor code', 'actor', q.actor, 'search', { size: 10 }),
    field('Words', 'q', q.q, 'search'),
    field('From', 'from', q.from, 'date'),
    field('To', 'to', q.to, 'date'),
    h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = link('quotes', [], formValues(form));
  });
  view.append(h('h1', { tabindex: -1 }, 'Quotes'), h('p', { class: 'lede' }, 'Who said what: search by speaker, actor code (RUS, EU …) or the words said.'), form);

  const list = h('ul', { class: 'cards', id: 'quote-list' });
  const count = h('p', { class: 'status', role: 'status' });
  view.append(count, list);
  let offset = 0;
  const more = h('button', { type: 'button', class: 'secondary more' }, 'More quotes');
  const load = async () => {
    const page = await api.quotes({ ...q, limit: PAGE, offset });
    offset += page.items.length;
    list.append(...page.items.map(quoteCard));
    const total = page.total ?? offset;
    count.textContent = total === 0 ? 'No quotes match.' : `${total} quote${total === 1 ? '' : 's'}${offset < total ? `, showing ${offset}` : ''}.`;
    if (offset >= total || page.items.length === 0) more.remove();
    else if (!more.isConnected) view.append(more);
  };
  more.addEventListener('click', () => { void load(); });
  await load();
}

function quoteCard(x: QuoteHit): HTMLElement {
  const date = x.date ?? x.article.date;
  return h('li', { class: 'card quote', 'data-speaker': x.speaker ?? '', 'data-kind': x.kind },
    h('blockquote', {}, x.text),
    h('div', { class: 'meta' },
      h('strong', { class: 'speaker' }, x.speaker ?? 'unattributed'),
      x.speakerCode ? h('span', { class: 'codes' }, x.speakerCode) : null,
      x.cue ? h('span', {}, x.medium ? `${x.cue}, via ${x.medium}` : x.cue) : null,
      date ? h('time', { datetime: date }, date) : null,
      x.article.source ? h('span', {}, x.article.source) : null,
      h('span', {}, x.kind)),
    h('div', { class: 'meta' },
      h('a', { href: link('article', [x.articleId], { quote: x.index }) }, x.article.title ? `In “${x.article.title}”` : 'In the article')));
}
