import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { ConlluError, parseConllu, readConllu } from '../../src/syntax/conllu.js';

const FIXTURE = resolve('test/fixtures/syntax/tiny.conllu');

test('conllu: reads sentences, skipping comments, multiword ranges and empty nodes', () => {
  const s = readConllu(FIXTURE);
  assert.equal(s.length, 2);
  assert.deepEqual(s[0].map((t) => t.form), ['The', 'envoys', 'did', "n't", 'meet', '.']);
  assert.deepEqual(s[0].map((t) => t.upos), ['DET', 'NOUN', 'AUX', 'PART', 'VERB', 'PUNCT']);
  assert.deepEqual(s[0][1], { id: 2, form: 'envoys', lemma: 'envoy', upos: 'NOUN', xpos: 'NNS', head: 5, deprel: 'nsubj' });
  assert.deepEqual(s[1].map((t) => [t.id, t.form, t.head, t.deprel]), [[1, 'Talks', 2, 'nsubj'], [2, 'resumed', 0, 'root'], [3, 'today', 2, 'obl:tmod']]);
});

test('conllu: CRLF line ends and a missing final blank line are accepted', () => {
  const s = parseConllu('1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\r\n\r\n1\tGo\tgo\tVERB\tVB\t_\t0\troot\t_\t_', 'x.conllu');
  assert.deepEqual(s.map((x) => x.map((t) => t.form)), [['Hi'], ['Go']]);
});

test('conllu: a malformed line is an error naming the file and the line', () => {
  const bad: [string, number, RegExp][] = [
    ['# c\n1\tHi\thi\tINTJ\n', 2, /10 tab-separated columns/],
    ['1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n3\tyou\tyou\tPRON\tPRP\t_\t1\tvocative\t_\t_\n', 2, /out of sequence/],
    ['x\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n', 1, /bad ID/],
    ['1\tHi\thi\tINTJ\tUH\t_\t?\troot\t_\t_\n', 1, /bad HEAD/],
    ['1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n2\tthere\tthere\tADV\tRB\t_\t7\tadvmod\t_\t_\n\n', 2, /beyond/],
  ];
  for (const [text, line, message] of bad) {
    assert.throws(() => parseConllu(text, 'bad.conllu'), (err: unknown) => {
      assert.ok(err instanceof ConlluError);
      assert.equal(err.file, 'bad.conllu');
      assert.equal(err.line, line);
      assert.match(err.message, new RegExp(`^bad\\.conllu:${line}: `));
      assert.match(err.message, message);
      return true;
    });
  }
});
