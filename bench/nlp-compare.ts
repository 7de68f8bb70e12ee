/**
 * Compare entente's sentence splitter with wink-nlp and compromise: speed on the Reuters corpus
 * and boundary accuracy on test/nlp/sentence-gold.json. The two libraries are not project
 * dependencies: install them in a scratch folder and pass its node_modules.
 *
 * @example
 * // mkdir /tmp/nlpcmp && cd /tmp/nlpcmp && npm init -y && npm i wink-nlp wink-eng-lite-web-model compromise
 * // node --import tsx bench/nlp-compare.ts --libs /tmp/nlpcmp/node_modules [--corpus PATH] [--limit N]
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Span } from '../src/model/span.js';
import { splitSentences, tokenize } from '../src/nlp/index.js';

interface GoldCase { id: string; text: string; sentences: string[] }
/** A splitter under test: paragraph text in, sentence strings out; `count` is the fast path for timing. */
interface Splitter { name: string; split(text: string): string[]; count(text: string): number }

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

/** Paragraphs between the breaks that `breaks` (a global pattern) matches. */
function paragraphsBetween(text: string, breaks: RegExp): Span[] {
  const out: Span[] = [];
  let start = 0;
  breaks.lastIndex = 0;
  for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length });
  return out;
}

/** Reuters paragraphs start on a line indented by spaces, or after a blank line. */
const reutersParagraphs = (text: string): Span[] => paragraphsBetween(text, /\n(?:[ \t]*\n)+|\n(?=[ \t]{2,})/g);
const blankLineParagraphs = (text: string): Span[] => paragraphsBetween(text, /\n[ \t]*\n/g);

const ours: Splitter = {
  name: 'entente (ours)',
  split: (t) => splitSentences(t, [{ start: 0, end: t.length }]).map((s) => t.slice(s.start, s.end)),
  count: (t) => splitSentences(t, [{ start: 0, end: t.length }]).length,
};

async function loadLibs(dir: string): Promise<Splitter[]> {
  const req = createRequire(join(resolve(dir), 'noop.js'));
  const load = async (name: string): Promise<any> => {
    try {
      const mod = await import(pathToFileURL(req.resolve(name)).href);
      return mod.default ?? mod;
    } catch {
      console.log(`skip: ${name} not found under ${dir}`);
      return undefined;
    }
  };
  const out: Splitter[] = [];
  const [winkNLP, model, nlp] = [await load('wink-nlp'), await load('wink-eng-lite-web-model'), await load('compromise')];
  if (winkNLP && model) {
    const w = winkNLP(model, ['sbd']);
    out.push({ name: 'wink-nlp (sbd only)', split: (t) => w.readDoc(t).sentences().out(), count: (t) => w.readDoc(t).sentences().length() });
  }
  if (nlp) {
    out.push({ name: 'compromise (tokenize)', split: (t) => nlp.tokenize(t).out('array'), count: (t) => nlp.tokenize(t).document.length });
  }
  return out;
}

/** Boundary offsets inside each paragraph (its own end excluded), found by locating each sentence. */
function boundaries(text: string, s: Splitter): Set<number> {
  const out = new Set<number>();
  for (const p of blankLineParagraphs(text)) {
    const para = text.slice(p.start, p.end);
    let cursor = 0;
    for (const sent of s.split(para)) {
      const t = sent.trim();
      const at = para.indexOf(t, cursor);
      if (t === '' || at < 0) continue;
      cursor = at + t.length;
      if (para.slice(cursor).trim() !== '') out.add(p.start + cursor);
    }
  }
  return out;
}

function accuracy(gold: GoldCase[], s: Splitter): string {
  let tp = 0, fp = 0, fn = 0, exact = 0;
  const wrong: string[] = [];
  for (const g of gold) {
    const goldSplit: Splitter = { name: 'gold', split: (para) => g.sentences.filter((x) => para.includes(x)), count: () => 0 };
    const expected = boundaries(g.text, goldSplit);
    const got = boundaries(g.text, s);
    let ok = true;
    for (const b of got) if (expected.has(b)) tp++; else { fp++; ok = false; }
    for (const b of expected) if (!got.has(b)) { fn++; ok = false; }
    if (ok) exact++; else wrong.push(g.id);
  }
  const p = tp / (tp + fp || 1), r = tp / (tp + fn || 1);
  const f1 = (2 * p * r) / (p + r || 1);
  return `${exact}/${gold.length} cases exact, boundary P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f1.toFixed(3)}; wrong: ${wrong.join(', ')}`;
}

function speed(texts: string[], s: Splitter): string {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const t0 = performance.now();
  let sentences = 0;
  for (const t of texts) sentences += s.count(t);
  const sec = (performance.now() - t0) / 1000;
  return `${(bytes / 1e6 / sec).toFixed(1)} MB/s, ${Math.round(sentences / sec).toLocaleString('en')} sentences/s, ${Math.round(texts.length / sec).toLocaleString('en')} articles/s (${sentences} sentences)`;
}

async function main(): Promise<void> {
  const corpus = resolve(arg('corpus', '../shared/corpus/reuters21578.jsonl'));
  const limit = Number(arg('limit', '1000000'));
  const gold = (JSON.parse(readFileSync(resolve('test/nlp/sentence-gold.json'), 'utf8')) as { cases: GoldCase[] }).cases;
  const splitters = [ours, ...(await loadLibs(arg('libs', '/tmp/nlpcmp/node_modules')))];
  console.log('accuracy on test/nlp/sentence-gold.json');
  for (const s of splitters) console.log(`  ${s.name}: ${accuracy(gold, s)}`);
  if (!existsSync(corpus)) return console.log(`skip speed: ${corpus} not found`);
  const texts = readFileSync(corpus, 'utf8').trim().split('\n').slice(0, limit).map((l) => (JSON.parse(l) as { text: string }).text);
  console.log(`speed on ${texts.length} texts of ${corpus} (one thread, whole text per call)`);
  for (const s of splitters) {
    s.count(texts[0]!); // warm up code paths once
    console.log(`  ${s.name}: ${speed(texts, s)}`);
  }
  // ours as the pipeline runs it: Reuters paragraphs, then sentences, then tokens
  const paras = texts.map(reutersParagraphs);
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  for (let round = 0; round < 2; round++) {
    const t0 = performance.now();
    let n = 0;
    for (let i = 0; i < texts.length; i++) n += tokenize(texts[i]!, splitSentences(texts[i]!, paras[i]!)).length;
    const sec = (performance.now() - t0) / 1000;
    console.log(`  entente split+tokenize by paragraph (round ${round + 1}): ${(bytes / 1e6 / sec).toFixed(1)} MB/s, ${Math.round(texts.length / sec).toLocaleString('en')} articles/s, ${n} tokens`);
  }
}

await main();
