/**
 * Precision rules of issue 16: acts the coder read as done that a sentence does not assert, and
 * trigger senses the arguments decide. Invented sentences; the clause tests build the parse by hand
 * (the reading, whatever the parser does), the others go through the pipeline.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/index.js';
import { readClause } from '../../src/events/factuality.js';
import { codeEvents } from '../../src/events/index.js';
import { checkArguments } from '../../src/events/argument-check.js';
import { loadArgumentRules } from '../../src/events/argument-rules.js';
import type { CodedEvent, EventParty } from '../../src/model/event.js';
import { loadFactualityRules } from '../../src/events/factuality-rules.js';
import type { Article } from '../../src/model/article.js';
import { applyFrames } from '../../src/events/frames.js';
import { loadFrames } from '../../src/events/frames-data.js';
import { bare, parse, view, word } from './_hand-parse.js';

const rules = loadFactualityRules();

const article = (text: string) => analyze({ text: `Report\n\n${text}`, format: 'text', origin: 'test', given: { date: '2020-03-01' } }) as Article;

test('a purpose hung on a participle as an adverbial clause ("provocations designed to elicit") is a purpose, not an act', () => {
  const p = parse('Syria/Syria/PROPN/2/nsubj staged/stage/VERB/0/root drills/drill/NOUN/2/obj designed/design/VERB/3/acl to/to/PART/6/mark provoke/provoke/VERB/4/advcl Jordan/Jordan/PROPN/6/obj');
  assert.deepEqual(readClause(p, word(p, 5), rules), { hypothetical: 'clause:purpose' });
});

test('an infinitive of purpose ("gave the army money to fight the rebels") is what the act is for, not an act; not after a noun ("an offer to meet")', () => {
  const p = parse('Congress/Congress/PROPN/2/nsubj gave/give/VERB/0/root Obama/Obama/PROPN/2/obj to/to/PART/5/mark fight/fight/VERB/2/advcl Syria/Syria/PROPN/5/obj');
  assert.deepEqual(readClause(p, word(p, 4), rules), { hypothetical: 'clause:purpose-to' });
  // the parser hangs a noun's complement on the verb above: "spoke against Trump's offer to meet Iran"
  const q = parse('Iran/Iran/PROPN/2/nsubj spoke/speak/VERB/0/root against/against/ADP/4/case offer/offer/NOUN/2/obl to/to/PART/6/mark meet/meet/VERB/2/advcl Rouhani/Rouhani/PROPN/6/obj');
  assert.deepEqual(readClause(q, word(q, 5), rules), {});
});

test('frames by argument shape: a vetoed proposal is rejected (12), an abandoned agreement reduces relations (16), an awarded honour praises (051), forces ordered somewhere are a show of force (150), an attack linked to someone an accusation (112), "discussed countering X" names no party', () => {
  const cases: [string, string, string | undefined][] = [
    ['Russia vetoed a French proposal on Syria on Tuesday.', 'veto-proposal', '120'],
    ['In March, the United States abandoned its agreement with Cuba.', 'abandon-agreement', '160'],
    ['In 2015, Putin awarded the Egyptian president a medal.', 'award-honour', '051'],
    ['Putin has ordered his military units into a state of alert near Ukraine.', 'order-forces', '150'],
    ['The French government is connecting the bombings to Algeria.', 'connect-misdeed', '112'],
    ['The French government linked the attack to Algerian militants.', 'link-misdeed', '112'],
  ];
  for (const [sentence, frame, code] of cases) {
    const e = article(sentence).events.find((x) => x.rule.includes(`frame:${frame}`));
    assert.equal(e?.code, code, `${sentence}: ${article(sentence).events.map((x) => `${x.code} ${x.rule}`)}`);
  }
  const d = article('French officials also discussed countering the Russian government.');
  assert.equal(d.spans.syntax?.length, 1);
  assert.deepEqual(d.events.map((x) => `${x.target?.country} ${x.rule}`), []);
});

test('frames on the parse: a noun the parse lists ("Hamas allies Turkey and Qatar") is no act; a capitalised plural object ("paying Tariffs") is read as its singular', () => {
  const f = loadFrames();
  const text = 'Hamas allies Turkey and Qatar attended';
  const allies = [bare(1, 'p2-verb:COLLABORATE:ally', '050')];
  applyFrames(allies, view(text), parse('Hamas/Hamas/PROPN/2/compound allies/ally/NOUN/6/list Turkey/Turkey/PROPN/2/appos and/and/CCONJ/5/cc Qatar/Qatar/PROPN/3/conj attended/attend/VERB/0/root'), f);
  assert.deepEqual([allies[0].code, allies[0].rule], [null, 'p2-verb:COLLABORATE:ally+frame:noun-read']);
  const pays = [bare(1, 'p2-verb:FINANCE:pay', '061')];
  applyFrames(pays, view('China paying Tariffs'), parse('China/China/PROPN/2/nsubj paying/pay/VERB/0/root Tariffs/Tariffs/PROPN/2/obj'), f);
  assert.deepEqual([pays[0].code, pays[0].rule], [null, 'p2-verb:FINANCE:pay+frame:pay-light']);
});

test('an act whose subject is a relative pronoun for a noun that is no party ("the talks that led up to the truce") is not done by the countries named before it', () => {
  const a = article('Jordan and Kuwait also were involved in the talks that led up to the truce announcement.');
  assert.equal(a.spans.syntax?.length, 1);
  // the words alone make the two countries lead each other; the parse shows the talks led
  assert.deepEqual(codeEvents(a, a.spans.mentions, a.quotes).map((e) => `${e.source.country}→${e.target?.country}`), ['JOR→KWT', 'KWT→JOR']);
  assert.deepEqual(a.events.map((e) => e.rule), []);
});

test('what one side claims, and what reports say, is a claim, not an act asserted; what it says stays told', () => {
  const claims = parse('Israel/Israel/PROPN/2/nsubj claims/claim/VERB/0/root that/that/SCONJ/5/mark Iran/Iran/PROPN/5/nsubj attacked/attack/VERB/2/ccomp Syria/Syria/PROPN/5/obj');
  assert.deepEqual(readClause(claims, word(claims, 4), rules), { hypothetical: 'clause:claim' });
  const says = parse('Israel/Israel/PROPN/2/nsubj says/say/VERB/0/root that/that/SCONJ/5/mark Iran/Iran/PROPN/5/nsubj attacked/attack/VERB/2/ccomp Syria/Syria/PROPN/5/obj');
  assert.deepEqual(readClause(says, word(says, 4), rules), {});
  const reports = parse('Britain/Britain/PROPN/3/nsubj is/be/AUX/3/cop concerned/concerned/ADJ/0/root by/by/ADP/5/case reports/report/NOUN/3/obl that/that/SCONJ/8/mark Syria/Syria/PROPN/8/nsubj bombed/bomb/VERB/5/acl Jordan/Jordan/PROPN/8/obj');
  assert.deepEqual(readClause(reports, word(reports, 7), rules), { hypothetical: 'clause:claim-noun' });
});

test('a negator among a pattern\'s own words negates the act: "wants no help from"', () => {
  const no = article('Norway wants no help from Sweden.').events;
  assert.deepEqual(no.map((e) => [e.code, e.negated, e.rule]), [['023', true, 'p2:023:22+mood:negated-inside']]);
  const yes = article('Norway wants help from Sweden.').events;
  assert.deepEqual(yes.map((e) => [e.code, e.negated]), [['023', false]]);
});

test('a source named inside an apposition to the subject is not the one who acts: "Egypt, a key US ally, warned Iran"', () => {
  const p = parse('Egypt/Egypt/PROPN/7/nsubj ,/,/PUNCT/6/punct a/a/DET/6/det key/key/ADJ/6/amod US/US/PROPN/6/compound ally/ally/NOUN/1/appos warned/warn/VERB/0/root Iran/Iran/PROPN/7/obj');
  const at = (n: number): EventParty => ({ code: 'X', country: 'X', actor: 'x', name: 'x', span: word(p, n), via: 'country' });
  const event = (source: number) => ({ ...word(p, 6), source: at(source), target: at(7), rule: 'p2-verb:WARN:warn', root: '13' }) as unknown as CodedEvent;
  assert.equal(checkArguments(event(4), p, loadArgumentRules()), 'args:source-apposition');
  assert.equal(checkArguments(event(0), p, loadArgumentRules()), undefined);
});
