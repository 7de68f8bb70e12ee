/**
 * Scores the quote stage on PolNeAR-style gold with ../shared/quotes/score.mjs, and prints the
 * seeds' `quotes.must/should/must_not` checks (eval/seed-quotes.ts).
 *   node --import tsx eval/quotes.ts --split train|dev [--kinds indirect] [--gold FILE] [--seeds DIR] [--misses N] [--why N]
 * (--why N: every strict error counted by cause, the first N of each printed)
 *   node --import tsx eval/quotes.ts --bench ../shared/corpus/reuters21578.jsonl [--limit N]
 */
import { execFileSync } from 'node:child_process';
import { dataPath } from '../src/data/read.js';
import { checkSeedQuotes } from './seed-quotes.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/pipeline/index.js';
import type { Article } from '../src/model/article.js';
import type { Quote } from '../src/model/quote.js';
import { toInputSpan } from '../src/model/source-map.js';
import { findQuotes, loadQuoteDictionary } from '../src/quotes/index.js';

interface GoldQuote { start: number; end: number; kind: string; content_spans: [number, number][]; speaker: string | null; speaker_spans: [number, number][] }
interface GoldArticle { id: string; split: string; text: string; quotes: GoldQuote[] }
interface PRF { p: number; r: number; f1: number }
interface PredQuote { start: number; end: number; kind: string; speaker_spans?: number[][]; speaker?: string; rule?: string }

/** Scores of one run: strict and lenient quote P/R/F1, speaker accuracy, end-to-end F1. @example (await evalQuotes(gold, 'dev')).endToEnd.f1 */
export interface QuoteScores {
  strict: PRF;
  speakerAccuracy: number;
  endToEnd: PRF;
  lenient?: PRF & { speakerAccuracy: number; endToEndF1: number };
  n: number;
  /** a few gold quotes missed (strict), for reading */
  misses: string[];
  /** every strict error, grouped by cause ("no quote", "bounds", "as indirect", "speaker", "spurious") */
  why: Map<string, string[]>;
}

// ../shared beside the package root, wherever this module runs from (eval/ under tsx, dist/eval/ when built)
const SCORER = resolve(process.env.ENTENTE_SHARED ?? resolve(dataPath('.'), '..', 'shared'), 'quotes', 'score.mjs');

/** PolNeAR has no 'partial': a partial quote is its `mixed` (the reported clause). */
function predKind(k: Quote['kind']): string { return k === 'partial' ? 'mixed' : k; }

/**
 * Runs the quote stage over each gold article of a split (text analysed as plain text, spans
 * mapped back to the input with the source map), writes the predictions as JSON lines and scores
 * them with score.mjs. With `kinds` ("indirect"), only predictions of those kinds are written:
 * score.mjs itself keeps direct and mixed predictions under any `--kinds`, which would count
 * every direct quote as a false indirect one.
 *
 * @example const s = await evalQuotes('../shared/quotes/polnear-traindev.jsonl', 'dev'); s.strict.f1
 */
