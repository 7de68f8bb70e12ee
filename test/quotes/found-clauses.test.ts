import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotesOf as quotes } from './_quotes.js';

// Every sentence below is invented for these tests (issue 17: statements found, and not).
test('"…, the ministry said late Friday.": a time after the trailer\'s cue; "said late payments …" is a clause', () => {
  assert.deepEqual(quotes('A court has ordered the seizure of the trawler at the centre of the dispute, the fisheries ministry said late Friday.'), [
    ['A court has ordered the seizure of the trawler at the centre of the dispute', 'the fisheries ministry'],
  ]);
  assert.deepEqual(quotes('Prices rose again in March, the bank said late payments were growing.'), [
    ['late payments were growing', 'the bank'],
  ]);
});

test('"…, where X said …" / "… while Y says …": a nested clause with its own speaker ends the first content', () => {
  assert.deepEqual(quotes('The lawyer said the boxes were packed for a move to Bergen – not back home – where the lawyer said she meant to study.'), [
    ['the boxes were packed for a move to Bergen – not back home', 'The lawyer'],
    ['she meant to study', 'the lawyer'],
  ]);
  assert.deepEqual(quotes('Oslo says the harbour fees should be cut under any agreement, while Reykjavik says the quotas must come first.'), [
    ['the harbour fees should be cut under any agreement', 'Oslo'],
    ['the quotas must come first', 'Reykjavik'],
  ]);
  // a connective with no speaker and cue of its own stays inside the content
  assert.deepEqual(quotes('The minister said the talks would resume, but the deal was not close.'), [
    ['the talks would resume, but the deal was not close', 'The minister'],
  ]);
});

test('"wouldn’t say", "declined to say": a refusal to say is no statement', () => {
  assert.deepEqual(quotes('The officials wouldn’t say which agency is providing the boats, but one official said it is not the navy.'), [
    ['it is not the navy', 'one official'],
  ]);
  assert.deepEqual(quotes('The ministry declined to say which ships would be sent to the port.'), []);
});

test('a clause holding quoted words goes on past the closing mark to the trailer that names its speaker', () => {
  assert.deepEqual(quotes('The ferry was “very late” because of the storm, the harbour master said.'), [
    ['The ferry was “very late” because of the storm', 'the harbour master'],
  ]);
  assert.deepEqual(quotes('The ferry was “very late” and its cargo was spoiled, Berg said on Monday.').map((x) => x[0]), [
    'The ferry was “very late” and its cargo was spoiled',
  ]);
  // the trailer right after the mark: the content ends at the mark
  assert.deepEqual(quotes('Oslo is a “reliable partner,” the minister said.').map((x) => x[0]), ['Oslo is a “reliable partner,”']);
});

test('a clause holding quoted words, with a trailer after one of its later commas, is reported by that trailer', () => {
  assert.deepEqual(quotes('The ferry purchase was “not a choice but a necessity” because the old boats are unsafe, its transport minister told the islanders.'), [
    ['The ferry purchase was “not a choice but a necessity” because the old boats are unsafe', 'its transport minister'],
  ]);
});

test('"…, a source close to the crew told the Harbour Gazette.": whom a trailer was told runs past the trailer\'s words', () => {
  assert.deepEqual(quotes('Jon Berg was among those pushing the captain to take the trip, a source close to the crew told the Harbour Gazette.'), [
    ['Jon Berg was among those pushing the captain to take the trip', 'a source close to the crew'],
  ]);
  // past the trailer's words, a cue other than "told" makes no trailer
  assert.deepEqual(quotes('Jon Berg was among those pushing the captain to take the trip, a source close to the crew said on the Harbour Gazette radio show.').filter((x) => x[0].startsWith('Jon Berg')), []);
});
