import { api, type DyadEvent, type DyadEventPage, type DyadView, type StoredEvent } from '../api.js';
import { saveBlob } from '../chart-export.js';
import type { Chart } from '../charts.js';
import { field, formValues, h, status } from '../dom.js';
import { link, type Route } from '../route.js';
import { correctionControl } from '../correction.js';
import { fmt, QUAD_NAMES } from '../scale.js';
import { dyadLink, PERIODS, readDyadState, viewParams, WINDOWS, type DyadState } from './dyad-state.js';

const PAGE = 50;
const EXPORTS = [['csv', 'Events CSV'], ['gdelt', 'GDELT events'], ['gdelt-mentions', 'GDELT mentions'], ['plover', 'PLOVER JSON lines']] as const;

/**
 * The dyad explorer: one dyad over any range on a continuous time axis (drag across it to choose a
 * range, zoom with the slider or the wheel), counts by quad class with a rolling mean of Goldstein
 * whose window the user picks, and the range's evidence newest first in keyset pages. Everything
 * that makes the view is in the URL; the page cursor too, set without a new history entry.
 */
export async function renderDyad(view: HTMLElement, route: Route): Promise<void> {
  const s = readDyadState(route);
  if (!s.a || !s.b) {
    view.append(h('h1', { tabindex: -1 }, 'Dyad'), status('A dyad page needs two actors, e.g. #/dyad/RUS/EU.', 'error'));
    return;
  }
  const go = (patch: Partial<DyadState>) => { location.hash = dyadLink(s, patch); };
  view.append(
    h('h1', { tabindex: -1 }, s.dir === 'ab' ? `${s.a} → ${s.b}` : `${s.a} and ${s.b}`),
    h('p', { class: 'lede' },
      h('a', { href: link('relations') }, '← all relations'),
      s.dir === 'ab' ? ` · one direction: what ${s.a} did to ${s.b} (` : ` · both directions: ${s.a} → ${s.b} and ${s.b} → ${s.a} (`,
      h('a', { href: dyadLink({ ...s, a: s.b, b: s.a, dir: 'ab' }) }, `${s.b} → ${s.a} alone`), ') · ',
      h('a', { href: link('compare', [], { d: `${s.a}-${s.b}`, from: s.from, to: s.to, period: s.period, window: s.window }) }, 'compare with other dyads'),
      ' · actor pages: ', h('a', { href: link('actor', [s.a], { from: s.from, to: s.to }), class: 'actor-link' }, s.a), ', ',
      h('a', { href: link('actor', [s.b], { from: s.from, to: s.to }), class: 'actor-link' }, s.b)),
    filterForm(s, go));

  const [series, page] = await Promise.all([
    api.dyadSeries({ ...viewParams(s), period: s.period, window: s.window }),
    api.dyadEvents({ ...viewParams(s), limit: PAGE, before: s.before || undefined, after: s.after || undefined }),
  ]);
  addOutlets(view, series);
  const { el: said, say } = statusLine('dyad-status');
  let chart: Chart | undefined;
  const name = `entente-${s.a}-${s.b}-${s.dir}-${series.from ?? 'start'}-${series.to ?? 'end'}`;
  if (series.points.length > 0 && series.from && series.to) {
    const charts = await import('../charts.js');
    const drawn = await import('./dyad-chart.js');
    const el = h('div', { class: 'chart short', id: 'dyad-chart' });
    view.append(rangeBar(s, series, go), el);
    chart = charts.chart(el, drawn.dyadOption(series, s.dir === 'ab' ? `${s.a} to ${s.b}` : `${s.a} and ${s.b}, both directions`));
    drawn.onRangeChosen(chart, { from: series.from, to: series.to }, (from, to) => go({ from, to }));
    view.append(h('div', { class: 'exports', role: 'group', 'aria-label': 'Take the view away' },
      ...exportButtons(s, say), drawn.chartButtons(() => chart, name, say)), said, drawn.pointsTable(series));
  } else {
    view.append(status(`No events between ${s.a} and ${s.b} in this view to chart.`), h('div', { class: 'exports' }, ...exportButtons(s, say)), said);
  }
  view.append(evidence(s, page, series));
}

