/**
 * The event stage's steps read the tables they are given, not module state: the place table and
 * the date words travel in the steps' context like the dictionary, grammar and lexicon.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDateWords } from '../../src/events/date-words.js';
import { loadGrammar } from '../../src/events/grammar.js';
import { placeAt, placeTable, type PlaceTable } from '../../src/events/places.js';
import { sentenceView } from '../../src/events/sentence.js';
import { resolveEventDate } from '../../src/events/when.js';

test('placeAt: looks a place up in the table given', () => {
  const text = 'Envoys arrived in Atlantis today.';
  const tokens = [...text.matchAll(/\p{L}+|[^\s\p{L}]/gu)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const v = sentenceView(text, 0, { start: 0, end: text.length }, tokens, 0, tokens.length, [], 0, 0, loadGrammar());
  const at = v.words.indexOf('atlantis');
  const own: PlaceTable = new Map([['atlantis', [{ rest: [], country: 'GRC' }]]]);
  assert.deepEqual(placeAt(v, at, text, () => undefined, own), { country: 'GRC', end: at + 1 });
  assert.equal(placeAt(v, at, text, () => undefined, placeTable()), undefined);
});

test('resolveEventDate: reads the date words given, even for the sentence it just read with others', () => {
  const text = 'The attack came on Christmas day.';
  const sentence = { start: 0, end: text.length };
  assert.equal(resolveEventDate(text, sentence, '2022-12-27')?.date, '2022-12-25');
  const none = { ...loadDateWords(), screen: /(?!)/ };
  assert.equal(resolveEventDate(text, sentence, '2022-12-27', { words: none }), undefined);
  assert.equal(resolveEventDate(text, sentence, '2022-12-27', { words: loadDateWords() })?.date, '2022-12-25');
});
