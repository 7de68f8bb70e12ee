import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseVerbDictionary, regularVerbForms } from '../../src/events/petrarch/verbs.js';
import { parseActorDictionary, readDatedCode } from '../../src/events/petrarch/actors.js';
import { parseAgentDictionary } from '../../src/events/petrarch/agents.js';
import { parseDiscardList } from '../../src/events/petrarch/discards.js';
import { contentLines } from '../../src/events/petrarch/_lines.js';

const P2 = path.resolve('../shared/ontology/petrarch2');
const real = (file: string): string | undefined => (existsSync(path.join(P2, file)) ? readFileSync(path.join(P2, file), 'utf8') : undefined);

test('petrarch: comment syntax (#, trailing #, <!-- --> on one or several lines)', () => {
  const text = '# head\nA [X] # c\n<!-- one -->\nB <!-- in --> C\n<!-- start\nstill comment\nend -->\nD\r\n\n';
  assert.deepEqual(contentLines(text).map((l) => [l.line, l.text]), [[2, 'A [X]'], [4, 'B   C'], [8, 'D']]);
});

test('petrarch verbs: synsets, blocks, forms, multi-word verbs, paired codes', () => {
  const d = parseVerbDictionary([
    '&CURRENCY', '+DOLLAR', '+KRONE_', '&AUX_', '+WILL', '',
    '---  ASK   [---]  ---',
    '+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]',
    'ASK     [020]', 'QUERY {QUERYING QUERIES QUERIED }', 'RE_+ARREST',
    'SCRAP {SCRAPS};shan 8/30/93',
    '- * &CURRENCY                      [0231]        # REQUEST',
    '- * (FOR {HUMANITARIAN AID})       [0233]',
    '- * (TO)                           [042:043]',
    '- * (BEFORE COURT)                 [:173]',
    '- *SCEPTICAL [012]',
    '- * &NOSUCH [010]',
    '---  DELAY   [120]---  ---', 'DELAY', '~ a (a b ATTACK) SAY = a b 015',
  ].join('\n'));
  assert.deepEqual(d.synsets.map((s) => [s.name, s.members]), [['&currency', ['dollar', 'dollars', 'krone']], ['&aux', ['will']]]);
  const v = Object.fromEntries(d.verbs.map((x) => [x.lemma, x]));
  assert.deepEqual(v['ask for'], { group: 'ASK', lemma: 'ask for', head: 0, forms: ['asked for', 'asking for', 'asks for'], code: '020', line: 8 });
  assert.deepEqual(v.ask.forms, ['asks', 'asked', 'asking']);
  assert.equal(v.query.code, null);
  assert.deepEqual([v['re arrest'].head, v['re arrest'].forms], [1, ['re arrests', 're arrested', 're arresting']]);
  assert.deepEqual(v.scrap.forms, ['scraps']);
  assert.equal(v.delay.code, '120');
  assert.deepEqual(d.patterns.map((p) => [p.code, p.reverse, p.tokens.join(' ')]), [
    ['0231', undefined, '* &currency'],
    ['0233', undefined, '* ( for { humanitarian aid } )'],
    ['042', '043', '* ( to )'],
    [null, '173', '* ( before court )'],
    ['012', undefined, '* sceptical'],
  ]);
  assert.equal(d.transformations.length, 1);
  assert.match(d.warnings.map((w) => w.message).join('\n'), /undefined synset &nosuch/);
  assert.deepEqual(regularVerbForms('agree'), ['agrees', 'agreed', 'agreeing']);
  assert.deepEqual(regularVerbForms('carry'), ['carries', 'carried', 'carrying']);
});

test('petrarch verbs: the real CAMEO.2.0.txt', (t) => {
  const text = real('CAMEO.2.0.txt');
  if (text === undefined) return t.skip(`../shared absent: ${P2}/CAMEO.2.0.txt not found`);
  const d = parseVerbDictionary(text);
  assert.ok(d.synsets.length >= 40 && d.verbs.length > 1500 && d.patterns.length > 4500, `${d.synsets.length} ${d.verbs.length} ${d.patterns.length}`);
  assert.ok(d.warnings.length < 10, JSON.stringify(d.warnings));
  assert.ok(d.patterns.every((p) => p.tokens.filter((x) => x === '*').length === 1));
  assert.ok(d.verbs.some((x) => x.lemma === 'shut down' && x.forms.includes('shutting down')));
});

test('petrarch actors: dated codes in every written form', () => {
  const rows: [string, unknown][] = [
    ['RUSGOV 000507-080507', { code: 'RUSGOV', from: '2000-05-07', to: '2008-05-07' }],
    ['DZAGOV >030101', { code: 'DZAGOV', from: '2003-01-01' }],
    ['USAGOV <19820101', { code: 'USAGOV', to: '1982-01-01' }],
    ['IGOUNO  > 070201', { code: 'IGOUNO', from: '2007-02-01' }],
    ['AFG', { code: 'AFG' }],
    ['---', { code: null }],
  ];
  for (const [input, want] of rows) assert.deepEqual(readDatedCode(input), want, input);
  const warnings: string[] = [];
  assert.deepEqual(readDatedCode('ARMUNR 9008223-911221', (m) => warnings.push(m)), { code: 'ARMUNR', to: '1991-12-21' });
  assert.equal(warnings.length, 1);
});

