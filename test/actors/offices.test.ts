import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyze } from '../../src/pipeline/index.js';
import { findActors, loadActorDictionary } from '../../src/actors/index.js';
import { compileActors } from '../../src/actors/compiled.js';
import { sourceSums } from '../../src/actors/dictionary.js';
import { csvFields, isoDay, joinTerms, nameVariants, officeRole, parseOfficesCsv, preferRoles } from '../../src/actors/offices.js';
import { DataFileError, type Article } from '../../src/model/index.js';
import { dataPath } from '../../src/data/read.js';

const fixture = readFileSync(resolve('test/fixtures/actors/offices-sample.csv'), 'utf8');

test('offices.csv: rows, quoted fields, aliases without the Factbook\'s cut-off notes', () => {
  const rows = parseOfficesCsv(fixture);
  assert.equal(rows.length, 7);
  assert.deepEqual(rows[2].aliases, ['Kim Jong Un']);
  assert.equal(rows[6].person, 'Ana Pastor, Julián');
  assert.deepEqual(csvFields('a,"b ""c""",'), ['a', 'b "c"', '']);
});

test('offices.csv: a wrong header or a short row names the file and line', () => {
  assert.throws(() => parseOfficesCsv('iso,position\n', 'x.csv'), /x\.csv: line 1: header/);
  assert.throws(() => parseOfficesCsv(`${fixture.split('\n')[0]}\nUSA,legislator,Rand Paul\n`, 'x.csv'), /x\.csv: line 2: 3 fields, expected 9/);
});

test('offices: executive → GOV, legislature → LEG, IGO heads → the organisation, "other" left out', () => {
  const rows = parseOfficesCsv(fixture);
  assert.deepEqual(rows.map((r) => officeRole(r)?.code), ['USALEG', 'USALEG', 'PRKGOV', 'ABWGOV', 'IGOUNO', undefined, 'ESPLEG']);
  assert.equal(isoDay('1989-02', 'start'), '1989-02-01');
  assert.equal(isoDay('2024-02', 'end'), '2024-02-29');
  assert.equal(isoDay('1994', 'end'), '1994-12-31');
});

test('offices: re-elections join into one term; a better source replaces an overlapping term of the same office', () => {
  assert.deepEqual(joinTerms([{ code: 'USALEG', from: '1995-01-03', to: '2003-01-03' }, { code: 'USALEG', from: '2003-01-03' }]), [{ code: 'USALEG', from: '1995-01-03' }]);
  assert.deepEqual(preferRoles([{ code: 'USAGOV', from: '2021-01-26' }, { code: 'USALEG', from: '2000-01-01', to: '2001-01-01' }], [{ code: 'USAGOV', from: '2021-01-26', to: '2025-01-20' }]),
    [{ code: 'USALEG', from: '2000-01-01', to: '2001-01-01' }, { code: 'USAGOV', from: '2021-01-26', to: '2025-01-20' }]);
});

test('offices: name variants as news writes them, never a single word', () => {
  const v = (n: string): string[] => nameVariants(n);
  for (const x of ['Volodymyr Zelensky', 'Volodymyr Zelenskiy']) assert.ok(v('Volodymyr Zelenskyy').includes(x), x);
  assert.ok(v('Recep Tayyip Erdoğan').includes('Recep Tayyip Erdogan'));
  for (const x of ['Bashar Assad', 'Bashar al Assad', 'Bashar Al-Assad', 'Bashar el-Assad']) assert.ok(v('Bashar al-Assad').includes(x), x);
  assert.ok(v('Kim Jong-un').includes('Kim Jong Un'));
  assert.ok(v('Andrii Sybiha').includes('Andriy Sybiha'));
  assert.deepEqual(v('Lindsey Graham'), ['Lindsey Graham']); // a given name ending in "y" is no transliteration
  assert.ok([...v('Bashar al-Assad'), ...v('Kim Jong-un')].every((n) => n.includes(' ')));
});

function codeOf(text: string, date: string, surface: string): string | undefined {
  const a = analyze({ text, format: 'text', given: { date } }) as Article;
  return findActors(a).find((m) => a.text.slice(m.start, m.end) === surface)?.actor.code;
}

