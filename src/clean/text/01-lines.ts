/**
 * Step 1: split the input into lines and paragraphs (runs of non-blank lines), trimming each
 * line and dropping control characters. In Markdown, block markup is read here: `#` headings
 * (and `===` underlines), list markers, `>` quote markers, horizontal rules and image-only lines.
 */
import type { Doc, Line, Para, ParaKind, Step } from './_doc.js';
import { removal } from './_doc.js';
import { SPACE, Txt, type Edit } from './_txt.js';

const BREAK = /\r\n|\r|\n|\u2028|\u2029/g;
/** C0/C1 control characters other than tab, and U+FFFD (a byte the decoder could not read): what a binary-looking input is made of. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]+/g;

const MD_HEADING = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?$/u;
const MD_HEADING_EMPTY = /^#{1,6}$/u;
const MD_SETEXT = /^(?:={2,}|-{2,})$/u;
const MD_RULE = /^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/u;
const MD_LIST = /^(?:[-*+•]|\d{1,3}[.)])[ \t]+/u;
const MD_QUOTE = /^(?:>[ \t]?)+/u;
const MD_IMAGE_LINE = /^!\[[^\]]*\]\([^)]*\)$/u;
/** a bullet in plain text: the line stays as written, but it is a list item, never joined */
const TEXT_BULLET = /^[•◦▪‣–-][ \t]+\S/u;

export interface RawLine {
  start: number;
  end: number;
  /** white space before the first visible character (a tab counts as 4) */
  indent: number;
}

/**
 * Physical lines of the input with their trimmed bounds; blank lines have start === end.
 * @example rawLines(' a\n\nb').map((l) => [l.start, l.end, l.indent]) // [[1, 2, 1], [3, 3, 0], [4, 5, 0]]
 */
export function rawLines(input: string): RawLine[] {
  const out: RawLine[] = [];
  let at = 0;
  const push = (ls: number, le: number) => {
    let s = ls;
    let e = le;
    let indent = 0;
    while (s < e && SPACE.test(input[s])) {
      indent += input[s] === '\t' ? 4 : 1;
      s++;
    }
    while (e > s && SPACE.test(input[e - 1])) e--;
    out.push(s === e ? { start: le, end: le, indent: 0 } : { start: s, end: e, indent });
  };
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(input); m; m = BREAK.exec(input)) {
    push(at, m.index);
    at = m.index + m[0].length;
  }
  push(at, input.length);
  return out;
}

function lineTxt(input: string, start: number, end: number): Txt {
  const t = Txt.of(input, start, end);
  const edits: Edit[] = [];
  CONTROL.lastIndex = 0;
  for (let m = CONTROL.exec(t.text); m; m = CONTROL.exec(t.text)) edits.push({ start: m.index, end: m.index + m[0].length, with: ' ' });
  return edits.length ? t.edit(edits).trim() : t;
}

/**
 * Lines that start a paragraph by their indent alone. Wire copy and typed letters start each
 * paragraph with an indent and no blank line ("…the drought.\n    The dry period…\n    Arrivals…"):
 * in a block that mixes flush and indented lines, every indented line starts a paragraph. A block
 * indented throughout (a table, verse) says nothing by its indent and stays as it is.
 *
 * @example indentBreaks(rawLines('a\nb\n  c\nd'), 2) // Set { 2 }
 */
export function indentBreaks(lines: readonly RawLine[], indentMin: number): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < lines.length; ) {
    if (lines[i].start === lines[i].end) {
      i++;
      continue;
    }
    let j = i;
    let flush = 0;
    let indented = 0;
    for (; j < lines.length && lines[j].start !== lines[j].end; j++) {
      if (lines[j].indent >= indentMin) indented++;
      else flush++;
    }
    if (flush > 0 && indented > 0) for (let k = i + 1; k < j; k++) if (lines[k].indent >= indentMin) out.add(k);
    i = j;
  }
  return out;
}

/** Splits the input into paragraphs; Markdown block markup is read when `doc.format` is markdown. */
export function splitParagraphs(doc: Doc): Doc {
  const { input } = doc;
  const md = doc.format === 'markdown';
  const paras: Para[] = [];
  const removed = [...doc.removed];
  let cur: Para | undefined;
  const close = () => {
    if (cur && cur.lines.length) paras.push(cur);
    cur = undefined;
  };
  const open = (kind: ParaKind) => {
    close();
    cur = { lines: [], kind };
    return cur;
  };

  const lines = rawLines(input);
  const breaks = md ? new Set<number>() : indentBreaks(lines, doc.data.thresholds.paragraphIndentChars);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.start === raw.end) {
      close();
      continue;
    }
    if (breaks.has(i) && cur) close();
    let txt = lineTxt(input, raw.start, raw.end);
    if (txt.length === 0) {
      close();
      continue;
    }
    const line = (t: Txt): Line => ({ start: raw.start, end: raw.end, txt: t, marks: [] });
    if (md) {
      const text = txt.text;
      // 1. horizontal rules, and `===` / `---` under a line (a setext heading)
      if (MD_SETEXT.test(text) && cur && cur.lines.length && cur.kind === 'body') {
        cur.kind = 'heading';
        removed.push(removal(doc, [line(txt)], 'markdown-rule', doc.data.reasons['markdown-rule']));
        close();
        continue;
      }
      if (MD_RULE.test(text) || MD_HEADING_EMPTY.test(text)) {
        removed.push(removal(doc, [line(txt)], 'markdown-rule', doc.data.reasons['markdown-rule']));
        close();
        continue;
      }
      // 2. a line that is only an image
      if (MD_IMAGE_LINE.test(text)) {
        removed.push(removal(doc, [line(txt)], 'markdown-image', doc.data.reasons['markdown-image']));
        close();
        continue;
      }
      // 3. quote markers go; the text stays prose
      const q = MD_QUOTE.exec(text);
      if (q) txt = txt.slice(q[0].length).trim();
      // 4. headings are paragraphs of their own
      const h = MD_HEADING.exec(txt.text);
      if (h) {
        if (h[2].trim() === '') {
          close();
          continue;
        }
        const bodyStart = txt.text.indexOf(h[2], h[1].length);
        open('heading').lines.push(line(txt.slice(bodyStart, bodyStart + h[2].length)));
        close();
        continue;
      }
      // 5. each list item starts a paragraph; the lines under it continue it
      const li = MD_LIST.exec(txt.text);
      if (li) {
        open('list').lines.push(line(txt.slice(li[0].length).trim()));
        continue;
      }
    } else if (TEXT_BULLET.test(txt.text)) {
      open('list').lines.push(line(txt));
      continue;
    }
    if (txt.length === 0) continue;
    // any other line continues the open paragraph (a list item's lazy continuation included)
    if (!cur) open('body');
    cur!.lines.push(line(txt));
  }
  close();
  return { ...doc, paras, removed };
}

export const lines: Step = { name: 'lines', run: splitParagraphs };
