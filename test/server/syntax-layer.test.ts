import { test, type TestContext } from 'node:test';
import type { Hono } from 'hono';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/index.js';
import { analyze } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Article } from '../../src/model/article.js';
import type { Store } from '../../src/store/types.js';
import { SHARED } from '../_shared.js';
import { EXAMPLES } from './_store.js';

type Word = { start: number; end: number; text: string; upos: string; lemma: string; head: number; deprel: string };
type Parse = { sentence: number; start: number; end: number; stored: boolean; words: Word[] };
type Err = { status: number; code: string; message: string };

/** The Fox News seed ("Lavrov accused the EU of waging a “hybrid war”…"), or one of our examples when ../shared is absent. */
function sourceFile(t: TestContext): string {
  const seed = join(SHARED, 'seeds', '000_0018879f1c851a58.txt');
  if (existsSync(seed)) return seed;
  t.diagnostic(`../shared absent (${seed}): tested on examples/01-baltic-exercise-condemned.txt`);
  return join(EXAMPLES, '01-baltic-exercise-condemned.txt');
}

/** Everything a parse answer must be, whatever the parser's accuracy: spans that slice to their text, one root, a tree. */
function checkParse(text: string, sentence: { start: number; end: number }, p: Parse, what: string): void {
  assert.deepEqual([p.start, p.end], [sentence.start, sentence.end], `${what}: the parse's span is its sentence's`);
  assert.ok(p.words.length > 0, `${what}: no words`);
  let at = p.start;
  for (const [i, w] of p.words.entries()) {
    assert.equal(text.slice(w.start, w.end), w.text, `${what}: word ${i}'s span does not slice to its text`);
    assert.ok(w.start >= at && w.end > w.start && w.end <= p.end, `${what}: word ${i} (${w.start}–${w.end}) is out of order or outside the sentence`);
    at = w.end;
    assert.ok(Number.isInteger(w.head) && w.head >= -1 && w.head < p.words.length && w.head !== i, `${what}: word ${i} has head ${w.head}`);
    assert.equal(w.head === -1, w.deprel === 'root', `${what}: word ${i} has head ${w.head} and relation ${w.deprel}`);
    assert.match(w.upos, /^[A-Z]{1,5}$/, `${what}: word ${i}'s UPOS`);
    assert.ok(w.lemma.length > 0, `${what}: word ${i} has no lemma`);
  }
  assert.equal(p.words.filter((w) => w.head === -1).length, 1, `${what}: not exactly one root`);
  // every word reaches the root: no cycle
  for (let i = 0; i < p.words.length; i++) {
    let j = i;
    for (let steps = 0; j !== -1; steps++) {
      assert.ok(steps <= p.words.length, `${what}: word ${i} is on a cycle`);
      j = p.words[j].head;
    }
  }
  // the words are the sentence's text, all of it but the spaces
  assert.equal(p.words.map((w) => w.text).join(''), text.slice(p.start, p.end).replace(/\s+/g, ''), `${what}: the words leave out part of the sentence`);
}

/** A temporary SQLite store holding the article as the pipeline leaves it, and the same article as one stored before the syntax stage. */
async function setup(t: TestContext) {
  const dir = mkdtempSync(join(tmpdir(), 'entente-syntax-layer-'));
  const store = openSqliteStore(join(dir, 'x.db'));
  t.after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const file = sourceFile(t);
  const analysed = analyze({ text: readFileSync(file, 'utf8'), origin: file });
  if ('skipped' in analysed) throw new Error(`${file} was skipped: ${analysed.detail}`);
  return { store, analysed };
}

async function answer<T>(app: Hono, path: string): Promise<{ status: number; body: T }> {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as T };
}

