import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, selectStages, STAGES } from '../../src/pipeline/index.js';
import type { Article } from '../../src/model/article.js';
import { sharedPath } from '../_shared.js';

function analyzed(text: string, stages = STAGES): Article {
  const a = analyze({ text, origin: 'seed.txt' }, stages);
  assert.ok(!('skipped' in a), JSON.stringify(a));
  return a;
}

function seeds(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** The sentences whose mentions name coded actors of two countries (or organisations), found from the article alone. */
function twoCountrySentences(a: Article): number[] {
  return a.spans.sentences.flatMap((s, i) => {
    const codes = new Set(a.spans.mentions.filter((m) => m.start >= s.start && m.start < s.end && m.actor.code !== '').map((m) => m.actor.country));
    return codes.size >= 2 ? [i] : [];
  });
}

test('pipeline/syntax: the stage runs after the actors, which choose its sentences, and before the events, which read it; the quotes do not read it', () => {
  const names = STAGES.map((s) => s.name);
  const syntax = STAGES.find((s) => s.name === 'syntax');
  assert.ok(syntax);
  assert.deepEqual(syntax.assigns, ['syntax']);
  assert.ok(syntax.requires.includes('mentions') && syntax.requires.includes('tokens'));
  assert.ok(names.indexOf('actors') < names.indexOf('syntax') && names.indexOf('syntax') < names.indexOf('events'));
  // a stage that read the parse would have to come after it (the pool's chain starts its second thread at the parser)
  const quotes = STAGES.find((s) => s.name === 'quotes')!;
  assert.ok(![...quotes.requires, ...(quotes.uses ?? [])].includes('syntax'));
  // the foundation's stages alone still make a pipeline, without a syntax layer
  const text = analyzed('Talks\n\nRussia accused the European Union of waging a hybrid war.', selectStages(['clean', 'sentences', 'tokens', 'language', 'identity']));
  assert.equal('syntax' in text.spans, false);
});

test('pipeline/syntax: only sentences naming actors of two countries are parsed, each as one tree over words in the sentence', () => {
  const a = analyzed(
    'Talks\n\nRussia accused the European Union of waging a hybrid war against Moscow. The weather was mild. ' +
      'Russia said it would respond. Putin said Russia would respond. China and Japan signed a trade agreement in Beijing on Tuesday.',
  );
  const parsed = a.spans.syntax!;
  assert.deepEqual(parsed.map((p) => p.sentence), twoCountrySentences(a));
  assert.ok(parsed.length >= 1 && parsed.length < a.spans.sentences.length, `parsed ${parsed.map((p) => p.sentence)} of ${a.spans.sentences.length}`);
  const said = a.spans.sentences.findIndex((s) => a.text.slice(s.start, s.end).startsWith('Russia said'));
  assert.ok(said >= 0 && !parsed.some((p) => p.sentence === said), 'one actor alone is not a dyad: not parsed');
  const putin = a.spans.sentences.findIndex((s) => a.text.slice(s.start, s.end).startsWith('Putin said'));
  assert.ok(putin >= 0 && a.spans.mentions.filter((m) => m.start >= a.spans.sentences[putin].start && m.end <= a.spans.sentences[putin].end).length >= 2);
  assert.ok(!parsed.some((p) => p.sentence === putin), 'two actors of one country are no dyad of the relations: not parsed');
  for (const p of parsed) {
    const sentence = a.spans.sentences[p.sentence];
    assert.deepEqual({ start: p.start, end: p.end }, sentence);
    // the syntax module may split a token into UD words ("don't" → "do", "n't"): in order, inside the sentence
    let at = sentence.start;
    for (const w of p.words) {
      assert.ok(w.start >= at && w.end > w.start && w.end <= sentence.end, `${a.text.slice(w.start, w.end)} at ${w.start}`);
      at = w.end;
    }
    assert.equal(p.words.filter((w) => w.head === -1).length, 1, 'one root');
    for (const w of p.words) assert.ok(w.head >= -1 && w.head < p.words.length && w.upos !== '' && w.deprel !== '');
  }
});

test('pipeline/syntax: on the seeds, parsing changes no layer before the events, nor the events of a sentence it did not parse', (t) => {
  const dir = sharedPath(t, 'seeds');
  if (!dir) return;
  const without = STAGES.filter((s) => s.name !== 'syntax');
  let parsedSentences = 0;
  for (const text of seeds(dir)) {
    const a = analyzed(text);
    const b = analyzed(text, without);
    assert.equal('syntax' in b.spans, false);
    const { syntax, ...rest } = a.spans;
    assert.deepEqual(rest, b.spans);
    assert.deepEqual(a.quotes, b.quotes);
    // the coder reads the parse where there is one (argument check, frames): only there may its events differ
    const parsed = new Set(syntax!.map((p) => p.sentence));
    const unparsed = (events: typeof a.events) => events.filter((e) => !parsed.has(e.sentence));
    assert.deepEqual(unparsed(a.events), unparsed(b.events));
    assert.deepEqual(syntax!.map((p) => p.sentence), twoCountrySentences(a));
    parsedSentences += syntax!.length;
  }
  assert.ok(parsedSentences > 0);
});

test('pipeline/syntax: the seed sentence "Lavrov accused the EU of waging …" is parsed', (t) => {
  const dir = sharedPath(t, 'seeds');
  if (!dir) return;
  const a = seeds(dir).map((text) => analyzed(text)).find((x) => x.text.includes('Lavrov accused the EU of waging'));
  assert.ok(a, 'the seed with the sentence');
  const at = a.text.indexOf('Lavrov accused the EU of waging');
  const p = a.spans.syntax!.find((x) => x.start <= at && at < x.end);
  assert.ok(p, 'the sentence is parsed (Lavrov and the EU: Russia and an organisation)');
  const words = p.words.map((w) => a.text.slice(w.start, w.end));
  assert.ok(words.includes('accused') && words.includes('EU') && words.includes('waging'), words.join(' '));
});