/** Direction, range, period, window and the filters; submitting makes them the view. */
function filterForm(s: DyadState, go: (patch: Partial<DyadState>) => void): HTMLFormElement {
  const select = (label: string, name: string, options: [string, string][], value: string) =>
    h('div', { class: 'field' }, h('label', { for: `f-${name}` }, label),
      h('select', { id: `f-${name}`, name }, ...options.map(([v, t]) => h('option', { value: v, selected: v === value }, t))));
  const form = h('form', { class: 'filters', 'aria-label': 'View of the dyad' },
    select('Direction', 'dir', [['both', `${s.a} ↔ ${s.b}`], ['ab', `${s.a} → ${s.b}`]], s.dir),
    field('From', 'from', s.from, 'date'),
    field('To', 'to', s.to, 'date'),
    select('Period', 'period', PERIODS.map((p) => [p, p]), s.period),
    select('Rolling mean over', 'window', WINDOWS.map((w) => [String(w), `${w} period${w === 1 ? '' : 's'}`]), String(s.window)),
    select('Quad class', 'quad', [['', 'all'], ...QUAD_NAMES.map((q, i): [string, string] => [String(i + 1), q])], s.quad),
    field('CAMEO code', 'code', s.code, 'text', { inputmode: 'numeric', pattern: '[0-9]{1,4}', size: 5, title: 'a CAMEO code or its first digits, e.g. 19 or 112' }),
    field('Outlet', 'outlet', s.outlet, 'text', { list: 'dyad-outlets' }),
    field('Lowest confidence', 'conf', s.conf, 'number', { min: 0, max: 1, step: 0.05 }),
    h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    const [from, to] = v.from && v.to && v.from > v.to ? [v.to, v.from] : [v.from, v.to];
    go({ dir: v.dir === 'ab' ? 'ab' : 'both', from, to, period: v.period as DyadState['period'], window: Number(v.window), quad: v.quad, code: v.code, outlet: v.outlet, conf: v.conf });
  });
  return form;
}

/** The outlets of the view, offered to the outlet field. */
function addOutlets(view: HTMLElement, series: DyadView): void {
  view.append(h('datalist', { id: 'dyad-outlets' }, ...series.outlets.map((o) => h('option', { value: o.outlet }, `${o.events} events`))));
}

/** The range shown, and the ways to widen it: zoom out (twice the span) and the whole span. */
function rangeBar(s: DyadState, v: DyadView, go: (patch: Partial<DyadState>) => void): HTMLElement {
  const span = Date.parse(v.to!) - Date.parse(v.from!);
  const wider = () => {
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    go({ from: day(Date.parse(v.from!) - span / 2 - 86_400_000), to: day(Date.parse(v.to!) + span / 2 + 86_400_000) });
  };
  return h('div', { class: 'range-bar' },
    h('p', { id: 'dyad-range' }, h('strong', {}, `${v.from} to ${v.to}`), ` · ${v.points.length} ${v.period}s · drag across the chart to choose a range; the slider and the wheel zoom`),
    h('button', { type: 'button', class: 'secondary', id: 'dyad-zoom-out', onclick: wider }, 'Zoom out'),
    s.from || s.to ? h('button', { type: 'button', class: 'secondary', id: 'dyad-whole', onclick: () => go({ from: '', to: '' }) }, 'Whole span') : null);
}

/** The view's events as files, by the API, with the same range and filters. */
function exportButtons(s: DyadState, say: (text: string, kind?: 'info' | 'error') => void): HTMLElement[] {
  return EXPORTS.map(([format, label]) => h('button', {
    type: 'button', class: 'secondary', 'data-export': format,
    onclick: async () => {
      say(`Preparing ${label}…`);
      try {
        const { blob, name } = await api.dyadExport({ ...viewParams(s), format });
        saveBlob(blob, name);
        say(`Saved ${name} (${blob.size.toLocaleString('en')} bytes).`);
      } catch (e) {
        say(`Could not export: ${(e as Error).message}`, 'error');
      }
    },
  }, label));
}

