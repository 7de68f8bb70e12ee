import { h } from './dom.js';

/**
 * Text with the searched words marked: text nodes and `<mark>` elements made with DOM calls,
 * never markup, since the text is an article's.
 */

/**
 * `text` as nodes, each case-insensitive occurrence of a word of `query` in a `<mark>`
 * ("quoted phrases" kept whole, a trailing `*` dropped).
 *
 * @example highlighted('Talks resume', 'talks') // [<mark>Talks</mark>, ' resume']
 */
export function highlighted(text: string, query: string): (Node | string)[] {
  const words = [...query.matchAll(/"([^"]+)"|([^\s"]+)/g)].map((m) => (m[1] ?? m[2]).replace(/\*+$/, '').trim()).filter((w) => w.length > 0);
  if (words.length === 0) return [text];
  const lower = text.toLowerCase();
  const spans: [number, number][] = [];
  for (const w of words) {
    const lw = w.toLowerCase();
    for (let i = lower.indexOf(lw); i >= 0; i = lower.indexOf(lw, i + lw.length)) spans.push([i, i + lw.length]);
  }
  return marked(text, spans);
}

/** `text` with the given [start, end) spans in `<mark>` elements; overlapping spans are merged. */
export function marked(text: string, spans: readonly (readonly [number, number])[]): (Node | string)[] {
  const sorted = [...spans].filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: (Node | string)[] = [];
  let at = 0;
  for (const [s0, e] of sorted) {
    const s = Math.max(s0, at);
    if (e <= s) continue;
    if (s > at) out.push(text.slice(at, s));
    out.push(h('mark', { class: 'hit' }, text.slice(s, e)));
    at = e;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}
