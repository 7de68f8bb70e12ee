import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/nlp/index.js';

function tokens(text: string): string[] {
  return tokenize(text, [{ start: 0, end: text.length }]).map((t) => text.slice(t.start, t.end));
}

const rows: [string, string[]][] = [
  ['Russia’s minister', ['Russia', '’s', 'minister']],
  ["Russia's minister", ['Russia', "'s", 'minister']],
  ["They don't know", ['They', 'do', "n't", 'know']],
  ['It won’t, we’re, I’ll, you’ve, she’d, I’m', ['It', 'wo', 'n’t', ',', 'we', '’re', ',', 'I', '’ll', ',', 'you', '’ve', ',', 'she', '’d', ',', 'I', '’m']],
  ["O'Hara's farm", ["O'Hara", "'s", 'farm']],
  ['the allies’ aid', ['the', 'allies', '’', 'aid']],
  ['1,234.5 tonnes, a 20-year low', ['1,234.5', 'tonnes', ',', 'a', '20-year', 'low']],
  ['1986/87 crop, 5% up, $3.5 bln', ['1986/87', 'crop', ',', '5', '%', 'up', ',', '$', '3.5', 'bln']],
  ['AT&T and S&P', ['AT&T', 'and', 'S&P']],
  ['Mr. Lee of the U.S. and J. Doe', ['Mr.', 'Lee', 'of', 'the', 'U.S.', 'and', 'J.', 'Doe']],
  ['went to the U.S.', ['went', 'to', 'the', 'U.S', '.']],
  ['“Wait...” -- he said (quietly)!', ['“', 'Wait', '...', '”', '--', 'he', 'said', '(', 'quietly', ')', '!']],
  ['‘hybrid war’', ['‘', 'hybrid', 'war', '’']],
  ['Zürich, Москва 🙂 ok', ['Zürich', ',', 'Москва', '🙂', 'ok']],
  ['', []],
];

test('tokens: table of words, numbers, punctuation and contractions', () => {
  for (const [input, expected] of rows) assert.deepEqual(tokens(input), expected, input);
});

test('tokens: only inside the given sentences, ordered', () => {
  const text = 'One two. Skipped here. Three.';
  const spans = tokenize(text, [{ start: 0, end: 8 }, { start: 23, end: 29 }]);
  assert.deepEqual(spans.map((t) => text.slice(t.start, t.end)), ['One', 'two', '.', 'Three', '.']);
});
