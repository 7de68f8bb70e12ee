import { api, get, type Page, type ArticleFull, type EventRec, type MentionRec, type QuoteRec, type Span } from '../api.js';
import { h, safeHref, status, type Child } from '../dom.js';
import { link, type Route } from '../route.js';
import { layout, type Ann, type Piece } from '../reader/layers.js';
import { parseDialog, sentenceAt } from '../reader/parse-dialog.js';
import { markSpan, offsetAt, type TextStarts } from '../reader/text-offsets.js';
import { fmt, QUAD_NAMES } from '../scale.js';
import { correctionControl, eventKey, quoteKey, type Correction } from '../correction.js';

/** Layers from the outside in: the order in which highlights nest. */
const LAYERS = ['quote', 'event', 'mention'] as const;
type Layer = (typeof LAYERS)[number];
const LABEL: Record<Layer, string> = { quote: 'Quotes', event: 'Events', mention: 'Actor mentions' };

/**
 * The article reader: the clean body built from text nodes only, with quotes, events and actor
 * mentions as focusable highlights; activating one shows its record beside the text, and from
 * there the parse of its sentence (or any sentence's, from the button above the text).
 */
export async function renderReader(view: HTMLElement, route: Route): Promise<void> {
  const id = route.parts[0];
  if (!id) {
    view.append(h('h1', { tabindex: -1 }, 'Article'), status('No article id in the address.', 'error'));
    return;
  }
  const a = await api.article(id);
  const corrected = await get<Page<Correction>>('corrections', { article: a.id, limit: 500 });
  // analysts' verdicts on this article's events and quotes, by the key the server gives them
  const verdicts = new Map(corrected.items.filter((c) => c.articleId === a.id).map((c) => [c.key, c]));
  const keyOf = (layer: Layer, index: number) => (layer === 'event' ? eventKey(a.id, a.events[index]) : layer === 'quote' ? quoteKey(a.id, a.quotes[index]) : '');
  const url = safeHref(a.url);
  view.append(
    h('h1', { tabindex: -1 }, a.title || a.id),
    h('p', { class: 'meta lede' },
      a.date ? h('time', { datetime: a.date }, a.date) : null,
      a.source ? h('span', {}, a.source) : null,
      url ? h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original') : null,
      h('span', { class: 'codes' }, a.id)));

  const records: Record<Layer, (QuoteRec | EventRec | MentionRec)[]> = { quote: a.quotes, event: a.events, mention: a.mentions };
  const body = h('div', { class: 'body', id: 'article-body', lang: 'en' });
  const hint = () => [
    h('h2', { id: 'record-title' }, 'Record'),
    h('p', { class: 'status' }, 'Select a highlighted quote, event or actor (click, or Tab to it and press Enter) to see its record; click elsewhere in a sentence for the sentence and its parse.'),
  ];
  const panel = h('aside', { class: 'record', id: 'record', 'aria-labelledby': 'record-title', 'aria-live': 'polite' }, ...hint());
  const parses = parseDialog(a);
  const parseAll = h('button', { type: 'button', class: 'secondary', id: 'open-parse' }, 'Sentence parses');
  parseAll.addEventListener('click', () => void parses.open(0, parseAll));
  view.append(h('div', { class: 'reader-tools' }, legend(records, body), parseAll), h('div', { class: 'reader' }, body, panel), parses.element);

  const layers: Ann[][] = [
    a.quotes.map((q, index) => ({ layer: 0, index, spans: q.spans?.length ? q.spans : [q] })),
    a.events.map((e, index) => ({ layer: 1, index, spans: [e] })),
    a.mentions.map((m, index) => ({ layer: 2, index, spans: [m] })),
  ];
  const paragraphs: Span[] = a.paragraphs?.length ? a.paragraphs : [{ start: 0, end: a.text.length }];
  const seen = new Set<Ann>();
  const starts: TextStarts = new WeakMap();
  for (const p of paragraphs) body.append(h('p', {}, ...render(a.text, layout(p.start, p.end, layers, 0, seen), starts)));
  const markHighlights = (layer: Layer, index: number) => {
    const wrong = verdicts.get(keyOf(layer, index))?.verdict === 'wrong';
    for (const s of body.querySelectorAll(`.hl-${layer}[data-index="${index}"]`)) s.classList.toggle('marked-wrong', wrong);
  };
  for (const layer of ['quote', 'event'] as const) records[layer].forEach((_, i) => markHighlights(layer, i));

  let selected: HTMLElement | undefined;
  // closing hands focus back to the highlight, so a keyboard reader keeps their place
  const unselect = () => {
    for (const s of body.querySelectorAll('.hl.selected')) s.classList.remove('selected');
    markSpan(body, starts, undefined);
  };
  const close = () => {
    unselect();
    panel.replaceChildren(...hint());
    selected?.focus();
    selected = undefined;
  };
  const select = (el: HTMLElement) => {
    const layer = el.dataset.layer as Layer;
    const index = Number(el.dataset.index);
    unselect();
    for (const s of body.querySelectorAll<HTMLElement>(`.hl-${layer}[data-index="${index}"]`)) s.classList.add('selected');
    selected = body.querySelector<HTMLElement>(`.hl-${layer}[data-index="${index}"][tabindex]`) ?? el;
    // why an event was coded as it was: the parse of the sentence it was read from
    const sentence = layer === 'event' ? a.events[index].sentence : sentenceAt(a.sentences, records[layer][index].start);
    const control = layer === 'mention' ? [] : [correctionControl({ kind: layer, articleId: a.id, index }, verdicts.get(keyOf(layer, index)), panel, (c) => {
      if (c) verdicts.set(c.key, c);
      else verdicts.delete(keyOf(layer, index));
      markHighlights(layer, index);
    })];
    if (layer === 'mention') delete panel.dataset.verdict;
    panel.replaceChildren(closeButton(close), ...recordView(a, layer, index), ...control, ...parseButton(sentence, `Parse of its sentence (${sentence + 1})`));
  };
  const parseButton = (sentence: number, label: string): HTMLElement[] => {
    if (sentence < 0) return [];
    const open = h('button', { type: 'button', class: 'secondary', id: 'record-parse', 'data-sentence': sentence }, label);
    open.addEventListener('click', () => void parses.open(sentence, open));
    return [h('p', { class: 'record-parse' }, open)];
  };
  // a click in plain text selects its sentence; focus stays where it was, so there is none to hand back
  const selectSentence = (n: number) => {
    unselect();
    selected = undefined;
    const span = a.sentences[n];
    markSpan(body, starts, span);
    panel.replaceChildren(closeButton(close),
      h('h2', { id: 'record-title' }, `Sentence ${n + 1} of ${a.more?.sentences ?? a.sentences.length}`),
      h('p', { class: 'record-text' }, a.text.slice(span.start, span.end)),
      h('dl', { 'data-layer': 'sentence', 'data-index': n }, h('dt', {}, 'offsets'), h('dd', {}, offsets([span]))),
      ...parseButton(n, 'Show its parse'));
  };
  view.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && selected) close();
  });
  body.addEventListener('click', (e) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('.hl');
    if (el) return select(el);
    // a drag that selected text is not a click on a sentence
    if (!getSelection()?.isCollapsed) return;
    const n = sentenceAt(a.sentences, offsetAt(starts, e.clientX, e.clientY));
    if (n >= 0) selectSentence(n);
  });
  body.addEventListener('keydown', (e) => {
    const el = e.target as HTMLElement;
    if ((e.key === 'Enter' || e.key === ' ') && el.classList.contains('hl')) {
      e.preventDefault();
      select(el);
    }
  });

  view.append(...extras(a));

  // a link from the quote explorer or a dyad's event list lands on its highlight
  for (const layer of ['quote', 'event', 'mention'] as const) {
    const n = route.params.get(layer);
    if (n === null) continue;
    const el = body.querySelector<HTMLElement>(`.hl-${layer}[data-index="${Number(n)}"][tabindex]`);
    if (el) {
      select(el);
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: 'center' });
    }
  }
  const sentence = Number(route.params.get('sentence') ?? NaN);
  if (Number.isInteger(sentence) && sentence >= 0) void parses.open(sentence);
}

