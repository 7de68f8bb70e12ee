/**
 * The argument check: where a sentence was parsed, a target the coder took from a place or origin
 * phrase of the act itself is dropped, unless the act is one done in a place. Written sentences.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/index.js';
import { codeEvents } from '../../src/events/index.js';
import { parseArgumentRules } from '../../src/events/argument-rules.js';
import { DataFileError } from '../../src/model/errors.js';
import type { Article } from '../../src/model/article.js';

function article(sentence: string): Article {
  return analyze({ text: `Report\n\n${sentence}`, format: 'text', origin: 'test', given: { date: '2015-06-01' } }) as Article;
}

const dyads = (a: Article, events = a.events) => events.map((e) => `${e.source.country}→${e.target?.country ?? ''}`);

test('an origin is not whom an act is done to: "arrived from Syria" codes no visit to Syria', () => {
  const a = article('The American envoy arrived from Syria on Monday.');
  assert.equal(a.spans.syntax?.length, 1, 'the sentence names two countries and is parsed');
  // the coder's patterns alone take the origin for the host; the parse drops it
  assert.deepEqual(dyads(a, codeEvents(a, a.spans.mentions, a.quotes)), ['USA→SYR']);
  assert.deepEqual(dyads(a), []);
});

test('a place may name the target of an act done in a place (a visit), and a place inside the object stays', () => {
  assert.deepEqual(dyads(article('The Chinese minister arrived in Russia on Monday.')), ['CHN→RUS']);
  assert.deepEqual(dyads(article('Russia held talks with China in Geneva on Tuesday.')), ['RUS→CHN', 'CHN→RUS']);
});

test('the settings file is checked: a missing list names the file and the field', () => {
  assert.throws(() => parseArgumentRules({ $comment: 'x', place_cases: ['in'] }, 'data/events/arguments.json'), (e: unknown) => e instanceof DataFileError && /arguments\.json/.test(e.message) && /place_roots/.test(e.message));
});
