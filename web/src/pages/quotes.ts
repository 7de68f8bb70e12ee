import { api, type Facet, type QuoteFacets, type QuoteHit, type QuoteQuery } from '../api.js';
import { field, formValues, h, status } from '../dom.js';
import { highlighted } from '../highlight.js';
import { link, type Route } from '../route.js';

const PAGE = 50;
/** The URL's parameters, which are the API's. */
const KEYS = ['q', 'speaker', 'speakerName', 'actor', 'country', 'about', 'outlet', 'kind', 'from', 'to'] as const;
const FACETS: { key: keyof Omit<QuoteFacets, 'total'>; param: keyof QuoteQuery; title: string }[] = [
  { key: 'speakers', param: 'speakerName', title: 'Speaker' },
  { key: 'countries', param: 'country', title: "Speaker's country" },
  { key: 'outlets', param: 'outlet', title: 'Outlet' },
  { key: 'kinds', param: 'kind', title: 'Kind' },
];
const NAMES: Record<string, string> = { speakerName: 'speaker', country: 'country', outlet: 'outlet', kind: 'kind', about: 'about', speaker: 'speaker contains', actor: 'actor', q: 'words', from: 'from', to: 'to' };

/**
 * The quote explorer: words, speaker, actor and dates in a form; facets of the query (speaker,
 * speaker's country, outlet, kind) with their counts, each a link that narrows the list to it;
 * results grouped by speaker, the searched words marked. The whole query is in the URL.
 */
export async function renderQuotes(view: HTMLElement, route: Route): Promise<void> {
  const q: QuoteQuery = {};
  for (const k of KEYS) {
    const v = route.params.get(k)?.trim();
    if (v) q[k] = v;
  }
  const to = (patch: Partial<Record<keyof QuoteQuery, string | undefined>>) => link('quotes', [], { ...q, ...patch });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Search quotes' },
    field('Words', 'q', q.q ?? '', 'search'),
    field('Speaker', 'speaker', q.speaker ?? '', 'search'),
    field('Actor code', 'actor', q.actor ?? '', 'search', { size: 10 }),
    field('From', 'from', q.from ?? '', 'date'),
    field('To', 'to', q.to ?? '', 'date'),
    h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    // the facets chosen stay; the form's fields are what it says now
    location.hash = to(formValues(form));
  });
  view.append(h('h1', { tabindex: -1 }, 'Quotes'), h('p', { class: 'lede' }, 'Who said what: search the words said, by speaker, actor code (RUS, EU …) and date; narrow by the facets.'), form);

  const chosen = KEYS.filter((k) => q[k] !== undefined && !['q', 'speaker', 'actor', 'from', 'to'].includes(k));
  if (chosen.length) {
    view.append(h('p', { class: 'chips', id: 'quote-chosen' }, 'Narrowed to: ',
      ...chosen.map((k) => h('a', { href: to({ [k]: undefined }), class: 'chip', 'aria-label': `remove ${NAMES[k]} ${q[k]}` }, `${NAMES[k]}: ${q[k]} ✕`))));
  }

  const [facets, first] = await Promise.all([api.quoteFacets({ ...q, facetLimit: 12 }), api.quotes({ ...q, limit: PAGE, offset: 0 })]);
  const total = first.total ?? first.items.length;
  const count = h('p', { class: 'status', role: 'status', id: 'quote-count', 'data-total': total });
  const aside = facetPanel(facets, q, to);
  const results = h('div', { class: 'quote-results', id: 'quote-groups' });
  view.append(h('div', { class: 'facet-layout' }, aside, h('div', {}, count, results)));
  const loaded: QuoteHit[] = [];
  const more = h('button', { type: 'button', class: 'secondary more', id: 'quote-more' }, 'More quotes');
  const show = (items: QuoteHit[]) => {
    loaded.push(...items);
    results.replaceChildren(...groups(loaded, facets.speakers, q, to));
    count.textContent = total === 0 ? 'No quotes match.' : `${total} quote${total === 1 ? '' : 's'}${loaded.length < total ? `, ${loaded.length} shown` : ''}, grouped by speaker.`;
    if (loaded.length >= total || items.length === 0) more.remove();
    else if (!more.isConnected) results.after(more);
  };
  more.addEventListener('click', async () => show((await api.quotes({ ...q, limit: PAGE, offset: loaded.length })).items));
  show(first.items);
}

