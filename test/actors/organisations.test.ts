import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/index.js';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findActors, loadActorDictionary } from '../../src/actors/index.js';
import { DataFileError, type Article } from '../../src/model/index.js';
import { dataPath } from '../../src/data/read.js';

/** [surface, code, country] of each organisation mention in `text` (sentences written for this test). */
function orgs(text: string): string[][] {
  const a = analyze({ text, format: 'text', given: { date: '2001-05-10' } }) as Article;
  assert.ok(!('skipped' in a));
  return findActors(a).filter((m) => m.actor.kind === 'organisation' && m.kind !== 'pronoun').map((m) => [a.text.slice(m.start, m.end), m.actor.code, m.actor.country ?? '']);
}

test('a Phoenix militant group is found by name and by its parenthesised acronym, with its country', () => {
  assert.deepEqual(orgs('The Kurdistan Workers\' Party denied any part in the blast near the border.'), [["Kurdistan Workers' Party", 'TURREB', 'TUR']]);
  // Phoenix files this group under a region code (WAFREB); organisationRules.homes gives its country
  assert.deepEqual(orgs('Fighters of the Revolutionary United Front left the town, and the RUF said talks would resume.'),
    [['Revolutionary United Front', 'SLEREB', 'SLE'], ['RUF', 'SLEREB', 'SLE']]);
});

test('a Phoenix IGO keeps its code; a UN body counts as the UN', () => {
  assert.deepEqual(orgs('The Organization for Economic Cooperation and Development cut its growth forecast.'),
    [['Organization for Economic Cooperation and Development', 'IGOWSTBUS', 'ORGANIZATION-FOR-ECONOMIC-COOPERATION-AND-DEVELOPMENT']]);
  assert.deepEqual(orgs('UNITA refused to hand over its weapons to UNDP monitors.'), [['UNITA', 'AGOREB', 'AGO'], ['UNDP', 'IGOUNODEV', 'UN']]);
});

test('the Gulf Cooperation Council by its names, its acronym and as "Gulf states" (additions.json)', () => {
  assert.deepEqual(orgs('The Gulf Cooperation Council met in Riyadh, and the GCC said Gulf states would act together.'),
    [['Gulf Cooperation Council', 'IGOPGSGCC', 'GCC'], ['GCC', 'IGOPGSGCC', 'GCC'], ['Gulf states', 'IGOPGSGCC', 'GCC']]);
});

test('a Phoenix NGO of one country is coded as that country\'s civil society (CAMEO country first); an international NGO keeps NGO', () => {
  assert.deepEqual(orgs('The American Civil Liberties Union sued the city over the new curfew.'),
    [['American Civil Liberties Union', 'USANGOHRI', 'USA']]);
  assert.deepEqual(orgs('Amnesty International asked the city to lift the curfew.'), [['Amnesty International', 'NGOHRIAMN', 'AMNESTY']]);
});

test('an acronym that stands for something else in the article is not the organisation', () => {
  assert.deepEqual(orgs('The bank arranged a revolving underwriting facility (RUF) for the firm; the RUF runs five years.'), []);
  // a parenthesis after a common word spells nothing out
  assert.deepEqual(orgs('Diamonds sold by the (RUF) rebels paid for arms.'), [['RUF', 'SLEREB', 'SLE']]);
  assert.deepEqual(orgs('Holders get rights to shares of the trust <RUF>.'), []);
  assert.deepEqual(orgs("The Kurdistan Workers' Party (PKK) said the PKK would talk."),
    [["Kurdistan Workers' Party", 'TURREB', 'TUR'], ['PKK', 'TURREB', 'TUR'], ['PKK', 'TURREB', 'TUR']]);
});

test('generated names that would match common words or countries are not in the dictionary', () => {
  const dict = loadActorDictionary();
  const names = new Set([...dict.organisations.values()].map((o) => o.name.toLowerCase()));
  for (const w of ['army', 'government', 'popular front', 'action', 'epa', 'turkey']) assert.ok(!names.has(w), `"${w}" is an organisation's name`);
  // common-word capitals stay words: "Action" in a headline is no NGO
  assert.deepEqual(orgs('Farmers demanded Action on prices and the Army stayed in barracks.'), []);
});

test('a bad generated entry fails at start-up naming the file, the entry and its line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-orgs-'));
  for (const f of readdirSync(dataPath('data/actors'))) if (f !== 'additions.json') copyFileSync(dataPath(`data/actors/${f}`), join(dir, f));
  const file = join(dir, 'organisations.json');
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith('  "UNDP": '));
  assert.ok(at > 0, 'UNDP is generated');
  lines[at] = lines[at].replace('"parent":"UN"', '"parent":"NOPE"');
  writeFileSync(file, lines.join('\n'));
  assert.throws(() => loadActorDictionary(dir), (e: unknown) => e instanceof DataFileError && new RegExp(`organisations\\.json\\].*"UNDP".*unknown parent.*\\(line ${at + 1}\\)`).test(e.message));
  lines[at] = lines[at].replace('"parent":"NOPE"', '"parent":"UN"');
  writeFileSync(file, [...lines.slice(0, at + 1), lines[at] + ',', ...lines.slice(at + 1)].join('\n'));
  assert.throws(() => loadActorDictionary(dir), new RegExp(`organisations\\.json\\] duplicate id "UNDP" \\(line ${at + 2}\\)`));
});