// sentences written for this test
test('real office holders on real dates', () => {
  const cases: [string, string, string, string][] = [
    ['Antony Blinken arrived on Monday.', '2023-05-01', 'Antony Blinken', 'USAGOV'],
    ['Antony Blinken arrived on Monday.', '2025-06-01', 'Antony Blinken', 'USAELI'],
    ['Marco Rubio arrived on Monday.', '2025-06-01', 'Marco Rubio', 'USAGOV'],
    ['Marco Rubio arrived on Monday.', '2019-06-01', 'Marco Rubio', 'USALEG'],
    ['Lindsey Graham spoke on Monday.', '2019-03-01', 'Lindsey Graham', 'USALEG'],
    ['Rand Paul spoke on Monday.', '2019-03-01', 'Rand Paul', 'USALEG'],
    ['Kim Jong Un spoke on Monday.', '2019-03-01', 'Kim Jong Un', 'PRKGOV'],
    ['Dmytro Kuleba spoke on Monday.', '2025-03-01', 'Dmytro Kuleba', 'UKRELI'],
    ['Andrii Sybiha spoke on Monday.', '2025-03-01', 'Andrii Sybiha', 'UKRGOV'],
    ['Andriy Sybiha spoke on Monday.', '2025-03-01', 'Andriy Sybiha', 'UKRGOV'],
    ['Volodymyr Zelenskiy spoke on Monday.', '2023-03-01', 'Volodymyr Zelenskiy', 'UKRGOV'],
    ['Bashar Assad spoke on Monday.', '2019-03-01', 'Bashar Assad', 'SYRGOV'],
    ['Bashar al-Assad spoke on Monday.', '2025-03-01', 'Bashar al-Assad', 'SYRELI'],
    ['Abbas Araghchi spoke on Monday.', '2025-03-01', 'Abbas Araghchi', 'IRNGOV'],
    ['Pete Hegseth spoke on Monday.', '2025-03-01', 'Pete Hegseth', 'USAGOV'],
    ['Rafael Grossi spoke on Monday.', '2023-03-01', 'Rafael Grossi', 'IGOUNOIAE'],
    ['Ajay Banga spoke on Monday.', '2024-03-01', 'Ajay Banga', 'IGOUNODEVWBK'],
    ['Tedros Adhanom Ghebreyesus spoke on Monday.', '2021-03-01', 'Tedros Adhanom Ghebreyesus', 'IGOUNOHLHWHO'],
    ['Donald Trump spoke on Monday.', '2018-03-01', 'Donald Trump', 'USAGOV'],
    // a name listed first as "Al-" and again as "al-": either capitalisation matches
    ['Mustafa al-Kadhimi spoke on Monday.', '2021-03-01', 'Mustafa al-Kadhimi', 'IRQGOV'],
    // an executive office outranks the parliamentary seat its holder keeps
    ['Justin Trudeau spoke on Monday.', '2018-06-09', 'Justin Trudeau', 'CANGOV'],
    ['Shinzo Abe spoke on Monday.', '2015-08-14', 'Shinzo Abe', 'JPNGOV'],
  ];
  const wrong = cases.filter(([t, d, s, c]) => codeOf(t, d, s) !== c).map(([t, d, s, c]) => `${s} on ${d}: ${codeOf(t, d, s)} (expected ${c})`);
  assert.deepEqual(wrong, []);
});

test('compiled form: every person and role of the sources is found, the same phrases are in the trie', () => {
  const built = loadActorDictionary(undefined, { compiled: false });
  const compiled = loadActorDictionary();
  assert.notEqual(built, compiled);
  assert.equal(compiled.people.size, built.people.size);
  assert.equal(compiled.trie.size, built.trie.size);
  const differ: string[] = [];
  for (const [id, p] of built.people) {
    try { assert.deepEqual(compiled.people.get(id), p); } catch { differ.push(id); }
  }
  assert.deepEqual(differ.slice(0, 5), []);
  assert.deepEqual([...compiled.people.keys()].sort(), [...built.people.keys()].sort());
  // the committed trie is the one today's code builds (a change to how phrases are added, such as
  // capitals, leaves the sources' fingerprints as they were): rerun scripts/compile-actors.ts
  const committed = JSON.parse(readFileSync(dataPath('data/actors/compiled.json'), 'utf8')) as { hits: unknown };
  const fresh = compileActors(built.trie, built.people, sourceSums(), '').header;
  assert.ok(JSON.stringify(fresh.hits) === JSON.stringify(committed.hits), 'data/actors/compiled.json is stale: run node --import tsx scripts/compile-actors.ts');
});

function copyActors(): string {
  const dir = mkdtempSync(join(tmpdir(), 'entente-offices-'));
  const from = dataPath('data/actors/people.json').replace(/people\.json$/, '');
  for (const f of readdirSync(from)) copyFileSync(join(from, f), join(dir, f));
  return dir;
}

test('compiled form: a damaged file is an error naming it and the problem; a changed source falls back to the sources', () => {
  const dir = copyActors();
  writeFileSync(join(dir, 'compiled.json'), readFileSync(join(dir, 'compiled.json'), 'utf8').slice(0, 1000));
  assert.throws(() => loadActorDictionary(dir), (e: unknown) => e instanceof DataFileError && /compiled\.json\] cannot read as JSON/.test(e.message));
  const dir2 = copyActors();
  writeFileSync(join(dir2, 'compiled.bin'), readFileSync(join(dir2, 'compiled.bin')).subarray(0, 5000));
  assert.throws(() => loadActorDictionary(dir2), (e: unknown) => e instanceof DataFileError && /compiled\.bin\] cannot unpack/.test(e.message));
  const dir3 = copyActors();
  const people = readFileSync(join(dir3, 'people.json'), 'utf8').replace('"person/joe-biden": {"name":"Joe Biden"', '"person/joe-biden": {"name":"Joseph Biden"');
  writeFileSync(join(dir3, 'offices.json'), readFileSync(join(dir3, 'offices.json'), 'utf8').replace('"name":"Joe Biden"', '"name":"Joseph Robinette Biden"'));
  writeFileSync(join(dir3, 'people.json'), people);
  assert.equal(loadActorDictionary(dir3).people.get('person/joe-biden')?.name, 'Joseph Robinette Biden');
});

test('offices.json: a bad role names the file, the entry and the line', () => {
  const dir = copyActors();
  const text = readFileSync(join(dir, 'offices.json'), 'utf8').replace(/("person\/rand-paul": \{"name":"Rand Paul","names":\["Rand Paul"\],"roles":\[\{"code":")USALEG/, '$1USAXXX');
  writeFileSync(join(dir, 'offices.json'), text);
  assert.throws(() => loadActorDictionary(dir), (e: unknown) => e instanceof DataFileError && /offices\.json\] entry "person\/rand-paul": unknown country or role code "USAXXX" \(line \d+\)/.test(e.message));
});
