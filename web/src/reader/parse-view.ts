/**
 * A sentence's dependency parse drawn as an arc diagram: the words in a row with their UPOS tags
 * under them, an arrow from each head to each dependent with the relation on it. The words are one
 * tab stop: arrow keys move between them, Enter (or ↑) goes to the word's head, and each word's
 * label (and, for the eye, the line under the diagram) says in words what its arcs show. A table gives every field, lemmas included.
 */
import type { SentenceParse, SyntaxWord } from '../api.js';
import { h } from '../dom.js';
import { arcLevels, centres } from './arcs.js';

const NS = 'http://www.w3.org/2000/svg';
/** the words' and labels' fonts, as style.css sets them on .parse-svg, for measuring */
const WORD_FONT = '15px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const LABEL_FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const LEVEL = 26;
const GAP = 18;
const PAD = 12;

function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

let measurer: CanvasRenderingContext2D | null | undefined;
function width(text: string, font: string): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * 8.5;
  measurer.font = font;
  return measurer.measureText(text).width;
}

/** What a word's focus says: its tag, lemma, head and dependents. */
export function describe(words: readonly SyntaxWord[], i: number): string {
  const w = words[i];
  const deps = words.flatMap((d, j) => (d.head === i ? [`${d.text} (${d.deprel})`] : []));
  const head = w.head < 0 ? 'the root of the sentence' : `${w.deprel} of “${words[w.head].text}” (word ${w.head + 1})`;
  return `Word ${i + 1}, “${w.text}”: ${w.upos}, lemma ${w.lemma}, ${head}; ${deps.length ? `its dependents: ${deps.join(', ')}` : 'no dependents'}.`;
}

