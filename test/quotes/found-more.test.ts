import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotesOf as quotes } from './_quotes.js';

// Every sentence below is invented for these tests (issue 17: more statements found).
test('"said he was sure that …": a clause of its own after the cue is the content, not the "that" inside it', () => {
  assert.deepEqual(quotes('Larsen said he remained doubtful that the ferry had left on time.'), [
    ['he remained doubtful that the ferry had left on time', 'Larsen'],
  ]);
  assert.deepEqual(quotes('The mayor said she was not convinced that the bridge would hold.'), [
    ['she was not convinced that the bridge would hold', 'The mayor'],
  ]);
  // a time or place between the cue and "that" is no part of the content
  assert.deepEqual(quotes('The mayor said on Tuesday that the bridge would reopen in May.'), [
    ['that the bridge would reopen in May', 'The mayor'],
  ]);
});

test('"X admitted A but has said B": a second cue after "but" makes a statement of its own', () => {
  assert.deepEqual(quotes('Holm admitted renting the boat to the smugglers but has said he never knew what they carried.'), [
    ['renting the boat to the smugglers', 'Holm'],
    ['he never knew what they carried', 'Holm'],
  ]);
});

test('"…, the agency estimates.": an estimate is a trailer\'s cue', () => {
  assert.deepEqual(quotes('About 4,000 fishermen have lost their boats, most of them in the north, the agency estimates.'), [
    ['About 4,000 fishermen have lost their boats, most of them in the north', 'the agency'],
  ]);
});

test('"A says …; B says …": a clause after a semicolon with its own speaker and cue ends the first content', () => {
  assert.deepEqual(quotes('The port authority claims nine boats were damaged in the storm; the coast guard says they were all empty.'), [
    ['nine boats were damaged in the storm', 'The port authority'],
    ['they were all empty', 'the coast guard'],
  ]);
});

test('"raised concern that", "sought assurances that", "made threats to": a verb and its noun report a statement', () => {
  assert.deepEqual(quotes('The senators raised concern that the new audit would fall short.'), [
    ['concern that the new audit would fall short', 'The senators'],
  ]);
  assert.deepEqual(quotes('Berg, the committee chairman, sought assurances that the pilots would not be left behind.'), [
    ['assurances that the pilots would not be left behind', 'Berg'],
  ]);
  assert.deepEqual(quotes('The governor has made threats to close the border crossings before.'), [
    ['threats to close the border crossings before', 'The governor'],
  ]);
  // a raise of anything else is no statement
  assert.deepEqual(quotes('The central bank raised interest rates to slow the rise in prices.'), []);
});

test('"X did promise to …": an emphatic "did" stands between the speaker and the cue', () => {
  assert.deepEqual(quotes('Lind did promise to resign if the council passed the budget.'), [
    ['to resign if the council passed the budget', 'Lind'],
  ]);
});

test('"A and B said …": two speakers joined by "and" make one statement each', () => {
  assert.deepEqual(quotes('Mayor Ola Berg and Governor Kari Dahl demanded the release of the crew.'), [
    ['the release of the crew', 'Mayor Ola Berg'],
    ['the release of the crew', 'Governor Kari Dahl'],
  ]);
  // a list of three is one group of speakers
  assert.deepEqual(quotes('Senators Ola Berg, Kari Dahl and Per Lund said the audit would fall short.').length, 1);
});

test('"X had begun to warn …": a verb of beginning stands between the speaker and the cue', () => {
  assert.deepEqual(quotes('By 1980, the institute’s own experts had begun to warn the dam could fail in a flood.'), [
    ['the dam could fail in a flood', 'experts'],
  ]);
});
