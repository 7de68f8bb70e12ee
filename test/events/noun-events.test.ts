/**
 * Events told by a noun ("Russia's invasion of Georgia", "talks between Iran and the EU"), coded off
 * the parse where both sides are actors of different countries, the clause reports the act as done,
 * and no verb of the sentence coded the dyad. Written sentences.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/index.js';
import { codeEvents, loadEventDictionary } from '../../src/events/index.js';
import { loadNounFrames, parseNounFrames } from '../../src/events/noun-frames.js';
import { DataFileError } from '../../src/model/errors.js';
import type { Article } from '../../src/model/article.js';

function article(sentence: string): Article {
  return analyze({ text: `Report\n\n${sentence}`, format: 'text', origin: 'test', given: { date: '2015-06-01' } }) as Article;
}

const nounEvents = (a: Article) => a.events.filter((e) => e.rule.startsWith('noun:')).map((e) => `${e.source.country}→${e.target?.country ?? ''} ${e.code} ${e.rule}`);

test('a possessor acts on the noun\'s "of" phrase: "Russia\'s invasion of Georgia", "Germany\'s criticism of Turkey"', () => {
  const a = article("Russia's invasion of Georgia began in August.");
  assert.equal(a.spans.syntax?.length, 1, 'the sentence names two countries and is parsed');
  assert.deepEqual(nounEvents(a), ['RUS→GEO 192 noun:invade']);
  assert.deepEqual(nounEvents(article("Germany's criticism of Turkey surprised observers.")), ['DEU→TUR 111 noun:criticize']);
});

test('an act the clause gives as background ("since") is historical, dated by the sentence only', () => {
  const [e] = article("Poland has armed Lithuania since Russia's invasion of Georgia in August 2008.").events.filter((x) => x.rule === 'noun:invade');
  assert.equal(e?.modality, 'historical');
  assert.equal(e?.date, '2008-08-01');
});

test('talks and meetings hold both ways: "between A and B", and "with B" taking the clause\'s subject for the other side', () => {
  assert.deepEqual(nounEvents(article('Talks between Iran and the European Union ended on Friday.')), ['IRN→EU 040 noun:consult', 'EU→IRN 040 noun:consult:mutual']);
  assert.deepEqual(nounEvents(article('The Chinese president spoke to reporters during a meeting with the Japanese prime minister.')), ['CHN→JPN 040 noun:consult', 'JPN→CHN 040 noun:consult:mutual']);
});

test('an act planned, called for, lifted, to come or denied is no event', () => {
  for (const s of ['China called for talks with Japan.', 'Brazil plans sanctions on Argentina.', 'Sanctions on Iran were lifted by France.', 'Ahead of talks with Chile, Peru recalled its envoy.', 'There were no talks between Chile and Peru last year.', 'Chile welcomed the upcoming talks between Peru and Bolivia.', 'Congress voted to cut American aid to Mexico.']) {
    assert.deepEqual(nounEvents(article(s)), [], s);
  }
});

test('a dyad a verb already coded is not coded again from its noun: "imposed sanctions on Venezuela" is one event', () => {
  const a = article('The United States imposed sanctions on Venezuela on Monday.');
  assert.deepEqual(a.events.map((e) => `${e.source.country}→${e.target?.country} ${e.code}`), ['USA→VEN 163']);
  assert.deepEqual(nounEvents(a), []);
});

test('without a parse, or with frames that name no noun of the sentence, nothing is coded from nouns', () => {
  const a = article("Germany's criticism of Turkey surprised observers.");
  assert.deepEqual(codeEvents(a, a.spans.mentions, a.quotes).filter((e) => e.rule.startsWith('noun:')), []);
  const none = parseNounFrames({ ...raw(), frames: [{ id: 'x', nouns: ['zzz'], code: '111', from: 'test', target_cases: ['of'] }] });
  const coded = codeEvents(a, a.spans.mentions, a.quotes, a.spans.syntax, { nounFrames: none });
  assert.deepEqual(coded.filter((e) => e.rule.startsWith('noun:')), []);
});

test('the frames file is checked: a bad code or a noun in two frames names the file and the field', () => {
  assert.equal(loadNounFrames().nouns.get('annexation')?.code, '171');
  const cameo = loadEventDictionary().cameo;
  for (const [noun, f] of loadNounFrames().nouns) for (const code of [f.code, f.reverse ?? f.code]) assert.ok(cameo.has(code), `${noun}: ${code} is a CAMEO code`);
  const bad = (frames: unknown[]) => () => parseNounFrames({ ...raw(), frames }, 'data/events/noun-frames.json');
  const named = (field: RegExp) => (e: unknown) => e instanceof DataFileError && /noun-frames\.json/.test(e.message) && field.test(e.message);
  assert.throws(bad([{ id: 'x', nouns: ['a'], code: 'abc', from: 'test', target_cases: ['of'] }]), named(/code/));
  assert.throws(bad([{ id: 'x', nouns: ['a'], code: '111', from: 'test', target_cases: ['of'] }, { id: 'y', nouns: ['a'], code: '112', from: 'test', target_cases: ['of'] }]), named(/two frames/));
  assert.throws(() => parseNounFrames({ $comment: 'x', frames: [] }, 'data/events/noun-frames.json'), named(/frames|source_relations/));
});

/** The built-in file's settings, for frames made up in a test. */
function raw(): Record<string, unknown> {
  return { $comment: 'test', source_relations: ['nmod:poss'], agent_cases: ['by'], frames: [], support_verbs: ['impose'], blocking_verbs: ['plan'], blocking_nouns: ['plan'], unrealised_modifiers: ['pending'], blocking_cases: ['ahead'], modals: ['will'] };
}

test('"between" a list: every member, also where the parse hangs the phrase on the noun\'s place or loses the list', () => {
  const summit = nounEvents(article('A summit in Geneva between Chile and Peru ended on Friday.'));
  assert.ok(summit.some((x) => x.startsWith('CHL→PER 04')) && summit.some((x) => x.startsWith('PER→CHL 04')), summit.join('; '));
  const talks = nounEvents(article('The accord came after two years of negotiation between Iran, the United States and Britain.'));
  for (const d of ['IRN→USA', 'USA→IRN']) assert.ok(talks.some((x) => x.startsWith(`${d} 04`)), `${d} in ${talks.join('; ')}`);
});
