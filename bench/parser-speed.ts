/**
 * `node dist/bench/parser-speed.js [--rounds N] [--cache FILE] [--against ROOT] [CORPUS]`: the speed of the tagger
 * and the parser on exactly the sentences the ingest parses. The Reuters-21578 corpus (by default
 * ../shared/corpus/reuters21578.jsonl) goes through every stage once while the tagger's input is
 * recorded (the syntax stage chooses the sentences, `wantsParse`, and the bridge makes their words);
 * then each round tags all of them and parses all of them on tags computed beforehand, timed by the
 * process's CPU time (the machine is shared: waits for a busy core are left out), and the median
 * of the rounds is reported as words per CPU-second.
 *
 * `--cache FILE` keeps the recorded sentences in FILE (outside the repository: they are Reuters text)
 * and reads them from there on later runs, which skips the minute the stages take.
 *
 * `--against ROOT` loads a second build of entente (ROOT holds its package.json, data/ and dist/,
 * e.g. the main branch built elsewhere) and runs the two in alternate rounds, so that the machine's
 * load falls on both alike; it also counts the sentences whose tags, heads or labels differ between
 * the two, which must be 0 for a change meant to make the same parses faster. The digest printed
 * over all tags, heads and labels lets runs without `--against` be compared too.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeBatch, STAGES } from '../src/pipeline/index.js';
import { fromJsonLine, type RawItem } from '../src/ingest/items.js';
import { defaultTagger } from '../src/syntax/tagger/model.js';
import { defaultParser } from '../src/syntax/parser/model.js';

/** What the bench needs of a build: its tagger and parser. */
interface Build {
  name: string;
  tagIds(words: readonly string[]): Uint8Array;
  parse(words: readonly string[], tags: Uint8Array): { head: number[]; deprel: string[] };
}

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args.splice(i, 2)[1];
};
const rounds = Number(opt('--rounds') ?? 7);
const cache = opt('--cache');
const against = opt('--against');
const corpus = args[0] ?? '../shared/corpus/reuters21578.jsonl';
if (!existsSync(corpus)) {
  console.log(`parser-speed: skipped, ${corpus} is absent (the Reuters-21578 corpus of ../shared)`);
  process.exit(0);
}

/** The word lists the tagger is given while every stage runs over the corpus: the sentences the ingest parses. */
function ingestSentences(): string[][] {
  const items: RawItem[] = [];
  for (const line of readFileSync(corpus, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const it = fromJsonLine(line, 'bench', { maxBytes: 1e8 });
    if (!('skipped' in it)) items.push(it);
  }
  const tagger = defaultTagger(), own = tagger.tagIds, seen: string[][] = [];
  tagger.tagIds = function (words, out) { seen.push([...words]); return own.call(this, words, out); };
  for (let b = 0; b < items.length; b += 128) analyzeBatch(items.slice(b, b + 128), STAGES);
  delete (tagger as Partial<typeof tagger>).tagIds;
  return seen;
}

async function load(root: string): Promise<Build> {
  const url = (p: string): string => pathToFileURL(resolve(root, p)).href;
  const t = (await import(url('dist/src/syntax/tagger/model.js'))) as { defaultTagger: typeof defaultTagger };
  const p = (await import(url('dist/src/syntax/parser/model.js'))) as { defaultParser: typeof defaultParser };
  const tagger = t.defaultTagger(), parser = p.defaultParser();
  return { name: root, tagIds: (w) => tagger.tagIds(w), parse: (w, tags) => parser.parse(w, tags) };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** CPU milliseconds of `run`. */
function cpuMs(run: () => void): number {
  const c0 = process.cpuUsage();
  run();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/** Every tag, head and label of `b` on the sentences, one string per sentence. */
function outputs(b: Build, sents: readonly string[][]): string[] {
  return sents.map((s) => {
    const tags = b.tagIds(s), p = b.parse(s, tags);
    return `${tags.join(',')}|${p.head.join(',')}|${p.deprel.join(',')}`;
  });
}

const sents = cache && existsSync(cache) ? (JSON.parse(readFileSync(cache, 'utf8')) as string[][]) : ingestSentences();
if (cache && !existsSync(cache)) writeFileSync(cache, JSON.stringify(sents));
const words = sents.reduce((n, s) => n + s.length, 0);
const own = defaultTagger(), ownParser = defaultParser();
const builds: Build[] = [{ name: 'this build', tagIds: (w) => own.tagIds(w), parse: (w, tags) => ownParser.parse(w, tags) }];
if (against) builds.push(await load(against));
console.log(`${sents.length} sentences, ${words} words parsed by the ingest of ${corpus}; median of ${rounds} rounds, CPU time${builds.length > 1 ? ', builds in alternate rounds' : ''}`);

const outs = builds.map((b) => outputs(b, sents));
for (const [i, b] of builds.entries()) console.log(`  ${b.name}: digest of tags, heads and labels ${createHash('sha256').update(outs[i].join('\n')).digest('hex').slice(0, 16)}`);
if (builds.length > 1) {
  const diff = outs[0].filter((o, i) => o !== outs[1][i]).length;
  console.log(`  sentences whose tags, heads or labels differ between the builds: ${diff} of ${sents.length}`);
}

const tags = builds.map((b) => sents.map((s) => b.tagIds(s)));
const times = builds.map(() => ({ tag: [] as number[], parse: [] as number[] }));
for (let r = 0; r < rounds; r++) {
  // alternate which build goes first, so neither always follows the other's garbage
  const order = r % 2 ? [...builds.keys()].reverse() : [...builds.keys()];
  for (const i of order) {
    const b = builds[i];
    times[i].tag.push(cpuMs(() => { for (const s of sents) b.tagIds(s); }));
    times[i].parse.push(cpuMs(() => { for (let k = 0; k < sents.length; k++) b.parse(sents[k], tags[i][k]); }));
  }
}
for (const [i, b] of builds.entries()) {
  const t = median(times[i].tag), p = median(times[i].parse);
  const rate = (ms: number): string => Math.round(words / (ms / 1000)).toLocaleString('en').padStart(9);
  console.log(`  ${b.name}`);
  console.log(`    tagger ${rate(t)} words/s  ${t.toFixed(0).padStart(6)} CPU ms  (rounds ${times[i].tag.map((x) => x.toFixed(0)).join(' ')})`);
  console.log(`    parser ${rate(p)} words/s  ${p.toFixed(0).padStart(6)} CPU ms  (rounds ${times[i].parse.map((x) => x.toFixed(0)).join(' ')})`);
}