test('petrarch actors: base names, synonyms, inline and following codes', () => {
  const d = parseActorDictionary([
    '# comment', 'AFGHANISTAN_  [AFG]', '+AFGHAN_ ', '', 'VLADIMIR_PUTIN_  # CountryInfo.txt', '+PUTIN_',
    '\t[RUSGOV 000507-080507]', '\t[RUSELI >080508]',
    'JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]# IGOrulers.txt', 'U.N._',
  ].join('\n'));
  assert.deepEqual(d.actors.map((a) => [a.name, a.synonyms, a.codes, a.line]), [
    ['afghanistan', ['afghan'], [{ code: 'AFG' }], 2],
    ['vladimir putin', ['putin'], [{ code: 'RUSGOV', from: '2000-05-07', to: '2008-05-07' }, { code: 'RUSELI', from: '2008-05-08' }], 5],
    ['javier de cuellar', [], [{ code: 'IGOUNO', from: '1982-01-01', to: '1991-12-31' }, { code: 'ELI' }], 9],
    ['u.n.', [], [], 10],
  ]);
  assert.deepEqual(d.warnings, [{ line: 10, message: 'actor "u.n." has no code' }]);
});

test('petrarch actors: the real Phoenix actor files', (t) => {
  const files = ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt'];
  if (files.some((f) => real(f) === undefined)) return t.skip(`../shared absent: Phoenix actor files not found in ${P2}`);
  const [countries, intl, mil] = files.map((f) => parseActorDictionary(real(f)!));
  assert.ok(countries.actors.length > 15000 && intl.actors.length > 5000 && mil.actors.length > 800);
  const afg = countries.actors.find((a) => a.name === 'afghanistan');
  assert.deepEqual(afg?.codes, [{ code: 'AFG' }]);
  assert.ok(afg?.synonyms.includes('afghan'));
  assert.ok(countries.actors.some((a) => a.codes.some((c) => c.code === 'RUSGOV' && c.from === '2000-05-07')));
  assert.ok(intl.actors.some((a) => a.name === 'kofi annan' && a.codes.some((c) => c.code === 'IGOUNO' && c.to === '2006-12-31')));
  for (const d of [countries, intl, mil]) assert.ok(d.warnings.length < 60, JSON.stringify(d.warnings.slice(0, 5)));
});

test('petrarch agents: substitution sets, plurals, code placement', () => {
  const d = parseAgentDictionary([
    '!PERSON! = MAN, WOMAN', 'CONGRESS!PERSON! [~LEG]', 'HUSBAND!PERSON![~AGR]', 'AIR_FORCE {} [~MIL] # ab',
    'ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]', 'SECRETARY [~GOV]', 'HUMAN_RIGHTS_BODY  [NGO~]', 'ISLAMIC_EXTREMIST',
  ].join('\n'));
  assert.deepEqual(d.agents.map((a) => [a.phrase, a.plurals, a.code, a.place]), [
    ['congressman', [], 'LEG', 'suffix'], ['congresswoman', [], 'LEG', 'suffix'],
    ['husbandman', [], 'AGR', 'suffix'], ['husbandwoman', [], 'AGR', 'suffix'],
    ['air force', [], 'MIL', 'suffix'], ['attorney general', ['attorneys general'], 'GOVATG', 'suffix'],
    ['secretary', ['secretaries'], 'GOV', 'suffix'], ['human rights body', ['human rights bodies'], 'NGO', 'prefix'],
  ]);
  assert.equal(d.warnings.length, 1);
});

test('petrarch agents and discards: the real files', (t) => {
  const agents = real('Phoenix.agents.txt');
  const discards = real('Phoenix.discards.txt');
  if (agents === undefined || discards === undefined) return t.skip(`../shared absent: Phoenix.agents/discards not found in ${P2}`);
  const a = parseAgentDictionary(agents);
  assert.ok(a.agents.length > 3000);
  assert.ok(a.agents.some((x) => x.phrase === 'foreign minister' && x.code.startsWith('GOV')));
  assert.deepEqual(a.substitutions.PERSON, ['MAN', 'MEN', 'WOMAN', 'WOMEN', 'PERSON']);
  const di = parseDiscardList(discards);
  assert.ok(di.discards.length > 400);
  assert.ok(di.discards.some((x) => x.phrase === 'manchester united' && x.scope === 'story'));
  assert.ok(di.discards.some((x) => x.phrase === '1914' && x.scope === 'sentence'));
});

test('petrarch discards: scope, whole words, duplicates', () => {
  const d = parseDiscardList('# c\n+Manchester United   # pas\nYEARS AGO\nBATSMAN_\n+ World Golf Championships\nYEARS AGO\n');
  assert.deepEqual(d.discards.map((x) => [x.phrase, x.scope, x.wholeWord]), [
    ['manchester united', 'story', false], ['years ago', 'sentence', false], ['batsman', 'sentence', true], ['world golf championships', 'story', false],
  ]);
  assert.deepEqual(d.warnings, [{ line: 6, message: '"years ago" listed twice' }]);
});