/** The evidence of the range, newest first, a page at a time: "Newer" and "Older" follow the API's cursors. */
function evidence(s: DyadState, first: DyadEventPage, series: DyadView): HTMLElement {
  const list = h('ul', { class: 'cards', id: 'dyad-events' });
  const info = h('p', { id: 'dyad-page', class: 'meta', 'aria-live': 'polite' });
  const newer = h('button', { type: 'button', class: 'secondary', id: 'dyad-newer' }, '← Newer');
  const older = h('button', { type: 'button', class: 'secondary', id: 'dyad-older' }, 'Older →');
  const heading = h('h2', { id: 'dyad-evidence', tabindex: -1 }, `Evidence: ${first.total} event${first.total === 1 ? '' : 's'} in view, newest first`);
  let current = first;
  let reading = false;
  const show = (p: DyadEventPage) => {
    current = p;
    list.replaceChildren(...p.items.map(card));
    const [top, bottom] = [p.items[0]?.date, p.items[p.items.length - 1]?.date];
    info.replaceChildren(p.items.length ? `${p.items.length} events from ${top} back to ${bottom}` : 'No events on this page.');
    newer.disabled = p.newer === null;
    older.disabled = p.older === null;
  };
  const turn = async (to: { before?: string; after?: string }) => {
    if (reading) return;
    reading = true;
    try {
      const p = await api.dyadEvents({ ...viewParams(s), limit: PAGE, ...to });
      // the page is part of the view, but a page turn is no new place to go back to
      history.replaceState(history.state, '', dyadLink(s, { before: to.before ?? '', after: to.after ?? '' }));
      show(p);
      heading.focus();
    } finally {
      reading = false;
    }
  };
  newer.addEventListener('click', () => current.newer && void turn({ after: current.newer }));
  older.addEventListener('click', () => current.older && void turn({ before: current.older }));
  show(first);
  const counted = h('p', { class: 'lede' },
    `The chart counts each event once however many articles reported it, and leaves out hypothetical ones; this list has every report (${series.mentions} in the view).`);
  return h('section', { 'aria-labelledby': 'dyad-evidence' }, heading, counted,
    h('nav', { class: 'pager', 'aria-label': 'Pages of evidence' }, newer, info, older), list,
    h('nav', { class: 'pager', 'aria-label': 'Pages of evidence, again' },
      h('button', { type: 'button', class: 'secondary', onclick: () => newer.click() }, '← Newer'),
      h('button', { type: 'button', class: 'secondary', onclick: () => older.click() }, 'Older →')));
}

/** An event of the evidence, with the control to mark it wrong or right: one marked wrong stays here, marked, and leaves the chart and the exports. */
function card(e: DyadEvent): HTMLElement {
  const li = eventCard(e);
  li.dataset.key = `${e.articleId}#${e.index}`;
  li.dataset.date = e.date;
  li.append(correctionControl({ kind: 'event', articleId: e.articleId, index: e.index }, e.correction, li));
  return li;
}

/** A status line the page rewrites as exports are made. */
export function statusLine(id: string): { el: HTMLElement; say: (text: string, kind?: 'info' | 'error') => void } {
  const el = h('div', { id, class: 'export-status', role: 'status' });
  return { el, say: (text, kind = 'info') => el.replaceChildren(h('span', { class: `status status-${kind}` }, text)) };
}

/** One event: its coding on one line, the evidence sentence with the trigger marked, a link to the article. */
export function eventCard(e: StoredEvent): HTMLElement {
  const ev = e.event;
  const s0 = ev.sentenceSpan.start;
  const t0 = Math.max(0, Math.min(e.sentence.length, ev.start - s0));
  const t1 = Math.max(t0, Math.min(e.sentence.length, ev.end - s0));
  const quad = e.quad === null ? 'no quad class' : QUAD_NAMES[e.quad - 1];
  const g = e.goldstein;
  return h('li', { class: 'card', 'data-code': e.code, 'data-goldstein': g },
    h('div', { class: 'meta' },
      h('span', {}, e.date ?? 'undated'),
      h('strong', {}, `${e.source} → ${e.target ?? '—'}`),
      h('span', { class: 'codes' }, `CAMEO ${e.code}${e.plover ? ` · ${e.plover}` : ''}`),
      h('span', { class: g === null ? '' : g < 0 ? 'neg' : g > 0 ? 'pos' : '' }, g === null ? 'no Goldstein score' : `Goldstein ${fmt(g)}`),
      h('span', {}, quad),
      e.modality !== 'asserted' ? h('span', {}, e.modality) : null),
    h('p', { class: 'evidence' },
      h('span', { class: 'visually-hidden' }, 'Evidence: '),
      e.sentence.slice(0, t0), h('mark', { class: 'trigger' }, e.sentence.slice(t0, t1)), e.sentence.slice(t1)),
    h('div', { class: 'meta' },
      e.outlet ? h('span', {}, e.outlet) : null,
      h('span', { class: 'codes' }, `rule ${e.rule} · confidence ${e.confidence.toFixed(2)}`),
      h('a', { href: link('article', [e.articleId], { event: e.index }) }, 'read in the article')));
}