/** The arc diagram and the line that describes the focused word. */
export function parseDiagram(p: SentenceParse): HTMLElement[] {
  const words = p.words;
  const widths = words.map((w) => Math.ceil(Math.max(width(w.text, WORD_FONT), width(w.upos, LABEL_FONT), 14)));
  // an arc between neighbours needs room for its label between their centres
  for (const w of words.keys()) {
    if (w === 0) continue;
    const rel = words[w].head === w - 1 ? words[w].deprel : words[w - 1].head === w ? words[w - 1].deprel : '';
    const need = width(rel, LABEL_FONT) + 10 - GAP - (widths[w - 1] + widths[w]) / 2;
    if (need > 0) widths[w] += Math.ceil(need);
  }
  const x = centres(widths, GAP, PAD);
  const arcs = arcLevels(words.map((w) => w.head));
  const top = Math.max(1, ...arcs.map((a) => a.level)) * LEVEL + 22;
  const total = widths.reduce((a, b) => a + b, 0) + GAP * (words.length - 1) + 2 * PAD;
  const height = top + 46;

  const arcGroup = s('g', { class: 'arcs', 'aria-hidden': 'true' });
  for (const a of arcs) {
    const dir = Math.sign(x[a.dep] - x[a.head]);
    // an arc leaves its head a little off centre, towards its dependent, and lands on the dependent's centre
    const hx = x[a.head] + dir * 5;
    const dx = x[a.dep];
    const y = top - a.level * LEVEL;
    const r = Math.min(8, Math.abs(dx - hx) / 2);
    const d = `M ${hx} ${top} V ${y + r} Q ${hx} ${y} ${hx + dir * r} ${y} H ${dx - dir * r} Q ${dx} ${y} ${dx} ${y + r} V ${top - 1}`;
    arcGroup.append(s('g', { class: 'arc', 'data-dep': a.dep, 'data-head': a.head },
      s('path', { class: 'arc-line', d }),
      s('path', { class: 'arc-head', d: `M ${dx - 4} ${top - 7} L ${dx} ${top} L ${dx + 4} ${top - 7} Z` }),
      s('text', { class: 'arc-label', x: (hx + dx) / 2, y: y + 4, 'text-anchor': 'middle' }, words[a.dep].deprel)));
  }
  const root = words.findIndex((w) => w.head < 0);
  if (root >= 0) {
    arcGroup.append(s('g', { class: 'arc arc-root', 'data-dep': root, 'data-head': -1 },
      s('path', { class: 'arc-line', d: `M ${x[root]} 16 V ${top - 1}` }),
      s('path', { class: 'arc-head', d: `M ${x[root] - 4} ${top - 7} L ${x[root]} ${top} L ${x[root] + 4} ${top - 7} Z` }),
      s('text', { class: 'arc-label', x: x[root], y: 12, 'text-anchor': 'middle' }, 'root')));
  }

  const wordGroup = s('g', { class: 'words' });
  for (const [i, w] of words.entries()) {
    wordGroup.append(s('g', { class: 'parse-word', 'data-index': i, tabindex: i === Math.max(root, 0) ? 0 : -1, role: 'button', 'aria-label': describe(words, i) },
      s('rect', { class: 'word-box', x: x[i] - widths[i] / 2 - 4, y: top + 3, width: widths[i] + 8, height: 40, rx: 3 }),
      s('text', { class: 'word-text', x: x[i], y: top + 21, 'text-anchor': 'middle' }, w.text),
      s('text', { class: 'word-tag', x: x[i], y: top + 37, 'text-anchor': 'middle' }, w.upos)));
  }
  const svg = s('svg', { class: 'parse-svg', width: total, height, viewBox: `0 0 ${total} ${height}`, role: 'group', 'aria-label': `Dependency arcs of ${words.length} words; arrow keys move between words, Enter goes to the head` },
    arcGroup, wordGroup);
  // each word's label already says this to a screen reader: the line is for the eye
  const said = h('p', { class: 'parse-focus', 'aria-hidden': 'true' }, 'Select a word (Tab to the words, then ← →; Enter or ↑ goes to its head) to see its relations.');

  const show = (i: number) => {
    for (const el of svg.querySelectorAll('.current, .active')) el.classList.remove('current', 'active');
    svg.querySelector(`.parse-word[data-index="${i}"]`)?.classList.add('current');
    for (const el of svg.querySelectorAll(`.arc[data-dep="${i}"], .arc[data-head="${i}"]`)) el.classList.add('active');
    said.textContent = describe(words, i);
  };
  const focus = (i: number) => {
    const next = svg.querySelector<SVGGElement>(`.parse-word[data-index="${i}"]`);
    if (!next) return;
    for (const el of svg.querySelectorAll('.parse-word[tabindex="0"]')) el.setAttribute('tabindex', '-1');
    next.setAttribute('tabindex', '0');
    next.focus();
    // keep the focused word in view inside the scrolling box
    next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };
  const indexOf = (e: Event) => Number((e.target as Element).closest<SVGGElement>('.parse-word')?.dataset.index ?? NaN);
  svg.addEventListener('focusin', (e) => { const i = indexOf(e); if (i >= 0) show(i); });
  svg.addEventListener('click', (e) => { const i = indexOf(e); if (i >= 0) focus(i); });
  svg.addEventListener('keydown', (e) => {
    const i = indexOf(e);
    if (!(i >= 0)) return;
    const to = ({ ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: words.length - 1, ArrowUp: words[i].head, Enter: words[i].head } as Record<string, number>)[e.key];
    if (to === undefined) return;
    e.preventDefault();
    if (to >= 0 && to < words.length) focus(to);
  });
  return [h('div', { class: 'parse-scroll' }, svg), said];
}

/** Every field of every word, for reading rather than looking. */
export function wordTable(p: SentenceParse): HTMLElement {
  const row = (w: SyntaxWord, i: number) => h('tr', { 'data-index': i },
    h('td', { class: 'num' }, i + 1), h('td', {}, w.text), h('td', { class: 'codes' }, w.upos), h('td', {}, w.lemma),
    h('td', {}, w.head < 0 ? '—' : `${w.head + 1} ${p.words[w.head].text}`), h('td', { class: 'codes' }, w.deprel));
  return h('details', { class: 'parse-table' }, h('summary', {}, `The ${p.words.length} words as a table (lemmas, heads)`),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, ...['#', 'word', 'UPOS', 'lemma', 'head', 'relation'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...p.words.map(row)))));
}
