/**
 * The clause reading: where a sentence was parsed, the trigger's clause and the clauses above it
 * decide whether the act is stated as having happened. Written sentences; the first tests build
 * the parse by hand (the reading, whatever the parser does), the others go through the pipeline.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/index.js';
import { codeEvents } from '../../src/events/index.js';
import { readClause } from '../../src/events/factuality.js';
import { loadFactualityRules, parseFactualityRules } from '../../src/events/factuality-rules.js';
import { withClause } from '../../src/events/steps/3-mood.js';
import { DataFileError } from '../../src/model/errors.js';
import type { Article } from '../../src/model/article.js';
import { parse, word } from './_hand-parse.js';

const rules = loadFactualityRules();


test('"have yet to persuade" and "failed to withdraw": the complement did not happen', () => {
  const yet = parse('Iran/Iran/PROPN/2/nsubj has/have/VERB/0/root yet/yet/ADV/2/advmod to/to/PART/5/mark persuade/persuade/VERB/2/xcomp France/France/PROPN/5/obj');
  assert.deepEqual(readClause(yet, word(yet, 4), rules), { negated: 'clause:yet-to' });
  const failed = parse('Russia/Russia/PROPN/2/nsubj failed/fail/VERB/0/root again/again/ADV/2/advmod to/to/PART/5/mark withdraw/withdraw/VERB/2/xcomp');
  assert.deepEqual(readClause(failed, word(failed, 4), rules), { negated: 'clause:failed-to' });
});

test('a condition: the act inside "if" is not asserted; the main clause only when nothing announces it', () => {
  // "If Iran breaches the deal , the US will strike"
  const p = parse('If/if/SCONJ/3/mark Iran/Iran/PROPN/3/nsubj breaches/breach/VERB/8/advcl the/the/DET/5/det deal/deal/NOUN/3/obj the/the/DET/7/det US/US/PROPN/8/nsubj strikes/strike/VERB/0/root');
  assert.deepEqual(readClause(p, word(p, 2), rules), { hypothetical: 'clause:condition' });
  const main = readClause(p, word(p, 7), rules);
  assert.deepEqual(main, { consequence: 'clause:consequence' });
  assert.equal(withClause({ negated: false, modality: 'asserted' }, main).modality, 'hypothetical');
  // "will strike if …" is a conditional threat, an event CAMEO codes (13)
  assert.equal(withClause({ negated: false, modality: 'future', threat: true }, main).modality, 'future');
});

test('a negation above the act\'s clause takes it out of the record; one over a conjunct does not', () => {
  // "officials did not say that Russia attacked Ukraine"
  const p = parse('officials/official/NOUN/4/nsubj did/do/AUX/4/aux not/not/PART/4/advmod say/say/VERB/0/root that/that/SCONJ/7/mark Russia/Russia/PROPN/7/nsubj attacked/attack/VERB/4/ccomp Ukraine/Ukraine/PROPN/7/obj');
  assert.deepEqual(readClause(p, word(p, 6), rules), { hypothetical: 'clause:negated-above' });
  // "Russia did not attack but seized Crimea": the seizure happened
  const q = parse('Russia/Russia/PROPN/4/nsubj did/do/AUX/4/aux not/not/PART/4/advmod attack/attack/VERB/0/root but/but/CCONJ/6/cc seized/seize/VERB/4/conj Crimea/Crimea/PROPN/6/obj');
  assert.deepEqual(readClause(q, word(q, 5), rules), {});
});

test('a noun governing the act: "threats to" is a threat, "plan to" an intent, "efforts to" not yet done', () => {
  const p = parse('the/the/DET/2/det threats/threat/NOUN/0/root to/to/PART/4/mark impose/impose/VERB/2/acl tariffs/tariff/NOUN/4/obj');
  assert.deepEqual(readClause(p, word(p, 3), rules), { threat: 'clause:threat-noun' });
  const q = parse('the/the/DET/2/det plan/plan/NOUN/0/root to/to/PART/4/mark arm/arm/VERB/2/acl rebels/rebel/NOUN/4/obj');
  assert.deepEqual(readClause(q, word(q, 3), rules), { future: 'clause:plan-noun' });
  // a participle misparsed as the noun's clause ("a strategy following the decision") is no content of it
  const r = parse('a/a/DET/2/det strategy/strategy/NOUN/0/root following/follow/VERB/2/acl talks/talk/NOUN/3/obj');
  assert.deepEqual(readClause(r, word(r, 3), rules), {});
});

test('in the pipeline: a negated clause above, a passive guess, a hedge, a purpose, "asked if" and "efforts to" leave the act unasserted', () => {
  const cases: [string, string][] = [
    ['Officials in Washington have not seen any evidence showing that Russia attacked Ukraine.', 'clause:negated-above'],
    ['Russia and China were expected to shield Iran.', 'clause:speculation'],
    ['Russia reportedly sent troops to Syria.', 'clause:hedge'],
    ['The sanctions are intended to compel Russia to withdraw its troops from Ukraine.', 'clause:purpose'],
    ['Washington asked if Moscow attacked Kyiv.', 'clause:condition'],
    ['Turkish efforts to mediate between Israel and Iran continued.', 'clause:attempt-noun'],
  ];
  for (const [sentence, rule] of cases) {
    const a = article(sentence);
    assert.equal(a.spans.syntax?.length, 1, `parsed: ${sentence}`);
    // the words alone read an act that happened (or, for the guess, one announced)
    assert.ok(codeEvents(a, a.spans.mentions, a.quotes).some((e) => e.modality !== 'hypothetical'), sentence);
    assert.ok(a.events.length > 0 && a.events.every((e) => e.modality === 'hypothetical' && e.rule.endsWith(`+${rule}`)), `${sentence}: ${a.events.map((e) => e.rule)}`);
  }
});

test('in the pipeline: "threats to impose tariffs" is coded as the threat (13), with the rule that says so', () => {
  const a = article("President Donald Trump's threats to impose tariffs on China angered Beijing.");
  assert.deepEqual(codeEvents(a, a.spans.mentions, a.quotes).map((e) => e.code), ['163']);
  assert.deepEqual(a.events.map((e) => [e.source.country, e.target?.country, e.root, e.rule]), [['USA', 'CHN', '13', 'en:impose-tariffs-on+threat+clause:threat-noun']]);
});

test('what the words already decided stands: an act announced "if" stays a threat, an asserted act stays asserted', () => {
  const a = article('The United States will impose sanctions on Russia if Moscow continues its attacks on Ukraine.');
  const sanctions = a.events.find((e) => e.source.country === 'USA');
  assert.equal(sanctions?.root, '13');
  assert.equal(sanctions?.modality, 'future');
  const b = article('Russia sent troops to Syria on Monday.');
  assert.ok(b.events.length > 0 && b.events.every((e) => e.modality === 'asserted' && !e.rule.includes('clause:')));
});

test('the word classes file is checked: a missing list names the file and the field', () => {
  assert.throws(() => parseFactualityRules({ $comment: 'x', climb: ['ccomp'] }, 'data/events/factuality.json'), (e: unknown) => e instanceof DataFileError && /factuality\.json/.test(e.message) && /noun_climb/.test(e.message));
});

function article(sentence: string): Article {
  return analyze({ text: `Report\n\n${sentence}`, format: 'text', origin: 'test', given: { date: '2015-06-01' } }) as Article;
}
