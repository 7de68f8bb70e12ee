import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { phraseTokens, tokenizePhrase } from '../../src/actors/_trie.js';
import { dataPath } from '../../src/data/read.js';

/** Every string value in a parsed JSON file. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { out.push(k); strings(x, out); }
  return out;
}

test('the plain-word shortcut of phraseTokens reads every dictionary phrase as the tokenizer does', () => {
  let plain = 0;
  for (const f of ['countries', 'organisations', 'roles', 'people', 'additions']) {
    for (const s of new Set(strings(JSON.parse(readFileSync(dataPath(`data/actors/${f}.json`), 'utf8'))))) {
      const a = phraseTokens(s);
      const b = tokenizePhrase(s);
      assert.deepEqual({ keys: a.keys, caps: [...a.caps] }, { keys: b.keys, caps: [...b.caps] }, `${f}: "${s}"`);
      if (/^[A-Za-z]+(?: [A-Za-z]+)*$/.test(s)) plain++;
    }
  }
  // the shortcut is taken for most phrases, or it would not be worth having
  assert.ok(plain > 20000, `${plain} plain phrases`);
});

test('phraseTokens: capitals asked per word, acronyms in capitals, lower-case words free', () => {
  const t = phraseTokens('the EU Foreign Ministry');
  assert.deepEqual(t.keys, ['the', 'eu', 'foreign', 'ministry']);
  assert.deepEqual([...t.caps], [0, 2, 1, 1]);
  // a one-letter capital is an initial, not an acronym
  assert.deepEqual([...phraseTokens('A').caps], [1]);
  assert.deepEqual(phraseTokens('Russia’s Foreign Ministry').keys, ['russia', "'s", 'foreign', 'ministry']);
});
