/**
 * The syntax rows of `npm run eval`, scored on UD English EWT (`../shared/treebank`), punctuation
 * included, as the CoNLL 2018 shared task scores them (LAS compares the universal part of the
 * relation, "acl" for "acl:relcl"):
 * - gold tokenisation: the treebank's words tagged, parsed and lemmatised by entente;
 * - own tokenisation: each sentence's `# text` tokenised by entente (as one sentence), through the
 *   bridge, tagged and parsed; system words are aligned to gold words by character offsets, and a
 *   word counts as attached right only when its head is aligned to the gold head; over gold words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../src/model/span.js';
import { parseConllu, type ConlluToken } from '../src/syntax/conllu.js';
import { tokenize } from '../src/nlp/index.js';
import { analyseWords, parseSentence, type SyntaxWord } from '../src/syntax/index.js';

/** A treebank sentence with its text and each word's span of it. */
export interface GoldSentence {
  id: string;
  text: string;
  words: ConlluToken[];
  /** per word; the words of a multiword token that do not spell it out share its span */
  spans: Span[];
}

/** Attachment scores over gold words. */
export interface Attachment { upos: number; uas: number; las: number; words: number }

const SCORED_LEMMAS = new Set(['VERB', 'NOUN', 'AUX', 'ADJ']);

/**
 * Read a CoNLL-U file with its sentences' `# text` and word offsets; multiword tokens ("don't" → "do"
 * "n't") give their words sub-spans when the words spell the token out.
 * @example readGold('../shared/treebank/en_ewt-ud-test.conllu')[0].spans[0] // { start: 0, end: 4 }
 */
export function readGold(path: string): GoldSentence[] {
  const raw = readFileSync(path, 'utf8');
  const words = parseConllu(raw, path);
  const out: GoldSentence[] = [];
  for (const block of raw.split(/\n\s*\n/)) {
    const lines = block.split('\n').map((l) => l.replace(/\r$/, ''));
    const rows = lines.filter((l) => /^\d/.test(l)).map((l) => l.split('\t'));
    if (rows.length === 0) continue;
    const text = lines.find((l) => l.startsWith('# text = '))?.slice(9) ?? '';
    const id = lines.find((l) => l.startsWith('# sent_id = '))?.slice(12) ?? String(out.length);
    out.push({ id, text, words: words[out.length], spans: goldSpans(text, rows) });
  }
  return out;
}

/** Offsets of each word of `rows` (CoNLL-U columns) in `text`. */
function goldSpans(text: string, rows: string[][]): Span[] {
  const spans: Span[] = [];
  let at = 0;
  const place = (form: string): Span => {
    while (at < text.length && /\s/.test(text[at])) at++;
    let start = text.startsWith(form, at) ? at : text.indexOf(form, at);
    if (start < 0) start = at; // a form not in the text (rare in EWT): a zero-width span, never aligned
    const span = { start, end: start < at || !text.startsWith(form, start) ? start : start + form.length };
    at = span.end;
    return span;
  };
  for (let r = 0; r < rows.length; r++) {
    const [id, form] = rows[r];
    if (/^\d+\.\d+$/.test(id)) continue;
    const range = /^(\d+)-(\d+)$/.exec(id);
    if (!range) {
      spans.push(place(form));
      continue;
    }
    const n = Number(range[2]) - Number(range[1]) + 1;
    const parts = rows.slice(r + 1, r + 1 + n).map((c) => c[1]);
    const token = place(form);
    if (parts.join('').toLowerCase() === form.toLowerCase()) {
      let s = token.start;
      for (const p of parts) { spans.push({ start: s, end: s + p.length }); s += p.length; }
    } else for (let k = 0; k < n; k++) spans.push(token);
    r += n;
  }
  return spans;
}

const universal = (deprel: string): string => deprel.split(':')[0];

/**
 * UPOS accuracy, UAS and LAS of entente on the treebank's own words, and its lemma accuracy
 * (case-insensitive) on the VERB, NOUN, AUX and ADJ words, with the tagger's tags.
 * @example goldTokenisation(readGold(test)).las // 0.8…
 */
export function goldTokenisation(sentences: readonly GoldSentence[]): Attachment & { lemma: number; lemmaWords: number } {
  let tags = 0, u = 0, l = 0, all = 0, lemmas = 0, lemmaWords = 0;
  for (const s of sentences) {
    const a = analyseWords(s.words.map((w) => w.form));
    for (let i = 0; i < s.words.length; i++) {
      const g = s.words[i];
      if (a.upos[i] === g.upos) tags++;
      if (a.head[i] + 1 === g.head) { u++; if (universal(a.deprel[i]) === universal(g.deprel)) l++; }
      if (SCORED_LEMMAS.has(g.upos)) { lemmaWords++; if (a.lemma[i].toLowerCase() === g.lemma.toLowerCase()) lemmas++; }
    }
    all += s.words.length;
  }
  return { upos: tags / all, uas: u / all, las: l / all, words: all, lemma: lemmas / lemmaWords, lemmaWords };
}

