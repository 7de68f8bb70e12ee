/**
 * Step 2 (Markdown only): inline markup. `[text](#)` and `[text](url)` keep their text,
 * `**x**`, `__x__`, `*x*`, `_x_` and `` `x` `` keep x, `\*` keeps `*`, `<https://…>` keeps the
 * address, images and simple HTML tags go. Bold runs and links are remembered as marks on the
 * line (a bold credit and a link-only "Related" line are recognised by them later), and a link
 * may span two lines (an address broken across lines, "…relations-wi\nth-moscow-a73331").
 */
import type { Removal } from '../../model/article.js';
import type { Doc, Line, Mark, Para, Step } from './_doc.js';
import { Txt } from './_txt.js';

const INLINE = new RegExp(
  [
    String.raw`(?<img>!\[[^\]\n]{0,500}\]\([^()\s]{0,2000}(?:\s+"[^"\n]{0,300}")?\))`,
    String.raw`\[(?<ltext>[^\[\]]{0,1000})\]\(\s*<?(?<lurl>[^()\s<>]{0,2000})>?(?:\s+"[^"\n]{0,300}")?\s*\)`,
    String.raw`\*\*(?<bold>[^\s*](?:[^*\n]{0,1000}?[^\s*\\])?)\*\*`,
    String.raw`(?<![\p{L}\p{N}_\\])__(?<bold2>[^\s_](?:[^_\n]{0,1000}?[^\s_\\])?)__(?![\p{L}\p{N}_])`,
    String.raw`(?<![\p{L}\p{N}*\\])\*(?<em>[^\s*](?:[^*\n]{0,1000}?[^\s*\\])?)\*(?![\p{L}\p{N}*])`,
    String.raw`(?<![\p{L}\p{N}_\\])_(?<em2>[^\s_](?:[^_\n]{0,1000}?[^\s_\\])?)_(?![\p{L}\p{N}_])`,
    String.raw`~~(?<strike>[^~\n]{1,1000})~~`,
    String.raw`\x60(?<code>[^\x60\n]{1,1000})\x60`,
    String.raw`\\(?<esc>[\\\x60*_{}\[\]()#+\-.!>~|])`,
    String.raw`<(?<auto>(?:https?|mailto):[^>\s]{1,2000})>`,
    String.raw`(?<tag></?(?:br|span|sup|sub|b|i|em|strong|u|a|small|div|p|mark|ins|del)\b[^>\n]{0,300}>)`,
  ].join('|'),
  'gu',
);

interface Inline {
  txt: Txt;
  marks: Mark[];
  /** images dropped, as positions in the text given */
  images: { start: number; end: number }[];
}

/**
 * Reads inline markup in `t` (recursing into link text and bold runs, three levels at most).
 * @example inlineMarkdown(Txt.lit('a [b](#) **c**')).txt.text // 'a b c'
 */
export function inlineMarkdown(t: Txt, depth = 0): Inline {
  const s = t.text;
  const parts: Txt[] = [];
  const marks: Mark[] = [];
  const images: Inline['images'] = [];
  let out = 0;
  let at = 0;
  const push = (x: Txt) => {
    parts.push(x);
    out += x.length;
  };
  const nested = (from: number, len: number, mark?: Omit<Mark, 'start' | 'end'>) => {
    const inner = depth < 3 ? inlineMarkdown(t.slice(from, from + len), depth + 1) : { txt: t.slice(from, from + len), marks: [], images: [] };
    const start = out;
    for (const m of inner.marks) marks.push({ ...m, start: m.start + start, end: m.end + start });
    for (const im of inner.images) images.push({ start: im.start + from, end: im.end + from });
    push(inner.txt);
    if (mark) marks.push({ ...mark, start, end: out });
  };
  for (const m of s.matchAll(INLINE)) {
    const i = m.index ?? 0;
    const g = m.groups ?? {};
    push(t.slice(at, i));
    if (g.img !== undefined) images.push({ start: i, end: i + m[0].length });
    else if (g.ltext !== undefined) nested(i + 1, g.ltext.length, { kind: 'link', url: g.lurl });
    else if (g.bold !== undefined) nested(i + 2, g.bold.length, { kind: 'bold' });
    else if (g.bold2 !== undefined) nested(i + 2, g.bold2.length, { kind: 'bold' });
    else if (g.em !== undefined) nested(i + 1, g.em.length);
    else if (g.em2 !== undefined) nested(i + 1, g.em2.length);
    else if (g.strike !== undefined) nested(i + 2, g.strike.length);
    else if (g.code !== undefined) push(t.slice(i + 1, i + 1 + g.code.length));
    else if (g.esc !== undefined) push(t.slice(i + 1, i + 2));
    else if (g.auto !== undefined) {
      const start = out;
      push(t.slice(i + 1, i + 1 + g.auto.length));
      marks.push({ kind: 'link', start, end: out, url: g.auto });
    }
    // g.tag: dropped
    at = i + m[0].length;
  }
  push(t.slice(at));
  return { txt: Txt.join(parts), marks, images };
}

/** Reads inline markup across the lines of one paragraph; the line count never changes. */
function paraInline(doc: Doc, p: Para, removed: Removal[]): Para | undefined {
  const joined = Txt.join(p.lines.flatMap((l, i) => (i === 0 ? [l.txt] : [Txt.lit('\n'), l.txt])));
  const r = inlineMarkdown(joined);
  for (const im of r.images) {
    const a = joined.inputAt(im.start);
    const b = joined.inputAt(im.end - 1);
    if (a >= 0 && b >= 0) removed.push({ rule: 'markdown-image', reason: doc.data.reasons['markdown-image'], text: doc.input.slice(a, b + 1), inputStart: a, inputEnd: b + 1 });
  }
  const text = r.txt.text;
  const cuts: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (r.txt.inputAt(i) < 0) cuts.push(i);
  if (cuts.length !== p.lines.length - 1) return p; // markup crossed a line in a way we do not read: keep the lines as they were
  const lines: Line[] = [];
  let from = 0;
  p.lines.forEach((l, k) => {
    const to = k < cuts.length ? cuts[k] : text.length;
    const piece = r.txt.slice(from, to);
    const trimmed = piece.trim();
    const lead = trimmed.length === 0 ? 0 : piece.text.indexOf(trimmed.text);
    const marks: Mark[] = [];
    for (const m of r.marks) {
      if (m.start < from || m.start >= to) continue;
      const start = Math.max(0, m.start - from - lead);
      const end = Math.min(trimmed.length, Math.min(m.end, to) - from - lead);
      if (end > start) marks.push({ ...m, start, end });
    }
    if (trimmed.length) lines.push({ ...l, txt: trimmed, marks });
    from = to + 1;
  });
  return lines.length ? { ...p, lines } : undefined;
}

/** Strips inline Markdown from every paragraph. */
export function stripInlineMarkdown(doc: Doc): Doc {
  if (doc.format !== 'markdown') return doc;
  const removed = [...doc.removed];
  const paras: Para[] = [];
  for (const p of doc.paras) {
    const q = paraInline(doc, p, removed);
    if (q) paras.push(q);
  }
  return { ...doc, paras, removed };
}

export const markdownInline: Step = { name: 'markdown-inline', run: stripInlineMarkdown };
