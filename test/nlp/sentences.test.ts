import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Span } from '../../src/model/span.js';
import { DataFileError } from '../../src/model/errors.js';
import { parseAbbreviations, splitSentences, tokenize } from '../../src/nlp/index.js';

/** Paragraphs as the cleaner makes them: separated by a blank line. */
function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(/\n[ \t]*\n/g)) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length });
  return out;
}

function sentences(text: string): string[] {
  return splitSentences(text, paragraphs(text)).map((s) => text.slice(s.start, s.end));
}

const rows: [string, string[]][] = [
  ['Mr. Osei met Gen. Laurent. They talked.', ['Mr. Osei met Gen. Laurent.', 'They talked.']],
  ['The U.S. and the U.N. agreed. Talks end Nov. 30, 2021.', ['The U.S. and the U.N. agreed.', 'Talks end Nov. 30, 2021.']],
  ['Aid went to the U.S. The rest stayed.', ['Aid went to the U.S.', 'The rest stayed.']],
  ['Output rose 3.5 pct. Prices fell.', ['Output rose 3.5 pct.', 'Prices fell.']],
  ['It was agenda item No. 5 at 9 a.m. Monday.', ['It was agenda item No. 5 at 9 a.m. Monday.']],
  ['Nordhav Inc. said sales fell. Quarrel Co. The end.', ['Nordhav Inc. said sales fell.', 'Quarrel Co.', 'The end.']],
  ['The envoy J. Mbeki spoke. Others left.', ['The envoy J. Mbeki spoke.', 'Others left.']],
  ['Slovakia bought Sputnik V. The vaccine works.', ['Slovakia bought Sputnik V.', 'The vaccine works.']],
  ['He paused … then went on. Silence.', ['He paused … then went on.', 'Silence.']],
  ['“It is over. We go home,” he said. Then he left.', ['“It is over.', 'We go home,” he said.', 'Then he left.']],
  ['“Why?” she asked. “Because,” he said.', ['“Why?” she asked.', '“Because,” he said.']],
  ['“Where now?” Ana Ruiz asked. She left.', ['“Where now?” Ana Ruiz asked.', 'She left.']],
  // a quote closed by a full stop ends its sentence, even before a capital and a speech verb
  ['The ministry cited a “grave risk.” It warned sailors against fishing there.', ['The ministry cited a “grave risk.”', 'It warned sailors against fishing there.']],
  ['He said it was “final.” Nobody agreed.', ['He said it was “final.”', 'Nobody agreed.']],
  ['First paragraph without a stop\n\nSecond one. Two.', ['First paragraph without a stop', 'Second one.', 'Two.']],
  ['  Padded sentence.   Another.  ', ['Padded sentence.', 'Another.']],
  ['', []],
];

test('sentences: table of tricky boundaries', () => {
  for (const [input, expected] of rows) assert.deepEqual(sentences(input), expected, input);
});

test('sentences: the gold set in sentence-gold.json', () => {
  const gold = JSON.parse(readFileSync(path.resolve('test/nlp/sentence-gold.json'), 'utf8')) as {
    cases: { id: string; text: string; sentences: string[] }[];
  };
  assert.ok(gold.cases.length >= 60);
  for (const c of gold.cases) assert.deepEqual(sentences(c.text), c.sentences, c.id);
});

test('sentences: spans round-trip, stay inside paragraphs, ordered, trimmed; tokens inside sentences', () => {
  const text = 'Mr. Ahn’s plan failed. It “won’t work,” he said.\n\nThe U.S. disagreed... Why?\n\n  Last one  ';
  const paras = paragraphs(text);
  const sents = splitSentences(text, paras);
  let prev = -1;
  for (const s of sents) {
    assert.ok(s.start >= prev && s.start < s.end, 'ordered, non-overlapping, non-empty');
    assert.ok(paras.some((p) => p.start <= s.start && s.end <= p.end), 'inside a paragraph');
    const t = text.slice(s.start, s.end);
    assert.equal(t, t.trim());
    prev = s.end;
  }
  const toks = tokenize(text, sents);
  let last = -1;
  for (const t of toks) {
    assert.ok(t.start >= last && t.start < t.end);
    assert.ok(sents.some((s) => s.start <= t.start && t.end <= s.end), 'token inside a sentence');
    last = t.end;
  }
  // every non-space character of a sentence is in exactly one token
  const covered = toks.reduce((n, t) => n + t.end - t.start, 0);
  const nonSpace = sents.reduce((n, s) => n + text.slice(s.start, s.end).replace(/\s/g, '').length, 0);
  assert.equal(covered, nonSpace);
});

test('sentences: a malformed abbreviations file is a DataFileError naming the file', () => {
  const ok = { $comment: 'x', neverFinal: ['Mr'], finalBeforeStarter: ['Inc'], sentenceStarters: ['The'], attributionVerbs: ['said'] };
  assert.ok(parseAbbreviations(ok).kinds.get('MR') === 'never-final');
  const bad: unknown[] = [
    { ...ok, neverFinal: 'Mr' },
    { ...ok, neverFinal: ['Mr', 'Mr'] },
    { ...ok, finalBeforeStarter: ['Mr'] },
    { ...ok, extra: [] },
    { neverFinal: ['Mr'], $comment: 'x', finalBeforeStarter: ['Inc'], sentenceStarters: ['The'], attributionVerbs: ['said'] },
    { ...ok, sentenceStarters: ['the'] },
    { ...ok, neverFinal: ['Mr.'] },
  ];
  for (const b of bad) {
    assert.throws(() => parseAbbreviations(b), (e: unknown) => e instanceof DataFileError && e.message.includes('data/nlp/abbreviations.json'));
  }
  assert.throws(() => (parseAbbreviations(ok).kinds as Map<string, string>).set('x', 'y'));
});

test('sentences: seed articles never split after an abbreviation before a lower-case word or digit', (t) => {
  const dir = path.resolve('../shared/seeds');
  if (!existsSync(dir)) return t.skip(`../shared absent: ${dir} not found`);
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  assert.ok(files.length > 0);
  for (const f of files) {
    const text = readFileSync(path.join(dir, f), 'utf8');
    const sents = splitSentences(text, paragraphs(text));
    assert.ok(sents.length > 10, f);
    for (const s of sents) {
      const m = text.slice(s.end).match(/^(\s*)(\S)/);
      // a raw seed may break a paragraph mid-sentence ("want to be\n\nguided"): the cleaner's job
      if (m === null || /\n[ \t]*\n/.test(m[1]!)) continue;
      const after = m[2]!;
      const tail = text.slice(Math.max(s.start, s.end - 6), s.end);
      if (/\b(U\.S\.|U\.N\.|Nov\.|Mr\.|Mrs\.|Dr\.|Gen\.|No\.)$/.test(tail)) assert.doesNotMatch(after, /[a-z0-9]/, `${f}: …${tail}|${after}`);
      assert.doesNotMatch(after, /[a-z]/, `${f}: a sentence starts lower case after …${tail}`);
      assert.doesNotMatch(text.slice(s.start, s.end), /\n[ \t]*\n/, `${f}: a sentence crosses a paragraph`);
    }
    // "Sputnik V" is a name, never cut off from what follows inside a sentence
    for (const m of text.matchAll(/Sputnik V (?=[a-z])/g)) {
      assert.ok(sents.some((s) => s.start <= m.index && m.index + m[0].length < s.end), `${f}: Sputnik V split`);
    }
  }
});
