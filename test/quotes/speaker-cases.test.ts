import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spanPairs as pairs } from './_quotes.js';

// Every sentence below is invented for these tests (issue 17: speakers that are no entity).

test('"struck a cautious note, saying …": "a … note" is a noun, the subject says it', () => {
  assert.deepEqual(pairs('Halvorsen on Monday struck a hopeful note, saying the two sides were close to a deal.'), [
    ['the two sides were close to a deal', 'Halvorsen'],
  ]);
});

test('"… earlier this month said": the time phrase is no speaker; "people familiar with …" are', () => {
  assert.deepEqual(pairs('People familiar with the council meeting earlier this month said the mayor had offered to resign.'), [
    ['the mayor had offered to resign', 'People familiar with the council meeting'],
  ]);
});

test('a full name the coreference resolved to someone of another surname keeps its own name', async () => {
  const { speakerMention } = await import('../../src/quotes/04-attach.js');
  const text = 'Senator Ann Varga spoke first. Leader Tom Brand urged calm.';
  const varga = { id: 'p-varga', name: 'Ann Varga', kind: 'person' as const, code: 'NOR', country: 'NOR', roles: [] };
  const mentions = [
    { start: 8, end: 17, actor: varga, kind: 'name' as const, rule: 'test' },
    { start: 38, end: 46, actor: varga, kind: 'name' as const, rule: 'test', antecedent: 0 },
  ];
  assert.equal(speakerMention({ start: 31, end: 46 }, mentions, text), undefined);
  // the same surname is a true coreference and is followed
  const again = [...mentions.slice(0, 1), { start: 38, end: 46, actor: varga, kind: 'surname' as const, rule: 'test', antecedent: 0 }];
  assert.equal(speakerMention({ start: 31, end: 46 }, again, text)?.actor.name, 'Ann Varga');
});

test('"a U.S. official said": a dotted initialism keeps its full stop inside the speaker', () => {
  assert.deepEqual(pairs('The ferry will run again from Monday, a U.N. official said.'), [
    ['The ferry will run again from Monday', 'a U.N. official'],
  ]);
});

test('", according to X who asked not to be named because …": a long source still makes a trailer', () => {
  assert.deepEqual(pairs('The mayor has spoken with both unions since the strike began, according to a city official who asked not to be named because the talks are private.'), [
    ['The mayor has spoken with both unions since the strike began', 'a city official'],
  ]);
});