function closeButton(close: () => void): HTMLElement {
  return h('button', { type: 'button', class: 'secondary close', onclick: close, 'aria-label': 'Close the record' }, 'Close');
}

/** Pieces to DOM: text nodes for text (each one's start recorded), one element per highlight piece (only the first focusable). */
function render(text: string, pieces: Piece[], starts: TextStarts): Child[] {
  return pieces.map((p) => {
    if ('text' in p) {
      const node = document.createTextNode(text.slice(p.text.start, p.text.end));
      starts.set(node, p.text.start);
      return node;
    }
    const layer = LAYERS[p.ann.layer];
    return h('span', {
      class: `hl hl-${layer}`,
      'data-layer': layer,
      'data-index': p.ann.index,
      tabindex: p.first ? 0 : undefined,
      role: 'button',
      'aria-label': p.first ? `${layer}: ${text.slice(p.start, p.end)}` : undefined,
    }, ...render(text, p.children, starts));
  });
}

function legend(records: Record<Layer, unknown[]>, body: HTMLElement): HTMLElement {
  const box = h('fieldset', { class: 'legend' }, h('legend', { class: 'visually-hidden' }, 'Highlights'));
  for (const layer of LAYERS) {
    const input = h('input', { type: 'checkbox', checked: true, id: `show-${layer}` });
    input.addEventListener('change', () => body.classList.toggle(`hide-${layer}`, !input.checked));
    box.append(h('label', { for: `show-${layer}` }, input, h('span', { class: `key hl-${layer}` }, `${LABEL[layer]} (${records[layer].length})`)));
  }
  return box;
}

