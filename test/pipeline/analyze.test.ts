import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, analyzeBatch, STAGES, articleId } from '../../src/pipeline/index.js';
import { checkStages, type Stage } from '../../src/pipeline/stage.js';
import { toInputSpan } from '../../src/model/source-map.js';
import { makeArticle } from '../_fixtures.js';

test('pipeline: a stage that requires what no earlier stage assigns fails at start-up, naming it', () => {
  const bad: Stage = { name: 'events', requires: ['tokens'], assigns: ['id'], run: () => ({}) };
  assert.throws(() => checkStages([bad]), /stage "events" requires "tokens"/);
  assert.doesNotThrow(() => checkStages(STAGES));
});

test('pipeline: a stage may run without what it only uses (events without the syntax stage), but not before the stage that assigns it', () => {
  assert.doesNotThrow(() => checkStages(STAGES.filter((s) => s.name !== 'syntax')));
  const events = STAGES.find((s) => s.name === 'events')!;
  const syntax = STAGES.find((s) => s.name === 'syntax')!;
  const late = STAGES.filter((s) => s !== syntax).flatMap((s) => (s === events ? [s, syntax] : [s]));
  assert.throws(() => checkStages(late), /stage "events" uses "syntax", which stage "syntax" assigns only after it/);
  const a = analyze({ text: 'Talks\n\nRussia accused the European Union of waging a hybrid war.' }, STAGES.filter((s) => s.name !== 'syntax'));
  assert.ok('events' in a && a.events.some((e) => e.source.country === 'RUS' && e.target?.country === 'EU'));
});

test('pipeline: a stage that returns what it did not declare fails with its name', () => {
  const liar: Stage = { name: 'liar', requires: ['raw'], assigns: ['id'], run: () => ({ id: 'x', sentences: [] }) };
  assert.throws(() => analyze({ text: 'x' }, [liar]), /stage "liar" assigned "sentences"/);
});

test('pipeline: an exception inside a stage skips that article, naming the stage, instead of stopping a batch', () => {
  const boom: Stage = { name: 'boom', requires: ['raw'], assigns: ['id'], run: () => { throw new RangeError('deep'); } };
  const r = analyze({ text: 'x', origin: 'f.txt' }, [boom]);
  assert.ok('skipped' in r && r.reason === 'pipeline-error' && /stage "boom" failed: deep/.test(r.detail));
});

test('pipeline: a batch runs stage by stage with the results of one article at a time; a skip or a failure stops only its article', () => {
  const inputs = [{ text: makeArticle(1), origin: 'a.txt' }, { text: '', origin: 'empty.txt' }, { text: `Talks\n\n“We are ready,” Lavrov told TASS. ${makeArticle(2)}`, origin: 'b.txt' }];
  assert.deepEqual(analyzeBatch(inputs), inputs.map((i) => analyze(i)));
  const order: string[] = [];
  const watched = STAGES.map((s): Stage => s.name !== 'clean' && s.name !== 'actors' ? s : {
    ...s,
    run: (d) => {
      order.push(`${s.name}:${d.raw.origin}`);
      if (s.name === 'actors' && d.raw.origin === 'bad') throw new RangeError('deep');
      return s.run(d);
    },
  });
  const out = analyzeBatch([{ text: makeArticle(3), origin: 'bad' }, { text: makeArticle(4), origin: 'good' }], watched);
  assert.deepEqual(order, ['clean:bad', 'clean:good', 'actors:bad', 'actors:good']);
  assert.ok('skipped' in out[0] && /stage "actors" failed: deep/.test(out[0].detail));
  assert.deepEqual(out[1], analyze({ text: makeArticle(4), origin: 'good' }));
});

test('pipeline: every layer is a span into the clean text, nested and in order; spans map back into the input', () => {
  const input = `Spain and Peru agree\n\n${makeArticle(9)}`;
  const a = analyze({ text: input, origin: 'x.txt' });
  assert.ok(!('skipped' in a), JSON.stringify(a));
  const { paragraphs, sentences, tokens } = a.spans;
  assert.ok(paragraphs.length >= 4 && sentences.length >= paragraphs.length && tokens.length > sentences.length);
  let p = 0;
  for (const s of sentences) {
    while (paragraphs[p].end < s.end) p++;
    assert.ok(s.start >= paragraphs[p].start && s.end <= paragraphs[p].end, 'sentence inside a paragraph');
  }
  for (let i = 1; i < tokens.length; i++) assert.ok(tokens[i].start >= tokens[i - 1].end, 'tokens ordered, not overlapping');
  for (const tok of tokens) {
    const inp = toInputSpan(a.sourceMap, tok);
    assert.equal(input.slice(inp.start, inp.end), a.text.slice(tok.start, tok.end));
  }
});

test('pipeline: the id is derived from content, blind to quote style, case and spacing', () => {
  const a = analyze({ text: makeArticle(3) });
  const b = analyze({ text: makeArticle(3).replace(/[“”]/g, '"').replace(/ /g, '  ') });
  assert.ok(!('skipped' in a) && !('skipped' in b));
  assert.equal(a.id, b.id);
  assert.notEqual(articleId('Spain met Peru.'), articleId('Peru met Spain.'));
});
