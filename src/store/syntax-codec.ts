import type { ParsedSentence, SyntaxWord } from '../model/syntax.js';
import { VarintReader, VarintWriter } from './varint.js';

/** How a stored word's lemma is found: its form lower-cased, its form as written, or the string table. */
const LEMMA_LOWER = 0;
const LEMMA_AS_WRITTEN = 1;
const LEMMA_TABLE = 2;

/**
 * The syntax layer as one blob, like the other span layers: the tags, relations and lemmas it uses
 * once in a string table (so a stored parse never depends on a model's label order), then per
 * parsed sentence its index and span, and per word five small numbers: gap from the previous
 * word, length, tag (with how its lemma is found), head as an offset from the word (0 for the
 * root: a word is never its own head) and relation. A lemma is written only when it is neither
 * the form lower-cased nor the form as written, so a word takes about five bytes.
 *
 * @example decodeSyntax(encodeSyntax(text, parsed), text) // deep-equals parsed
 */
export function encodeSyntax(text: string, parsed: readonly ParsedSentence[]): Buffer {
  const table: string[] = [];
  const index = new Map<string, number>();
  const id = (s: string) => {
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = table.push(s) - 1));
    return i;
  };
  const body: number[] = [];
  let prevSentence = 0;
  let prevEnd = 0;
  for (const p of parsed) {
    body.push(p.sentence - prevSentence, zig(p.start - prevEnd), p.end - p.start, p.words.length);
    prevSentence = p.sentence;
    let at = p.start;
    p.words.forEach((w, i) => {
      const form = text.slice(w.start, w.end);
      const how = w.lemma === form.toLowerCase() ? LEMMA_LOWER : w.lemma === form ? LEMMA_AS_WRITTEN : LEMMA_TABLE;
      body.push(zig(w.start - at), w.end - w.start, id(w.upos) * 3 + how, zig(w.head < 0 ? 0 : w.head - i), id(w.deprel));
      if (how === LEMMA_TABLE) body.push(id(w.lemma));
      at = w.end;
    });
    prevEnd = p.end;
  }
  const out = new VarintWriter(body.length + table.length * 4 + 2);
  out.uint(table.length);
  for (const s of table) out.string(s);
  out.uint(parsed.length);
  for (const v of body) out.uint(v);
  return out.done();
}

/** The parses `encodeSyntax` wrote for the article whose cleaned text is `text`. */
export function decodeSyntax(buf: Uint8Array, text: string): ParsedSentence[] {
  const r = new VarintReader(buf);
  const table: string[] = new Array(r.uint());
  for (let i = 0; i < table.length; i++) table[i] = r.string();
  const out: ParsedSentence[] = new Array(r.uint());
  let sentence = 0;
  let prevEnd = 0;
  for (let s = 0; s < out.length; s++) {
    sentence += r.uint();
    const start = prevEnd + r.int();
    const end = start + r.uint();
    const words: SyntaxWord[] = new Array(r.uint());
    let at = start;
    for (let i = 0; i < words.length; i++) {
      const ws = at + r.int();
      const we = ws + r.uint();
      const tag = r.uint();
      const head = r.int();
      const deprel = table[r.uint()];
      const how = tag % 3;
      const form = text.slice(ws, we);
      const lemma = how === LEMMA_TABLE ? table[r.uint()] : how === LEMMA_AS_WRITTEN ? form : form.toLowerCase();
      words[i] = { start: ws, end: we, upos: table[(tag - how) / 3], lemma, head: head === 0 ? -1 : i + head, deprel };
      at = we;
    }
    out[s] = { start, end, sentence, words };
    prevEnd = end;
  }
  return out;
}

/** Zig-zag, so that a negative gap (overlapping spans) still encodes as an unsigned varint. */
function zig(v: number): number {
  return v >= 0 ? v * 2 : -v * 2 - 1;
}
