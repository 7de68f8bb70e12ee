import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/index.js';
import { findActors, MAX_LOOKBACK } from '../../src/actors/index.js';

/** Sentences written for this test: a person, `fillers` sentences of two country mentions each, then a title. */
function titleAfter(fillers: number) {
  const text = ['Sergei Lavrov flew home.', ...Array.from({ length: fillers }, () => 'France and Germany talked.'), 'The Russian foreign minister looked tired.'].join(' ');
  const a = analyze({ text, given: { date: '2020-06-01' } });
  assert.ok(!('skipped' in a));
  const ms = findActors(a);
  const title = ms.find((m) => m.kind === 'title');
  assert.ok(title, 'the title is a mention');
  return { title, antecedent: title.antecedent === undefined ? undefined : a.text.slice(ms[title.antecedent].start, ms[title.antecedent].end) };
}

test('actors/coref: a title finds its person across a long article', () => {
  const { title, antecedent } = titleAfter(200);
  assert.equal(antecedent, 'Sergei Lavrov');
  assert.equal(title.actor.code, 'RUSGOV');
});

test('actors/coref: a title looks back through at most MAX_LOOKBACK mentions, so one giant sentence stays linear', () => {
  const { title, antecedent } = titleAfter(Math.ceil(MAX_LOOKBACK / 2) + 10);
  assert.equal(antecedent, undefined);
  // still coded from its own words
  assert.equal(title.actor.country, 'RUS');
});
