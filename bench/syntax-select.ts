/**
 * `node dist/bench/syntax-select.js [CORPUS]`: which sentences the syntax stage should parse. For each
 * candidate rule, over a JSON lines corpus (Reuters-21578 by default), how many sentences and tokens
 * it keeps, and how many of the sentences the event and quote stages use today it keeps: those
 * with a coded event, an event between two countries (a target of another country), a quote's cue. The stage's rule (`wantsParse` in
 * src/pipeline/syntax-stage.ts) was chosen on these figures.
 */
import { readFileSync } from 'node:fs';
import { analyzeBatch, STAGES } from '../src/pipeline/index.js';
import { fromJsonLine, type RawItem } from '../src/ingest/items.js';
import type { Article } from '../src/model/article.js';
import type { Mention } from '../src/model/actor.js';
import { loadEventDictionary } from '../src/events/index.js';

/** What a rule sees of one sentence: its actor mentions (those with a code) and its tokens. */
interface SentenceFacts {
  coded: number;
  actors: number;
  countries: number;
  tokens: number;
  quoteCue: boolean;
  /** a verb form of the event dictionary with a CAMEO code */
  verb: boolean;
  event: boolean;
  eventWithTarget: boolean;
}

const RULES: [string, (s: SentenceFacts) => boolean][] = [
  ['every sentence', () => true],
  ['≥ 1 coded mention', (s) => s.coded >= 1],
  ['≥ 2 coded mentions', (s) => s.coded >= 2],
  ['≥ 2 distinct actors', (s) => s.actors >= 2],
  ['≥ 2 distinct actors, ≤ 60 tokens', (s) => s.actors >= 2 && s.tokens <= 60],
  ['≥ 2 countries', (s) => s.countries >= 2],
  ['≥ 2 countries, ≤ 60 tokens', (s) => s.countries >= 2 && s.tokens <= 60],
  ['≥ 2 countries, ≤ 40 tokens', (s) => s.countries >= 2 && s.tokens <= 40],
  ['≥ 2 coded mentions or a quote cue and ≥ 1', (s) => s.coded >= 2 || (s.quoteCue && s.coded >= 1)],
  ['≥ 1 coded mention and an event verb', (s) => s.coded >= 1 && s.verb],
  ['≥ 2 coded mentions and an event verb', (s) => s.coded >= 2 && s.verb],
  ['≥ 2 distinct actors and an event verb', (s) => s.actors >= 2 && s.verb],
];

const VERBS = new Set(loadEventDictionary().verbs.filter((v) => v.code !== null).flatMap((v) => v.forms.map((f) => f.toLowerCase())));

function facts(a: Article): SentenceFacts[] {
  const out: SentenceFacts[] = a.spans.sentences.map(() => ({ coded: 0, actors: 0, countries: 0, tokens: 0, quoteCue: false, verb: false, event: false, eventWithTarget: false }));
  const at = (pos: number) => {
    // sentences are sorted and disjoint: binary search for the one holding `pos`
    let lo = 0;
    let hi = a.spans.sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (a.spans.sentences[mid].start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const t of a.spans.tokens) {
    const s = out[at(t.start)];
    s.tokens++;
    if (!s.verb && VERBS.has(a.text.slice(t.start, t.end).toLowerCase())) s.verb = true;
  }
  const actorsOf = out.map(() => new Set<string>());
  const countriesOf = out.map(() => new Set<string>());
  for (const m of a.spans.mentions as Mention[]) {
    if (m.actor.code === '') continue;
    const s = at(m.start);
    out[s].coded++;
    actorsOf[s].add(m.actor.code);
    countriesOf[s].add(m.actor.country);
  }
  actorsOf.forEach((set, s) => (out[s].actors = set.size));
  countriesOf.forEach((set, s) => (out[s].countries = set.size));
  for (const q of a.quotes) if (q.cueSpan) out[at(q.cueSpan.start)].quoteCue = true;
  for (const e of a.events) {
    out[e.sentence].event = true;
    // what the relations count: an event between two countries (or organisations)
    if (e.target && e.target.country !== e.source.country) out[e.sentence].eventWithTarget = true;
  }
  return out;
}

const corpus = process.argv[2] ?? '../shared/corpus/reuters21578.jsonl';
const items: RawItem[] = [];
for (const line of readFileSync(corpus, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const it = fromJsonLine(line, 'bench', { maxBytes: 1e8 });
  if (!('skipped' in it)) items.push(it);
}
const stages = STAGES.filter((s) => s.name !== 'syntax');
const all: SentenceFacts[] = [];
for (let b = 0; b < items.length; b += 128) {
  for (const a of analyzeBatch(items.slice(b, b + 128), stages)) if (!('skipped' in a)) all.push(...facts(a));
}
const count = (f: (s: SentenceFacts) => boolean) => all.filter(f).length;
const tokens = all.reduce((n, s) => n + s.tokens, 0);
const [ev, evT, cue] = [count((s) => s.event), count((s) => s.eventWithTarget), count((s) => s.quoteCue)];
console.log(`${corpus}: ${items.length} items, ${all.length} sentences, ${tokens} tokens; ${ev} sentences with an event, ${evT} with an event between two countries (or organisations), ${cue} with a quote's cue`);
console.log(`${'rule'.padEnd(44)} sentences        tokens           event  dyad     cue`);
const pct = (x: number, of: number) => `${((100 * x) / of).toFixed(1).padStart(5)} %`;
for (const [name, keep] of RULES) {
  const kept = all.filter(keep);
  const t = kept.reduce((n, s) => n + s.tokens, 0);
  console.log(`${name.padEnd(44)} ${String(kept.length).padStart(6)} ${pct(kept.length, all.length)} ${String(t).padStart(8)} ${pct(t, tokens)}  ${pct(count((s) => s.event && keep(s)), ev)} ${pct(count((s) => s.eventWithTarget && keep(s)), evT)} ${pct(count((s) => s.quoteCue && keep(s)), cue)}`);
}
