import { api, type ActorPartner, type ActorPartners, type ActorPerson, type DyadEventPage, type PartnerSide, type QuoteHit } from '../api.js';
import { field, formValues, h, status } from '../dom.js';
import { link, type Route } from '../route.js';
import { fmt, QUAD_NAMES } from '../scale.js';
import { eventCard } from './dyad.js';
import { quoteCard } from './quotes.js';
import { partnerOption } from './actor-chart.js';

const PAGE = 25;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CURSOR = /^\d{4}-\d{2}-\d{2}:\d{1,18}$/;

/** The page's view as the URL holds it: `#/actor/CODE?from=…&to=…&before=…|after=…`. */
interface ActorState { code: string; from: string; to: string; before: string; after: string }

function readState(route: Route): ActorState {
  const get = (k: string, ok: RegExp) => (ok.test(route.params.get(k) ?? '') ? route.params.get(k)! : '');
  return { code: (route.parts[0] ?? '').toUpperCase(), from: get('from', DAY), to: get('to', DAY), before: get('before', CURSOR), after: get('after', CURSOR) };
}

/** The URL of an actor's page over a range (no page cursor: a new view starts at the newest). */
export function actorLink(code: string, range: { from?: string; to?: string } = {}, cursor: { before?: string; after?: string } = {}): string {
  return link('actor', [code], { from: range.from, to: range.to, ...cursor });
}

/**
 * An actor's page: its partners over the range, sent and received by quad class (a chart and a
 * table), its people (who spoke for it), quotes by it and about it, and its events newest first
 * in keyset pages. The range and the events' page are in the URL.
 */
export async function renderActor(view: HTMLElement, route: Route): Promise<void> {
  const s = readState(route);
  if (!/^[A-Z0-9]{2,20}$/.test(s.code)) {
    view.append(h('h1', { tabindex: -1 }, 'Actor'), status('An actor page needs a code, e.g. #/actor/RUS.', 'error'));
    return;
  }
  const range = { from: s.from || undefined, to: s.to || undefined };
  const form = h('form', { class: 'filters', 'aria-label': 'Range of the actor page' },
    field('From', 'from', s.from, 'date'), field('To', 'to', s.to, 'date'), h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    const [from, to] = v.from && v.to && v.from > v.to ? [v.to, v.from] : [v.from, v.to];
    location.hash = actorLink(s.code, { from, to });
  });
  view.append(h('h1', { tabindex: -1 }, `Actor ${s.code}`),
    h('p', { class: 'lede' }, h('a', { href: link('relations') }, '← all relations'),
      ` · who ${s.code} acted on and who acted on it, who spoke for it, what was said by it and about it. `,
      h('a', { href: link('articles', [], { actor: s.code, ...range }) }, `Articles about ${s.code}`), ' · ',
      h('a', { href: link('quotes', [], { actor: s.code, ...range }) }, 'search its quotes')),
    form);

  const [partners, people, by, about, events] = await Promise.all([
    api.actorPartners(s.code, range),
    api.actorPeople(s.code, { ...range, limit: 30 }),
    api.actorQuotes(s.code, { role: 'by', ...range, limit: 10 }),
    api.actorQuotes(s.code, { role: 'about', ...range, limit: 10 }),
    api.actorEvents(s.code, { ...range, limit: PAGE, before: s.before || undefined, after: s.after || undefined }),
  ]);
  const drawn = partnerSection(s, partners);
  view.append(drawn.section, peopleSection(s, people.items),
    quoteSection(s, 'by', by), quoteSection(s, 'about', about), eventSection(s, events));
  // a chart takes its size from where it stands: drawn once in the page
  await drawn.draw();
}

function partnerSection(s: ActorState, p: ActorPartners): { section: HTMLElement; draw: () => Promise<void> } {
  const section = h('section', { 'aria-labelledby': 'actor-partners-h' },
    h('h2', { id: 'actor-partners-h' }, `Partners: ${p.items.length}, ${p.events} event${p.events === 1 ? '' : 's'}${p.from || p.to ? ` from ${p.from ?? 'the start'} to ${p.to ?? 'the end'}` : ''}`));
  if (p.items.length === 0) {
    section.append(status(`No dated events of ${s.code} with another actor in this range.`));
    return { section, draw: async () => {} };
  }
  const el = h('div', { class: 'chart short', id: 'actor-chart' });
  section.append(h('p', { class: 'lede' }, 'Events sent to each partner to the right, received from it to the left, by quad class; every report counts (the table gives the numbers).'), el);
  section.append(partnerTable(s, p.items));
  const draw = async () => {
    const { chart } = await import('../charts.js');
    chart(el, partnerOption(s.code, p.items.slice(0, 12)));
  };
  return { section, draw };
}

