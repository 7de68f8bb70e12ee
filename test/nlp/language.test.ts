import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DataFileError } from '../../src/model/errors.js';
import { detectLanguage, parseLanguageProfiles } from '../../src/nlp/index.js';

const rows: [string, 'en' | 'other' | 'unknown'][] = [
  ['The foreign minister said on Tuesday that there would be no more joint projects with the bloc, and that his country would look to its friends elsewhere.', 'en'],
  ['Le ministre a déclaré mardi qu’il n’y aurait plus de projets communs avec l’Union européenne, et que le pays se tournerait vers ses partenaires.', 'other'],
  ['Der Minister sagte am Dienstag, dass es keine gemeinsamen Projekte mit der Union mehr geben werde und das Land sich an andere Partner wende.', 'other'],
  ['El ministro dijo el martes que no habrá más proyectos conjuntos con la Unión Europea y que el país buscará otros socios en el mundo.', 'other'],
  ['Министр заявил во вторник, что совместных проектов с Европейским союзом больше не будет.', 'other'],
  ['外交部长周二表示，今后将不再与欧盟开展联合项目。', 'other'],
  ['Minister powiedział we wtorek, że nie będzie już wspólnych projektów z Unią Europejską, bo stosunki są najgorsze od lat.', 'other'],
  ['Net 12.5 mln vs 9.1 mln', 'unknown'],
  ['Shr 41 cts vs 38 cts\n  Net 4.2 mln vs 3.9 mln\n  Revs 88.1 mln vs 80.4 mln\n  Year\n  Shr 1.60 dlrs vs 1.41 dlrs\n  Net 16.3 mln vs 14.2 mln\n  Revs 340 mln vs 310 mln', 'unknown'],
  ['', 'unknown'],
];

test('language: English, other languages and too-little-to-tell', () => {
  for (const [input, lang] of rows) {
    const g = detectLanguage(input);
    assert.equal(g.lang, lang, `${input.slice(0, 40)}: ${g.detail}`);
    assert.ok(g.englishShare >= 0 && g.englishShare <= 1 && g.detail.length > 0);
  }
});

test('language: malformed data files are DataFileErrors naming the file', () => {
  const en = { $comment: 'x', minWords: 12, englishMinShare: 0.1, nonLatinMaxShare: 0.3, words: ['the', 'of'] };
  const other = { $comment: 'y', minShare: 0.12, accentedMaxShare: 0.025, languages: { French: ['le'] } };
  assert.ok(parseLanguageProfiles(en, other).english.has('the'));
  const cases: [unknown, unknown, string][] = [
    [{ ...en, minWords: -1 }, other, 'english-function-words.json'],
    [{ ...en, words: [] }, other, 'english-function-words.json'],
    [en, { ...other, languages: { French: ['the'] } }, 'other-function-words.json'],
    [en, { ...other, languages: [] }, 'other-function-words.json'],
  ];
  for (const [a, b, file] of cases) {
    assert.throws(() => parseLanguageProfiles(a, b), (e: unknown) => e instanceof DataFileError && e.message.includes(file));
  }
});

test('language: the seed articles are English', (t) => {
  const dir = path.resolve('../shared/seeds');
  if (!existsSync(dir)) return t.skip(`../shared absent: ${dir} not found`);
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    const g = detectLanguage(readFileSync(path.join(dir, f), 'utf8'));
    assert.equal(g.lang, 'en', `${f}: ${g.detail}`);
  }
});