test('server/syntax-layer: any sentence of an article stored before the syntax stage is parsed on request; bad requests are named', async (t) => {
  const { store, analysed } = await setup(t);
  const a: Article = { ...analysed, spans: { ...analysed.spans, syntax: undefined } };
  await store.putArticle(a);
  const app = createApp(store, { log: () => {} });
  const get = <T>(path: string) => answer<T>(app, path);
  const n = a.spans.sentences.length;
  assert.ok(n > 3, `${n} sentences`);

  for (let i = 0; i < n; i++) {
    const { status, body } = await get<Parse>(`/api/articles/${a.id}/syntax?sentence=${i}`);
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.sentence, i);
    assert.equal(body.stored, false, `sentence ${i} was not stored, so it was parsed on request`);
    checkParse(a.text, a.spans.sentences[i], body, `sentence ${i}`);
  }
  const lavrov = a.spans.sentences.findIndex((s) => /^Lavrov accused the EU/.test(a.text.slice(s.start, s.end)));
  if (lavrov >= 0) {
    const { body } = await get<Parse>(`/api/articles/${a.id.slice(0, 8)}/syntax?sentence=${lavrov}`);
    assert.deepEqual(body.words.slice(0, 4).map((w) => w.text), ['Lavrov', 'accused', 'the', 'EU'], 'an id prefix finds the article too');
  }

  const plain = await get<Record<string, unknown>>(`/api/articles/${a.id}`);
  assert.equal('syntax' in plain.body, false, 'the parses are left out unless asked for');
  const none = await get<{ syntax: Parse[] }>(`/api/articles/${a.id}?layers=syntax`);
  assert.deepEqual(none.body.syntax, [], 'an article stored before the stage has no stored parses');

  const bad = async (query: string, pattern: RegExp, on = app) => {
    const { status, body } = await answer<Err>(on, `/api/articles/${a.id}/syntax${query}`);
    assert.equal(status, 400, `${query}: ${JSON.stringify(body)}`);
    assert.equal(body.code, 'bad_parameter');
    assert.match(body.message, pattern, query);
  };
  await bad(`?sentence=${n}`, new RegExp(`^sentence must be below ${n}\\b`));
  await bad('?sentence=-1', /^sentence must be a whole number/);
  await bad('?sentence=two', /^sentence must be a whole number/);
  await bad('', /^sentence is required/);
  await bad('?sentence=0&offset=0', /unknown parameter "offset"/);
  // a server whose layers carry 3 items parses no longer sentence
  await bad('?sentence=0', /^sentence 0 has \d+ tokens, more than the 3 words a parse answer carries/, createApp(store, { log: () => {}, layerMaxItems: 3 }));
  const layers = await get<Err>(`/api/articles/${a.id}?layers=syntax,tokens`);
  assert.equal(layers.status, 400);
  assert.match(layers.body.message, /^layers must list layers among syntax, got "tokens"/);
  for (const path of [`/api/articles/ffffffffffffffff/syntax?sentence=0`, `/api/articles/ffffffffffffffff?layers=syntax`]) {
    const { status, body } = await get<Err>(path);
    assert.equal(status, 404, path);
    assert.equal(body.code, 'not_found');
  }
});

test('server/syntax-layer: the parses the stage stored come with ?layers=syntax, cut as other layers are, and marked stored', async (t) => {
  const { store, analysed } = await setup(t);
  // the article as the pipeline leaves it, with the parses the syntax stage chose
  const a: Article = analysed;
  await store.putArticle(a);
  assert.deepEqual((await store.getArticle(a.id))?.spans.syntax, a.spans.syntax, 'the store keeps the parses');
  const stored = a.spans.syntax!;
  assert.ok(stored.length > 0, 'no sentence parsed');
  const small = createApp(store, { log: () => {}, layerMaxItems: 3 });
  const withParses = await answer<{ syntax: Parse[]; more?: Record<string, number> }>(small, `/api/articles/${a.id}?layers=syntax`);
  assert.deepEqual(withParses.body.syntax.map((p) => p.sentence), stored.slice(0, 3).map((p) => p.sentence));
  assert.equal(withParses.body.more?.syntax, stored.length > 3 ? stored.length : undefined, 'the layer is cut as the others are');
  for (const p of withParses.body.syntax) {
    assert.equal(p.stored, true);
    checkParse(a.text, a.spans.sentences[p.sentence], p, `stored sentence ${p.sentence}`);
  }
  const app = createApp(store, { log: () => {} });
  const one = await answer<Parse>(app, `/api/articles/${a.id}/syntax?sentence=${stored[0].sentence}`);
  assert.equal(one.body.stored, true);
  assert.deepEqual(one.body.words.map((w) => [w.head, w.deprel]), stored[0].words.map((w) => [w.head, w.deprel]), 'the stored parse as it was stored');
  const notKept = a.spans.sentences.findIndex((_, i) => !stored.some((p) => p.sentence === i));
  if (notKept >= 0) assert.equal((await answer<Parse>(app, `/api/articles/${a.id}/syntax?sentence=${notKept}`)).body.stored, false);
});
