/**
 * Announced acts coded as CAMEO codes them (issue 16): an act the sentence puts in the future is
 * the intent (03x) of its root, whatever stands between the "will" and the act ("will hold their
 * first round with"), and "is due to", "is happy to" announce as "plans to" does. Invented sentences.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/index.js';
import type { Article } from '../../src/model/article.js';

const article = (text: string) => analyze({ text: `Report\n\n${text}`, format: 'text', origin: 'test', given: { date: '2020-03-01' } }) as Article;
const coded = (text: string) => article(text).events.map((e) => `${e.source.country}>${e.target?.country} ${e.code} ${e.modality}`);

test('a possessive pronoun between "will" and the act does not hide the "will": "will hold their first negotiating round with Iran" is an intent', () => {
  const out = coded('Chinese officials will hold their first negotiating round with Iran on Thursday.');
  assert.ok(out.length > 0, 'coded');
  for (const e of out) assert.match(e, / 03\d future$/, out.join('; '));
});

test('"is due to" and "is happy to" announce an act: a meeting announced is 036', () => {
  for (const s of ['The Chinese president is due to meet Iranian officials next week.', 'The Chinese president said he was happy to meet Iranian officials.']) {
    const out = coded(s);
    assert.ok(out.some((e) => e.startsWith('CHN>IRN 036 future')), `${s}: ${out.join('; ')}`);
  }
});

test('a meeting one side says it is ready or happy to hold is its intent alone; one both have set ("will meet") is coded both ways', () => {
  const offered = coded('The Chinese president said he was ready to meet Iranian officials.');
  assert.deepEqual(offered.filter((e) => e.includes(' 036 ')), ['CHN>IRN 036 future'], offered.join('; '));
  const set = coded('The Chinese president will meet Iranian officials next week.');
  assert.deepEqual(set.filter((e) => e.includes(' 036 ')).sort(), ['CHN>IRN 036 future', 'IRN>CHN 036 future'], set.join('; '));
});
