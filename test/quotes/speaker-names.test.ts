import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotesOf as quotes } from './_quotes.js';

// Every sentence below is invented for these tests (issue 17: the speaker's name as news writes it).
test('"according to a statement by/from X": the document\'s named author is the speaker', () => {
  assert.deepEqual(quotes('The minister discussed the ferry dispute with his counterpart, according to a statement by the Norwegian foreign ministry.'), [
    ['The minister discussed the ferry dispute with his counterpart', 'the Norwegian foreign ministry'],
  ]);
  assert.deepEqual(quotes('The harbour will reopen next week, according to a statement from the Port Authority.'), [
    ['The harbour will reopen next week', 'the Port Authority'],
  ]);
  // a document with no author named stays the speaker
  assert.deepEqual(quotes('The harbour will reopen next week, according to a statement.'), [
    ['The harbour will reopen next week', 'a statement'],
  ]);
});

test('a lowercase name particle joins the name after a cue ("spokesman Ashraf al-Qedra")', () => {
  assert.deepEqual(quotes('The toll has risen to 40, according to health ministry spokesman Karim al-Haddad.'), [
    ['The toll has risen to 40', 'health ministry spokesman Karim al-Haddad'],
  ]);
});

test('a lone given name stands for the full name written before it', () => {
  const got = quotes('Radio host Marit Olafsdottir said the road was closed. "Nobody has been hurt," Marit added.');
  assert.deepEqual(got.at(-1), ['"Nobody has been hurt,"', 'Marit Olafsdottir']);
  // a word the article writes as a surname is no given name
  const sur = quotes('Mayor Petra Soren spoke first. Soren Lund said the bridge was safe. "It will hold," Soren added.');
  assert.equal(sur.at(-1)?.[1], 'Soren');
});

test('"title, Name, said": the name set off after a lowercase title is the speaker', () => {
  assert.deepEqual(quotes('The yard was sold in 2014, and the firm\'s chief executive, Oda Brekke, has said that the yard needs new orders.'), [
    ['that the yard needs new orders', 'Oda Brekke'],
  ]);
});

test('an initialism stands for the name whose initials spell it, written before ("The ISNA", "AFP")', () => {
  assert.equal(quotes('The Nordic Fisheries Council met on Monday. The NFC has said that the quotas amounted to a ban on small boats.').at(-1)?.[1], 'Nordic Fisheries Council');
  assert.equal(quotes('The talks began, according to Agence France-Presse. AFP reported on Sunday that the trip was prompted by the quotas.').at(-1)?.[1], 'Agence France-Presse');
  // no such name before: the initialism stays as written
  assert.equal(quotes('The NFC has said that the quotas amounted to a ban on small boats.').at(-1)?.[1], 'The NFC');
});

test('"Executive Director May Boeve": a month before a capitalised word is a given name', () => {
  assert.equal(quotes('Group Executive Director May Halvorsen issued the following statement: “This is a bad day for the fjords and for us.”').at(-1)?.[1], 'Group Executive Director May Halvorsen');
  assert.equal(quotes('The talks ended on Friday without a deal, said the envoy in May.').at(-1)?.[1], 'the envoy');
});

test('a bare role ("the prosecutor", "the airline") stands for the named speaker or name of its stem written before', () => {
  const q = quotes('Prosecution lawyer Kari Nesheim said the men planned attacks on crowds. Prosecutors say the plot was not finished. The prosecutor said the men had stolen money from charities.');
  assert.equal(q.at(-1)?.[1], 'Prosecution lawyer Kari Nesheim');
  assert.equal(quotes('A Fjordline Ferries boat was held in Bergen. The ferries said all passengers left the boat safely.').at(-1)?.[1], 'Fjordline Ferries');
  // nothing of the stem before: the role stays as written
  assert.equal(quotes('The harbour opened late. The prosecutor said the men had stolen money from charities.').at(-1)?.[1], 'The prosecutor');
});

test('"a source close to the crew said": the source is the speaker, not what it is close to', () => {
  assert.equal(quotes('The talks will resume in March, a source close to the crew told reporters.').at(-1)?.[1], 'a source close to the crew');
  assert.equal(quotes('The talks will resume in March, a person familiar with the plan said.').at(-1)?.[1], 'a person familiar with the plan');
});