/** Each facet's values with their counts, each a link to the query narrowed to it (the chosen one unmarks it). */
function facetPanel(f: QuoteFacets, q: QuoteQuery, to: (patch: Partial<Record<keyof QuoteQuery, string | undefined>>) => string): HTMLElement {
  const group = (title: string, param: keyof QuoteQuery, values: Facet[], key: string) =>
    // no label of its own: its heading names it, and a label "Speaker" would shadow the form's field
    h('section', { class: 'facet', 'data-facet': key },
      h('h2', { class: 'facet-title' }, title),
      values.length === 0 ? h('p', { class: 'meta' }, 'none') : h('ul', { class: 'facet-list' }, ...values.map((v) => {
        const on = q[param] === v.value;
        return h('li', { 'data-value': v.value, 'data-count': v.count },
          h('a', { href: to({ [param]: on ? undefined : v.value }), 'aria-current': on ? 'true' : undefined }, v.value),
          ' ', h('span', { class: 'count' }, v.count));
      })));
  return h('aside', { class: 'facets', id: 'quote-facets', 'aria-label': 'Facets of the query' },
    ...FACETS.map((x) => group(x.title, x.param, f[x.key], x.key)));
}

/** The loaded quotes by speaker, the busiest first, each group with its count in the whole query. */
function groups(items: QuoteHit[], speakers: Facet[], q: QuoteQuery, to: (patch: Partial<Record<keyof QuoteQuery, string | undefined>>) => string): HTMLElement[] {
  const by = new Map<string, QuoteHit[]>();
  for (const x of items) {
    const k = x.speaker ?? '';
    by.set(k, [...(by.get(k) ?? []), x]);
  }
  const counted = new Map(speakers.map((s) => [s.value, s.count]));
  return [...by].sort((a, b) => (counted.get(b[0]) ?? b[1].length) - (counted.get(a[0]) ?? a[1].length) || b[1].length - a[1].length)
    .map(([speaker, list]) => {
      const all = counted.get(speaker);
      return h('section', { class: 'speaker-group', 'data-speaker': speaker, 'data-shown': list.length },
        h('h2', { class: 'speaker-head' }, speaker || 'Unattributed', ' ',
          h('span', { class: 'count' }, all !== undefined ? `${all} quote${all === 1 ? '' : 's'}` : `${list.length} shown`),
          speaker && all !== undefined && all > list.length && q.speakerName !== speaker ? h('a', { href: to({ speakerName: speaker }), class: 'small' }, ` all ${all}`) : null),
        h('ul', { class: 'cards' }, ...list.map((x) => quoteCard(x, q.q))));
    });
}

/** One quote, the searched words marked; its speaker's code links to the actor page. */
export function quoteCard(x: QuoteHit, words = ''): HTMLElement {
  const date = x.date ?? x.article.date;
  // a speaker's code begins with its country's (FRAGOV); an organisation's (IGO…, NGO…) does not
  const country = x.speakerCode && /^[A-Z]{3}/.test(x.speakerCode) && !/^(IGO|NGO|MNC)/.test(x.speakerCode) ? x.speakerCode.slice(0, 3) : undefined;
  return h('li', { class: 'card quote', 'data-speaker': x.speaker ?? '', 'data-kind': x.kind },
    h('blockquote', {}, ...highlighted(x.text, words)),
    h('div', { class: 'meta' },
      h('strong', { class: 'speaker' }, x.speaker ?? 'unattributed'),
      x.speakerCode ? (country ? h('a', { class: 'codes', href: link('actor', [country]) }, x.speakerCode) : h('span', { class: 'codes' }, x.speakerCode)) : null,
      x.cue ? h('span', {}, x.medium ? `${x.cue}, via ${x.medium}` : x.cue) : null,
      date ? h('time', { datetime: date }, date) : null,
      x.article.source ? h('span', {}, x.article.source) : null,
      h('span', {}, x.kind)),
    h('div', { class: 'meta' },
      h('a', { href: link('article', [x.articleId], { quote: x.index }) }, x.article.title ? `In “${x.article.title}”` : 'In the article')));
}
