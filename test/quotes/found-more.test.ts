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
