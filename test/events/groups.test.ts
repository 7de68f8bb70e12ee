/**
 * A pair the text has just named, as one party (src/events/groups.ts, data/events/groups.json): the
 * two act on each other, both ways, for acts two sides do together or against each other. Written sentences.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/index.js';
import { parseGroupRules } from '../../src/events/groups.js';
import { DataFileError } from '../../src/model/errors.js';
import type { Article } from '../../src/model/article.js';

const grouped = (text: string) => (analyze({ text: `Report\n\n${text}`, format: 'text', origin: 'test', given: { date: '2015-06-01' } }) as Article)
  .events.filter((e) => e.rule.endsWith('+group')).map((e) => `${e.source.country}→${e.target?.country} ${e.code}`);

test('"the two men", "both countries" are the pair named last, acting on each other both ways', () => {
  assert.deepEqual(grouped('The French president met the Chilean president in Paris on Monday. Chile said the two men also discussed trade.'), ['FRA→CHL 040', 'CHL→FRA 040']);
  assert.deepEqual(grouped('Peru and Chile fought a war. Chile said both countries later signed a treaty.'), ['PER→CHL 057', 'CHL→PER 057']);
});

test('a denied act, or one that is not done together (criticism), is not coded for the pair', () => {
  assert.deepEqual(grouped('The French president met the Chilean president. Chile said the two men did not discuss trade.'), []);
  assert.deepEqual(grouped('Chile criticised Peru. Bolivia said the two sides criticised the plan.'), []);
});

test('the rules file is checked', () => {
  assert.deepEqual(parseGroupRules({ $comment: 'x', phrases: ['both countries'], reciprocal_roots: ['04'] }).phrases, [['both', 'countries']]);
  for (const bad of [{ $comment: 'x', phrases: ['both'], reciprocal_roots: ['04'] }, { $comment: 'x', phrases: ['both countries'], reciprocal_roots: ['4'] }, { $comment: 'x', phrases: ['both countries'] }]) {
    assert.throws(() => parseGroupRules(bad), DataFileError, JSON.stringify(bad));
  }
});