/** Own-tokenisation scores, with the alignment's word counts (gold, system, aligned). */
export interface OwnAttachment extends Attachment { system: number; aligned: number }

/**
 * Entente's whole path on each sentence's text: tokenize (one sentence), bridge, tag, parse; scored
 * against the gold words it aligns with by offsets. `misses` hears each gold word left unaligned.
 */
export function ownTokenisation(sentences: readonly GoldSentence[], misses?: (s: GoldSentence, word: number) => void, throughBridge = true): OwnAttachment {
  let tags = 0, u = 0, l = 0, all = 0, system = 0, aligned = 0;
  for (const s of sentences) {
    const whole = { start: 0, end: s.text.length };
    const tokens = tokenize(s.text, [whole]);
    const parsed = throughBridge ? parseSentence(s.text, whole, tokens, 0).words : tokensAsWords(s.text, tokens);
    const goldAt = new Map<string, number[]>();
    s.spans.forEach((sp, j) => { if (sp.end > sp.start) pushTo(goldAt, `${sp.start}:${sp.end}`, j); });
    // system word → gold word; words sharing a span (an unresolved multiword token) pair up in order
    const toGold = parsed.map((w) => goldAt.get(`${w.start}:${w.end}`)?.shift() ?? -1);
    for (let i = 0; i < parsed.length; i++) {
      const j = toGold[i];
      if (j < 0) continue;
      aligned++;
      const g = s.words[j], w = parsed[i];
      if (w.upos === g.upos) tags++;
      const headRight = w.head < 0 ? g.head === 0 : toGold[w.head] >= 0 && toGold[w.head] + 1 === g.head;
      if (headRight) { u++; if (universal(w.deprel) === universal(g.deprel)) l++; }
    }
    if (misses) {
      const hit = new Set(toGold);
      for (let j = 0; j < s.words.length; j++) if (!hit.has(j)) misses(s, j);
    }
    all += s.words.length;
    system += parsed.length;
  }
  return { upos: tags / all, uas: u / all, las: l / all, words: all, system, aligned };
}

/** entente's tokens tagged and parsed as they are, one word each: what the bridge is measured against. */
function tokensAsWords(text: string, tokens: readonly Span[]): Omit<SyntaxWord, 'lemma'>[] {
  const a = analyseWords(tokens.map((t) => text.slice(t.start, t.end)));
  return tokens.map((t, i) => ({ start: t.start, end: t.end, upos: a.upos[i], head: a.head[i], deprel: a.deprel[i] }));
}

function pushTo(m: Map<string, number[]>, k: string, v: number): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** The syntax block of `npm run eval`: metric → value, and notes for under the table. */
export function evalSyntax(treebank: string): { values: Record<string, number>; notes: string[] } {
  const dev = readGold(join(treebank, 'en_ewt-ud-dev.conllu'));
  const test = readGold(join(treebank, 'en_ewt-ud-test.conllu'));
  const values: Record<string, number> = {};
  const notes: string[] = [];
  for (const [name, set] of [['dev', dev], ['test', test]] as const) {
    const g = goldTokenisation(set);
    Object.assign(values, { [`syntax.${name}.upos`]: g.upos, [`syntax.${name}.uas`]: g.uas, [`syntax.${name}.las`]: g.las, [`syntax.${name}.lemma`]: g.lemma });
    notes.push(`syntax (EWT ${name}, gold tokenisation, ${g.words} words): UPOS ${g.upos.toFixed(4)} UAS ${g.uas.toFixed(4)} LAS ${g.las.toFixed(4)}; lemmas ${g.lemma.toFixed(4)} on ${g.lemmaWords} VERB/NOUN/AUX/ADJ (tagger's tags)`);
  }
  const own = ownTokenisation(test);
  const raw = ownTokenisation(test, undefined, false);
  const g = values['syntax.test.uas'];
  Object.assign(values, { 'syntax.test.own.uas': own.uas, 'syntax.test.own.las': own.las });
  notes.push(`syntax (EWT test, entente's tokenisation of the text): UAS ${own.uas.toFixed(4)} LAS ${own.las.toFixed(4)} UPOS ${own.upos.toFixed(4)}; ${own.aligned} of ${own.words} gold words aligned, ${own.system} system words`);
  notes.push(`syntax (EWT test, entente's tokens as words, no bridge): UAS ${raw.uas.toFixed(4)} LAS ${raw.las.toFixed(4)}, ${raw.aligned} words aligned; the bridge closes ${(100 * (own.uas - raw.uas) / (g - raw.uas)).toFixed(0)}% of the UAS gap to gold tokenisation`);
  return { values, notes };
}
