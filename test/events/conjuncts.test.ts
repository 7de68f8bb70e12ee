/**
 * Coordination read off the parse (src/events/conjuncts.ts): each conjunct of an event's source or
 * target acts, also in a list set off by dashes and behind a plural pronoun. Written sentences.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/index.js';
import type { Article } from '../../src/model/article.js';

function article(sentence: string): Article {
  return analyze({ text: `Report\n\n${sentence}`, format: 'text', origin: 'test', given: { date: '2015-06-01' } }) as Article;
}

test('a list set off by dashes acts as a whole, through the plural pronoun that stands for it', () => {
  // ("start": a verb with no pattern of its own, so the verbless "talks with" codes the act and the list reaches it only through the parse)
  const a = article('Officials from three powers - the United States, Britain and France - will start their first round of talks with Iran on Thursday.');
  assert.equal(a.spans.syntax?.length, 1, 'the sentence is parsed');
  const dyads = new Set(a.events.map((e) => `${e.source.country}→${e.target?.country} ${e.code}`));
  for (const d of ['USA→IRN 040', 'GBR→IRN 040', 'FRA→IRN 040']) assert.ok(dyads.has(d), `${d} in ${[...dyads].join(', ')}`);
  assert.ok(a.events.some((e) => e.rule.endsWith('+conj')), 'the conjuncts the verb step missed carry +conj');
});

test('a conjunct of a verb is another act, not another party; one actor is not spread to itself', () => {
  const a = article('Chile met Peru and signed a treaty.');
  assert.ok(a.events.every((e) => !e.rule.includes('+conj')), a.events.map((e) => e.rule).join(', '));
  const b = article('Brazil and Argentina condemned Chile on Monday.');
  assert.deepEqual(b.events.map((e) => `${e.source.country}→${e.target?.country}`).sort(), ['ARG→CHL', 'BRA→CHL']);
});

test('an apposition the parser reads as a coordination (no "and" or "or") spreads nothing: "Pakistan, a key U.S. ally, has refused to deploy peacekeepers in Iraq"', () => {
  const a = article('Pakistan, a key U.S. ally in the war against terrorism, has refused to deploy peacekeepers in Iraq.');
  assert.ok(a.events.length > 0, 'the refusal is coded');
  assert.deepEqual(a.events.filter((e) => e.rule.includes('+conj')).map((e) => `${e.source.country}→${e.target?.country} ${e.rule}`), []);
});
