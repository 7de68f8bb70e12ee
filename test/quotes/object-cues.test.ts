import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statementsOf as quotes, spanPairs as pairs } from './_quotes.js';

// Every sentence below is invented for these tests (issue 17: statements reported through a verb's
// object rather than a clause: "expressed concern that …", "called for …", "identified X as …").

test('"expressed/voiced <feeling> …": the feeling and what follows is the statement', () => {
  assert.deepEqual(pairs('Senator Varga expressed deep concern that the new border fence could split the farming villages.'), [
    ['deep concern that the new border fence could split the farming villages', 'Senator Varga'],
  ]);
  assert.deepEqual(pairs('Members of the council have repeatedly voiced opposition to the plan and threatened a new vote.'), [
    ['opposition to the plan and threatened a new vote', 'the council'],
  ]);
  // a feeling word must follow: "expressed the parcel" reports nothing
  assert.deepEqual(pairs('The courier expressed the parcel to the northern office on Monday morning.'), []);
});

test('"called for …" and "demanded …" are statements; the nouns "calls for", "demands of" are not', () => {
  assert.deepEqual(pairs('Minister Halvorsen called for both sides to pull their troops back from the river.'), [
    ['for both sides to pull their troops back from the river', 'Minister Halvorsen'],
  ]);
  assert.deepEqual(pairs('The union demanded the immediate release of the three detained drivers.'), [
    ['the immediate release of the three detained drivers', 'The union'],
  ]);
  assert.deepEqual(pairs('Orlov is resisting calls for him to leave the post before the end of the year.'), []);
  assert.deepEqual(pairs('The political demands of the group include a new constitution and early elections.'), []);
});

test('"identified/described/regards X as …": the object and its "as" phrase are the statement', () => {
  assert.deepEqual(pairs('The army identified the missing pilot as Lars Berg, 31.'), [['the missing pilot as Lars Berg, 31', 'The army']]);
  assert.deepEqual(pairs('Norland regards the new dam as a threat to the whole valley.'), [['the new dam as a threat to the whole valley', 'Norland']]);
  // "as well as" is no description, and a passive has no speaker in the clause
  assert.deepEqual(pairs('The guide described the lake and the hills as well as the old town.'), []);
  assert.deepEqual(pairs('The ship was identified as a cargo vessel from the northern port.'), []);
});

test('"ruled/estimated/found that …" report a finding; "found the car" does not', () => {
  assert.deepEqual(pairs('A district judge later ruled that the contract should never have been signed.'), [
    ['that the contract should never have been signed', 'A district judge'],
  ]);
  assert.deepEqual(pairs('A survey by the Norland Institute found that most farmers were paying more for fuel.'), [
    ['that most farmers were paying more for fuel', 'the Norland Institute'],
  ]);
  assert.deepEqual(pairs('Police found the stolen car near the river on Monday morning.'), []);
});
