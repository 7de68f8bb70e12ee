import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tokenize } from '../../src/nlp/index.js';
import { bridge } from '../../src/syntax/index.js';
import { readGold } from '../../eval/syntax.js';
import { sharedPath } from '../_shared.js';

/** The bridge's words of `text` (tokenised as one sentence): [text slice, form]. */
function words(text: string): [string, string][] {
  const whole = { start: 0, end: text.length };
  return bridge(text, tokenize(text, [whole])).map((w) => [text.slice(w.start, w.end), w.form]);
}

test('bridge: hyphenated words split as EWT splits them, each part a span of the text', () => {
  assert.deepEqual(words('a long-term, 20-year-old deal').map(([s]) => s), ['a', 'long', '-', 'term', ',', '20', '-', 'year', '-', 'old', 'deal']);
  assert.deepEqual(words('The U.S.-led coalition').map(([s]) => s), ['The', 'U.S.', '-', 'led', 'coalition']);
  assert.deepEqual(words('He flew to the U.S.'), [['He', 'He'], ['flew', 'flew'], ['to', 'to'], ['the', 'the'], ['U.S', 'U.S.'], ['.', '.']]);
  // prefixes EWT keeps joined, codes, phone numbers; ranges split
  assert.deepEqual(words('a non-binding e-mail from mid-August').map(([s]) => s), ['a', 'non-binding', 'e-mail', 'from', 'mid-August']);
  assert.deepEqual(words('call 713-853-3989 or 853-7906 on 01-Feb-02').map(([s]) => s), ['call', '713-853-3989', 'or', '853-7906', 'on', '01-Feb-02']);
  assert.deepEqual(words('won 4-0 in 1946-1954').map(([s]) => s), ['won', '4', '-', '0', 'in', '1946', '-', '1954']);
  assert.deepEqual(words('a 375mm gun, $5bn by 3pm on the 5th of the 1980s').map(([s]) => s), ['a', '375', 'mm', 'gun', ',', '$', '5', 'bn', 'by', '3', 'pm', 'on', 'the', '5th', 'of', 'the', '1980s']);
  assert.deepEqual(words('a pause ---- then'), [['a', 'a'], ['pause', 'pause'], ['----', '----'], ['then', 'then']]);
});

test('bridge: curly quotes, apostrophes, ellipses and dashes are read in their EWT spelling, spans unchanged', () => {
  const text = 'Russia’s envoy said “we can’t” … — O’Neill';
  assert.deepEqual(words(text), [
    ['Russia', 'Russia'], ['’s', "'s"], ['envoy', 'envoy'], ['said', 'said'], ['“', '"'], ['we', 'we'], ['ca', 'ca'], ['n’t', "n't"], ['”', '"'], ['…', '...'], ['—', '--'], ['O’Neill', "O'Neill"],
  ]);
  assert.deepEqual(words('in 2014–2022 – and since'), [['in', 'in'], ['2014', '2014'], ['–', '-'], ['2022', '2022'], ['–', '--'], ['and', 'and'], ['since', 'since']]);
});

test('bridge: "cannot", "gonna" and "dont" become two words; URLs, addresses, emoticons, times, years and "!!" one', () => {
  assert.deepEqual(words('We cannot wait, gonna go').map(([s]) => s), ['We', 'can', 'not', 'wait', ',', 'gon', 'na', 'go']);
  assert.deepEqual(words('I dont know, thats it').map(([s]) => s), ['I', 'do', 'nt', 'know', ',', 'that', 's', 'it']);
  assert.deepEqual(words('See http://www.example.com/a/b.html.').map(([s]) => s), ['See', 'http://www.example.com/a/b.html', '.']);
  assert.deepEqual(words('Mail john.smith@example.org or Lamb@ENRON now').map(([s]) => s), ['Mail', 'john.smith@example.org', 'or', 'Lamb@ENRON', 'now']);
  assert.deepEqual(words('Great :-) at 5:30 pm in the class of \'67!!').map(([s]) => s), ['Great', ':-)', 'at', '5:30', 'pm', 'in', 'the', 'class', 'of', "'67", '!!']);
  assert.deepEqual(words('music of the 80\'s').map(([s]) => s), ['music', 'of', 'the', "80's"]);
});

test('bridge: EWT test text tokenised by entente lines up with the treebank\'s words more often through the bridge', (t) => {
  const dir = sharedPath(t, 'treebank');
  if (!dir) return;
  let gold = 0, direct = 0, bridged = 0;
  for (const s of readGold(join(dir, 'en_ewt-ud-test.conllu'))) {
    const at = new Set(s.spans.map((sp) => `${sp.start}:${sp.end}`));
    const tokens = tokenize(s.text, [{ start: 0, end: s.text.length }]);
    gold += s.words.length;
    direct += tokens.filter((w) => at.has(`${w.start}:${w.end}`)).length;
    bridged += bridge(s.text, tokens).filter((w) => at.has(`${w.start}:${w.end}`)).length;
  }
  t.diagnostic(`gold words matched by a word of the same span: tokens as they are ${(direct / gold).toFixed(4)}, through the bridge ${(bridged / gold).toFixed(4)}`);
  assert.ok(bridged / gold >= 0.985, `only ${bridged} of ${gold} gold words aligned through the bridge`);
  assert.ok(bridged > direct + 0.01 * gold, `the bridge aligns ${bridged}, the tokens alone ${direct}`);
});