function partnerTable(s: ActorState, items: ActorPartner[]): HTMLElement {
  const side = (x: PartnerSide) => [
    h('td', { class: 'num' }, x.events),
    h('td', { class: 'num hide-narrow', title: QUAD_NAMES.join(' / ') }, x.quad.join(' / ')),
    h('td', { class: `num ${x.goldsteinMean === null ? '' : x.goldsteinMean < 0 ? 'neg' : x.goldsteinMean > 0 ? 'pos' : ''}` }, x.goldsteinMean === null ? '—' : fmt(x.goldsteinMean)),
  ];
  const range = { from: s.from, to: s.to };
  const rows = items.map((p) => h('tr', { 'data-partner': p.partner, 'data-sent': p.sent.events, 'data-received': p.received.events },
    h('th', { scope: 'row' }, h('a', { href: actorLink(p.partner, range) }, p.partner), ' ',
      h('a', { href: link('dyad', [s.code, p.partner], range), class: 'small', 'aria-label': `the dyad ${s.code} and ${p.partner}` }, 'dyad')),
    ...side(p.sent), ...side(p.received)));
  return h('div', { class: 'table-wrap' }, h('table', { id: 'actor-partners' },
    h('caption', { class: 'status' }, `Each partner with ${s.code}'s events sent to it and received from it: count, by quad class, mean Goldstein.`),
    h('thead', {},
      h('tr', {}, h('td', {}), h('th', { scope: 'colgroup', colspan: 3 }, 'Sent'), h('th', { scope: 'colgroup', colspan: 3 }, 'Received')),
      h('tr', {}, h('th', { scope: 'col' }, 'Partner'),
        ...[0, 1].flatMap(() => [h('th', { scope: 'col' }, 'Events'), h('th', { scope: 'col', class: 'hide-narrow' }, 'By quad'), h('th', { scope: 'col' }, 'Mean')]))),
    h('tbody', {}, ...rows)));
}

function peopleSection(s: ActorState, people: ActorPerson[]): HTMLElement {
  return h('section', { 'aria-labelledby': 'actor-people-h' },
    h('h2', { id: 'actor-people-h' }, `People: who spoke for ${s.code}`),
    people.length === 0 ? status(`No named speaker for ${s.code} in this range.`)
      : h('ul', { class: 'facet-list', id: 'actor-people' }, ...people.map((p) => h('li', { 'data-speaker': p.speaker, 'data-quotes': p.quotes },
        h('a', { href: link('quotes', [], { speakerName: p.speaker, actor: s.code, from: s.from, to: s.to }) }, p.speaker),
        ' ', h('span', { class: 'count' }, `${p.quotes}`), p.speakerCode ? h('span', { class: 'codes' }, ` ${p.speakerCode}`) : null))));
}

/** Quotes by the actor or about it: the first page, and more on request. */
function quoteSection(s: ActorState, role: 'by' | 'about', first: { items: QuoteHit[]; total?: number }): HTMLElement {
  const total = first.total ?? first.items.length;
  const id = `actor-quotes-${role}`;
  const list = h('ul', { class: 'cards', id }, ...first.items.map((q) => quoteCard(q)));
  const more = h('button', { type: 'button', class: 'secondary more', id: `${id}-more` }, 'More quotes');
  let offset = first.items.length;
  more.addEventListener('click', async () => {
    const page = await api.actorQuotes(s.code, { role, from: s.from || undefined, to: s.to || undefined, limit: PAGE, offset });
    offset += page.items.length;
    list.append(...page.items.map((q) => quoteCard(q)));
    if (offset >= total || page.items.length === 0) more.remove();
  });
  const section = h('section', { 'aria-labelledby': `${id}-h` },
    h('h2', { id: `${id}-h`, 'data-total': total }, role === 'by' ? `Quotes by ${s.code}: ${total}` : `Quotes about ${s.code}: ${total}`),
    h('p', { class: 'lede' }, role === 'by' ? `Said by ${s.code}'s people, newest first.` : `Said by others, with an event inside the quote that names ${s.code}.`));
  section.append(total === 0 ? status('None in this range.') : list);
  if (offset < total) section.append(more);
  return section;
}

/** The actor's events newest first, a page at a time along the API's cursors; the page goes in the URL without a history entry. */
function eventSection(s: ActorState, first: DyadEventPage): HTMLElement {
  const list = h('ul', { class: 'cards', id: 'actor-events' });
  const info = h('p', { class: 'meta', 'aria-live': 'polite' });
  const newer = h('button', { type: 'button', class: 'secondary', id: 'actor-newer' }, '← Newer');
  const older = h('button', { type: 'button', class: 'secondary', id: 'actor-older' }, 'Older →');
  const heading = h('h2', { id: 'actor-events-h', tabindex: -1 }, `Events: ${first.total}, newest first`);
  let current = first;
  const show = (p: DyadEventPage) => {
    current = p;
    list.replaceChildren(...p.items.map((e) => {
      const li = eventCard(e);
      li.dataset.key = `${e.articleId}#${e.index}`;
      li.dataset.date = e.date;
      return li;
    }));
    info.replaceChildren(p.items.length ? `${p.items.length} events from ${p.items[0].date} back to ${p.items[p.items.length - 1].date}` : 'No events on this page.');
    newer.disabled = p.newer === null;
    older.disabled = p.older === null;
  };
  let reading = false;
  const turn = async (to: { before?: string; after?: string }) => {
    if (reading) return;
    reading = true;
    try {
      const p = await api.actorEvents(s.code, { from: s.from || undefined, to: s.to || undefined, limit: PAGE, ...to });
      history.replaceState(history.state, '', actorLink(s.code, { from: s.from, to: s.to }, to));
      show(p);
      heading.focus();
    } finally {
      reading = false;
    }
  };
  newer.addEventListener('click', () => current.newer && void turn({ after: current.newer }));
  older.addEventListener('click', () => current.older && void turn({ before: current.older }));
  show(first);
  return h('section', { 'aria-labelledby': 'actor-events-h' }, heading,
    h('nav', { class: 'pager', 'aria-label': 'Pages of events' }, newer, info, older), list);
}
