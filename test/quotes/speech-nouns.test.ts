import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spanPairs as pairs, statementsOf } from './_quotes.js';

// Every sentence below is invented for these tests (issue 17: a statement reported through its
// owner's speech noun: "Varga's denial that …", "his claim that …").

test('"<owner>\'s <speech noun> that …" reports the clause under the owner', () => {
  assert.deepEqual(pairs('The council accepted Mayor Varga’s denials that the city had sold the land.'), [
    ['that the city had sold the land', 'Mayor Varga'],
  ]);
  assert.deepEqual(pairs('Voters questioned his claim that the new bridge would open by spring.'), [
    ['that the new bridge would open by spring', 'his'],
  ]);
  assert.deepEqual(statementsOf('The council accepted Mayor Varga’s denials that the city had sold the land.').map((s) => s.rule), ['quote/indirect-noun']);
});

test('a day may stand between the noun and "that", also before a quoted phrase', () => {
  assert.deepEqual(pairs('Lund rejected Halvorsen’s statement Tuesday that the fleet had left the harbour early.'), [
    ['that the fleet had left the harbour early', 'Halvorsen'],
  ]);
  // with quoted words in the clause, the day changes nothing
  const quoted = (day: string) => statementsOf(`Lund rejected Halvorsen’s statement${day} that she acted “fully and openly” on the advice she got.`);
  assert.deepEqual(quoted(' Tuesday'), quoted(''));
  assert.deepEqual(quoted(' Tuesday').map((s) => [s.text, s.speaker]), [['that she acted “fully and openly” on the advice she got', 'Halvorsen']]);
});

test('no owner, a relative "that" or a noun that reports nothing make no statement', () => {
  // no owner: whose claim it is stays unknown
  assert.deepEqual(pairs('There is a claim that the new bridge would open by spring.'), []);
  // "that" followed by its verb is a relative clause about the statement
  assert.deepEqual(pairs('Reporters read Varga’s statement that was released late on Monday evening.'), []);
  // "decision" is no speech
  assert.deepEqual(pairs('The court upheld Varga’s decision that the land would stay public forever.'), []);
});
