import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spanPairs as pairs } from './_quotes.js';

// Every sentence below is invented for these tests (issue 17: the speaker of a relative clause,
// and a speaker phrase with a lowercase head before an apposition).

test('"X, which said …, did Y": the relative clause is a statement of its antecedent', () => {
  assert.deepEqual(pairs('Neighbouring Norland, which said earlier this week it was tracking a drone over its coast, has put its navy on alert.'), [
    ['earlier this week it was tracking a drone over its coast', 'Neighbouring Norland'],
  ]);
  assert.deepEqual(pairs('The talks stalled over the raid on the depot by the Red Hand, which has so far denied any role in the attack.'), [
    ['any role in the attack', 'the Red Hand'],
  ]);
});

test('"…, which Norland says …" and "which the North denounced as …": the relative clause\'s subject speaks', () => {
  assert.deepEqual(pairs('Halvorsen accused the mayor of joining a secret council, which Norland says includes two judges and a banker.'), [
    ['the mayor of joining a secret council, which Norland says includes two judges and a banker', 'Halvorsen'],
    ['which Norland says includes two judges and a banker', 'Norland'],
  ]);
});

test('a speaker whose head is lowercase before an apposition: "Norland\'s border police, one of …, denied …"', () => {
  assert.deepEqual(pairs("Norland's border police, one of several forces guarding the river crossings, denied detaining the two fishermen."), [
    ['detaining the two fishermen', "Norland's border police"],
  ]);
});