export async function evalQuotes(goldPath: string, split: 'train' | 'dev', kinds?: string): Promise<QuoteScores> {
  const gold = readFileSync(goldPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldArticle).filter((g) => g.split === split);
  const lines: string[] = [];
  const preds = new Map<string, PredQuote[]>();
  for (const g of gold) {
    const a = analyze({ text: g.text, format: 'text', origin: g.id });
    if ('skipped' in a) continue;
    const quotes = findQuotes(a).map((q) => {
      const s = toInputSpan(a.sourceMap, q);
      const sp = q.speakerSpan ? toInputSpan(a.sourceMap, q.speakerSpan) : undefined;
      return { start: s.start, end: s.end, kind: predKind(q.kind), ...(sp ? { speaker_spans: [[sp.start, sp.end]] } : {}), ...(q.speaker ? { speaker: q.speaker } : {}), rule: q.rule };
    }).filter((q) => q.end > q.start);
    preds.set(g.id, quotes);
    lines.push(JSON.stringify({ id: g.id, quotes: quotes.filter((q) => !kinds || kinds.split(',').includes(q.kind)).map(({ rule: _, ...q }) => q) }));
  }
  const dir = mkdtempSync(join(tmpdir(), 'entente-quotes-'));
  try {
    const pred = join(dir, 'pred.jsonl');
    writeFileSync(pred, lines.join('\n') + '\n');
    const args = [SCORER, goldPath, pred, '--split', split, '--json', ...(kinds ? ['--kinds', kinds] : [])];
    const out = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as Record<string, { precision: number; recall: number; f1: number; speakerAccuracy: number; endToEndF1: number; matched: number; pred: number; gold: number }>;
    const st = out.strict;
    const le = out.lenient;
    const e2eP = st.pred ? (st.speakerAccuracy * st.matched) / st.pred : 0;
    const e2eR = st.gold ? (st.speakerAccuracy * st.matched) / st.gold : 0;
    return {
      strict: { p: st.precision, r: st.recall, f1: st.f1 },
      speakerAccuracy: st.speakerAccuracy,
      endToEnd: { p: +e2eP.toFixed(4), r: +e2eR.toFixed(4), f1: st.endToEndF1 },
      lenient: { p: le.precision, r: le.recall, f1: le.f1, speakerAccuracy: le.speakerAccuracy, endToEndF1: le.endToEndF1 },
      n: gold.length,
      misses: sampleMisses(gold, preds, (kinds ?? 'direct,mixed').split(',')),
      why: whyMissed(gold, preds, (kinds ?? 'direct,mixed').split(',')),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const TOKEN = /[\p{L}\p{N}_]+/gu;
function tokenStarts(text: string, spans: readonly (readonly number[])[]): Set<number> {
  const set = new Set<number>();
  for (const [s, e] of spans) for (const m of text.slice(s, e).matchAll(TOKEN)) set.add(s + (m.index ?? 0));
  return set;
}
function overlapF1(a: Set<number>, b: Set<number>): number {
  let i = 0;
  for (const t of a) if (b.has(t)) i++;
  return a.size + b.size ? (2 * i) / (a.size + b.size) : 0;
}

/**
 * Every strict error of a run, grouped by cause, matching as score.mjs does (token-overlap F1 ≥
 * 0.5, greedy, one to one): a gold quote with no prediction touching it ("no quote"), one only
 * predicted as indirect ("as indirect"), one whose prediction has other bounds ("bounds"), a
 * matched quote with the wrong speaker ("speaker"), and a prediction matching nothing ("spurious").
 */
function whyMissed(gold: GoldArticle[], preds: Map<string, PredQuote[]>, kinds: string[]): Map<string, string[]> {
  const why = new Map<string, string[]>();
  const put = (k: string, v: string) => { const l = why.get(k); if (l) l.push(v); else why.set(k, [v]); };
  const cut = (t: string, s: number, e: number) => { const x = t.slice(s, e).replace(/\s+/g, ' '); return x.length > 160 ? `${x.slice(0, 75)} … ${x.slice(-75)}` : x; };
  for (const g of gold) {
    const gq = g.quotes.filter((q) => kinds.includes(q.kind)).map((q) => ({ q, toks: tokenStarts(g.text, q.content_spans) }));
    const all = preds.get(g.id) ?? [];
    const pq = all.filter((p) => kinds.includes(p.kind)).map((p) => ({ p, toks: tokenStarts(g.text, [[p.start, p.end]]) }));
    const pairs: [number, number, number][] = [];
    gq.forEach((x, i) => pq.forEach((y, j) => { const f = overlapF1(x.toks, y.toks); if (f >= 0.5) pairs.push([f, i, j]); }));
    pairs.sort((a, b) => b[0] - a[0]);
    const usedG = new Map<number, number>();
    const usedP = new Set<number>();
    for (const [, i, j] of pairs) { if (usedG.has(i) || usedP.has(j)) continue; usedG.set(i, j); usedP.add(j); }
    gq.forEach((x, i) => {
      const q = x.q;
      const gs = `${cut(g.text, q.start, q.end)} — ${q.speaker ?? '?'}`;
      const j = usedG.get(i);
      if (j !== undefined) {
        const p = pq[j].p;
        const sp = p.speaker_spans ?? [];
        const right = sp.some(([a, b]) => q.speaker_spans.some(([c, d]) => a < d && c < b));
        if (!right) put('speaker', `${g.id} [${q.kind}] ${gs}\n      got ${p.rule} "${sp.length ? g.text.slice(sp[0][0], sp[0][1]) : ''}"`);
        return;
      }
      const ind = all.find((p) => !kinds.includes(p.kind) && overlapF1(x.toks, tokenStarts(g.text, [[p.start, p.end]])) >= 0.5);
      if (ind) { put('as indirect', `${g.id} [${q.kind}] ${gs}\n      got ${ind.rule}`); return; }
      let best: { p: PredQuote; f: number } | undefined;
      pq.forEach((y) => { const f = overlapF1(x.toks, y.toks); if (f > 0 && (!best || f > best.f)) best = { p: y.p, f }; });
      if (best) put('bounds', `${g.id} [${q.kind}] ${gs}\n      got ${best.p.rule} (F1 ${best.f.toFixed(2)}) ${cut(g.text, best.p.start, best.p.end)}`);
      else put('no quote', `${g.id} [${q.kind}] ${gs}\n      after: …${cut(g.text, Math.max(0, q.start - 90), q.start)}`);
    });
    pq.forEach((y, j) => { if (!usedP.has(j)) put('spurious', `${g.id} ${y.p.rule} ${cut(g.text, y.p.start, y.p.end)}`); });
  }
  return why;
}

function sampleMisses(gold: GoldArticle[], preds: Map<string, PredQuote[]>, kinds: string[]): string[] {
  const out: string[] = [];
  for (const g of gold) {
    for (const q of g.quotes) {
      if (!kinds.includes(q.kind)) continue;
      const hit = (preds.get(g.id) ?? []).filter((p) => kinds.includes(p.kind)).some((p) => p.start < q.end && q.start < p.end);
      if (!hit) out.push(`${g.id} [${q.kind}] ${g.text.slice(q.start, Math.min(q.end, q.start + 100)).replace(/\s+/g, ' ')} — ${q.speaker ?? '?'}`);
    }
  }
  return out;
}

/**
 * Time of the quote stage alone over a JSON-lines corpus (`text` fields): articles are analysed
 * first, then `findQuotes` is timed over all of them (best of three passes).
 *
 * @example const b = benchQuotes('../shared/corpus/reuters21578.jsonl', 2000); b.msPerArticle
 */
export function benchQuotes(corpus: string, limit = 5000): { articles: number; words: number; msPerArticle: number; msPer150Words: number; quotes: number; analyzeMsPerArticle: number } {
  const texts = readFileSync(corpus, 'utf8').split('\n').filter((l) => l.trim()).slice(0, limit).map((l) => (JSON.parse(l) as { text: string }).text);
  const arts: Article[] = [];
  const t0 = performance.now();
  for (const text of texts) { const a = analyze({ text, format: 'text', origin: 'bench' }); if (!('skipped' in a)) arts.push(a); }
  const analyzeMs = performance.now() - t0;
  let words = 0;
  for (const a of arts) words += a.spans.tokens.length;
  const dict = loadQuoteDictionary();
  let best = Infinity;
  let quotes = 0;
  for (let pass = 0; pass < 3; pass++) {
    quotes = 0;
    const t = performance.now();
    for (const a of arts) quotes += findQuotes(a, [], dict).length;
    best = Math.min(best, performance.now() - t);
  }
  const per = best / arts.length;
  return { articles: arts.length, words, msPerArticle: per, msPer150Words: (best / words) * 150, quotes, analyzeMsPerArticle: analyzeMs / texts.length };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opt = (k: string) => { const i = argv.indexOf(k); return i >= 0 ? argv[i + 1] : undefined; };
  const bench = opt('--bench');
  if (bench) {
    const b = benchQuotes(bench, Number(opt('--limit') ?? 5000));
    console.log(`quote stage on ${b.articles} articles (${b.words} tokens): ${b.msPerArticle.toFixed(4)} ms/article, ${b.msPer150Words.toFixed(4)} ms per 150 tokens, ${b.quotes} quotes; analyze() itself ${b.analyzeMsPerArticle.toFixed(3)} ms/article`);
    return;
  }
  const split = (opt('--split') ?? 'dev') as 'train' | 'dev';
  const shared = resolve(process.env.ENTENTE_SHARED ?? resolve(dataPath('.'), '..', 'shared'));
  const gold = opt('--gold') ?? join(shared, 'quotes', 'polnear-traindev.jsonl');
  const kinds = opt('--kinds');
  const s = await evalQuotes(gold, split, kinds);
  const f = (x: number) => x.toFixed(3);
  console.log(`quotes on ${split} (${s.n} articles), kinds ${kinds ?? 'direct,mixed'}`);
  console.log(`strict   P ${f(s.strict.p)} R ${f(s.strict.r)} F1 ${f(s.strict.f1)}  speaker acc ${f(s.speakerAccuracy)}  end-to-end F1 ${f(s.endToEnd.f1)}`);
  if (s.lenient) console.log(`lenient  P ${f(s.lenient.p)} R ${f(s.lenient.r)} F1 ${f(s.lenient.f1)}  speaker acc ${f(s.lenient.speakerAccuracy)}  end-to-end F1 ${f(s.lenient.endToEndF1)}`);
  const n = Number(opt('--misses') ?? 5);
  if (n > 0) { console.log(`misses (${s.misses.length}, first ${n}):`); for (const m of s.misses.slice(0, n)) console.log(`  ${m}`); }
  const why = opt('--why');
  if (why !== undefined) {
    const k = Number(why) || 0;
    for (const [cause, list] of [...s.why].sort((a, b) => b[1].length - a[1].length)) {
      console.log(`${cause}: ${list.length}`);
      for (const m of list.slice(0, k)) console.log(`  ${m}`);
    }
  }
  const seeds = opt('--seeds') ?? join(shared, 'seeds');
  try {
    const checks = await checkSeedQuotes(seeds);
    console.log('seeds (speaker after coreference, actor, cue, medium):');
    for (const c of checks) console.log(`  ${c.pass ? 'pass' : 'FAIL'} ${c.level.padEnd(8)} ${c.what}${c.got ? `  [${c.got}]` : ''}`);
  } catch (err) {
    console.log(`seeds: skipped (${(err as Error).message})`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
