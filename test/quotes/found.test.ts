import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statementsOf as quotes } from './_quotes.js';

// Every sentence below is invented for these tests (issue 17: more attributed statements found).

test('a trailer followed by ", adding …" makes two statements of the same speaker', () => {
  const q = quotes('The new radar was installed at the northern base on Monday, the navy said, adding more units would follow next spring.');
  assert.deepEqual(q.map((x) => [x.text, x.speaker]), [
    ['The new radar was installed at the northern base on Monday', 'the navy'],
    ['more units would follow next spring', 'the navy'],
  ]);
});

test('"X denies …, saying …" and "X noted that … and says …" give a statement per cue', () => {
  const q = quotes('Norland denies reports it is building a dam on the river, saying it is only dredging the old channel.');
  assert.deepEqual(q.map((x) => [x.text, x.speaker]), [
    ['reports it is building a dam on the river', 'Norland'],
    ['it is only dredging the old channel', 'Norland'],
  ]);
  const r = quotes('Halvorsen noted that the council has named two other candidates for the post and says the union backs the new chair.');
  assert.equal(r.length, 2);
  assert.equal(r[1].text, 'the union backs the new chair');
  assert.equal(r[1].speaker, 'Halvorsen');
});

test('in a sentence with a direct quote, the reported clause before it and a participle cue after it are statements', () => {
  const q = quotes('On Friday, Mr. Orlov said he was glad to meet the other side, adding: “I will meet with anyone at all.”');
  assert.deepEqual(q.map((x) => [x.text, x.speaker]), [
    ['he was glad to meet the other side', 'Mr. Orlov'],
    ['“I will meet with anyone at all.”', 'Mr. Orlov'],
  ]);
  const r = quotes('“That is what the markets are telling us,” Lindqvist said, noting that the harbour tolls are a slow process.');
  assert.deepEqual(r.map((x) => [x.text, x.speaker, x.rule]), [
    ['“That is what the markets are telling us,”', 'Lindqvist', 'quote/direct-trailer'],
    ['that the harbour tolls are a slow process', 'Lindqvist', 'quote/indirect-second'],
  ]);
});

test('words before a quote that only introduce it are no statement', () => {
  for (const body of [
    'The minister told reporters on the plane to Oslo: “We will not give in to this.”',
    'Asked about the new tariffs on steel, Lindqvist said: “We will answer in kind.”',
    'Her father told reporters outside the house that “we trust the army to bring him home.”',
  ]) assert.equal(quotes(body).filter((x) => x.rule.startsWith('quote/indirect')).length, 0, body);
});

test('"urged X to …" reports what was urged', () => {
  const q = quotes('Eastern officials urged Norland to buy grain from the southern ports rather than from abroad.');
  assert.deepEqual(q.map((x) => [x.text, x.speaker]), [['Norland to buy grain from the southern ports rather than from abroad', 'Eastern officials']]);
  // the noun is no cue
  assert.equal(quotes('There was an urge to leave the city before the storm reached the coast.').length, 0);
});