type Row = [string, Child | Child[]];

function recordView(a: ArticleFull, layer: Layer, index: number): HTMLElement[] {
  const rows: Row[] = [];
  let title = '';
  let span: Span;
  if (layer === 'quote') {
    const q = a.quotes[index];
    span = q;
    title = `Quote ${index + 1} of ${a.quotes.length}`;
    rows.push(['kind', q.kind], ['speaker', q.speaker ?? 'unattributed']);
    if (q.speakerActor) rows.push(['actor', `${q.speakerActor.name} (${q.speakerActor.code})`]);
    if (q.cue) rows.push(['cue', q.cue]);
    if (q.medium) rows.push(['medium', q.medium]);
    if (q.date) rows.push(['date', q.date]);
    rows.push(['rule', code(q.rule)], ['confidence', q.confidence.toFixed(2)], ['offsets', offsets(q.spans?.length ? q.spans : [q])]);
  } else if (layer === 'event') {
    const e = a.events[index];
    span = e;
    title = `Event ${index + 1} of ${a.events.length}`;
    // each side's country opens its actor page
    const party = (x: typeof e.source): Child[] => [`${x.name} (${x.code}) · `, h('a', { href: link('actor', [x.country]), class: 'actor-link' }, x.country)];
    rows.push(['source', party(e.source)]);
    rows.push(['target', e.target ? party(e.target) : '—']);
    rows.push(['CAMEO', code(`${e.code} (root ${e.root})`)]);
    if (e.plover) rows.push(['PLOVER', code([e.plover.event, e.plover.mode, ...e.plover.context].filter(Boolean).join(' · '))]);
    // a code outside CAMEO from a user's dictionary has neither
    rows.push(['Goldstein', e.goldstein === null ? '—' : fmt(e.goldstein)], ['quad class', e.quad === null ? '—' : `${e.quad}: ${QUAD_NAMES[e.quad - 1]}`], ['modality', e.negated ? `${e.modality}, negated` : e.modality]);
    if (e.date) rows.push(['date', e.date]);
    if (e.quote !== undefined) rows.push(['said in', `quote ${e.quote + 1}`]);
    rows.push(['rule', code(e.rule)], ['confidence', e.confidence.toFixed(2)], ['offsets', `trigger ${offsets([e])}, sentence ${offsets([e.sentenceSpan])}`]);
    rows.push(['evidence', a.text.slice(e.sentenceSpan.start, e.sentenceSpan.end)]);
  } else {
    const m = a.mentions[index];
    span = m;
    title = `Actor mention ${index + 1} of ${a.mentions.length}`;
    rows.push(['actor', m.actor.name], ['code', code(m.actor.code)], ['country', m.actor.country ? h('a', { href: link('actor', [m.actor.country]), class: 'actor-link' }, m.actor.country) : '—']);
    if (m.actor.roles?.length) rows.push(['roles', m.actor.roles.join(', ')]);
    rows.push(['id', code(m.actor.id)], ['kind', m.kind], ['rule', code(m.rule)], ['offsets', offsets([m])]);
    if (m.antecedent !== undefined && a.mentions[m.antecedent]) {
      const ante = a.mentions[m.antecedent];
      rows.push(['refers back to', `“${a.text.slice(ante.start, ante.end)}” (mention ${m.antecedent + 1})`]);
    }
  }
  return [
    h('h2', { id: 'record-title' }, title),
    h('p', { class: 'record-text' }, a.text.slice(span.start, span.end)),
    h('dl', { 'data-layer': layer, 'data-index': index }, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, ...(Array.isArray(v) ? v : [v]))])),
  ];
}

function code(s: string): HTMLElement {
  return h('span', { class: 'codes' }, s);
}

function offsets(spans: Span[]): string {
  return spans.map((s) => `${s.start}–${s.end}`).join(', ');
}

/** Captions and removed boilerplate, closed until asked for. */
function extras(a: ArticleFull): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (a.captions?.length) {
    out.push(h('details', { id: 'captions' }, h('summary', {}, `Captions (${a.captions.length})`),
      h('ul', {}, ...a.captions.map((c) => h('li', {}, c.text, c.credit ? h('span', { class: 'meta' }, ` (${c.credit})`) : null)))));
  }
  const removed = a.removed ?? [];
  out.push(h('details', { id: 'removed' }, h('summary', {}, `Removed boilerplate (${removed.length})`),
    removed.length === 0 ? h('p', { class: 'status' }, 'Nothing was removed.') :
      h('ol', { class: 'removed' }, ...removed.map((r) =>
        h('li', {}, h('span', { class: 'codes' }, r.rule), ' — ', r.reason, h('pre', {}, r.text))))));
  return out;
}
