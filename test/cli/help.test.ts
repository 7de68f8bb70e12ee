import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entente } from './_run.js';

const COMMANDS = ['ingest', 'extract', 'show', 'list', 'actors', 'quotes', 'events', 'relations', 'export', 'code', 'parse', 'doctor', 'worker', 'status', 'serve'];

test('cli: entente --help lists every command', () => {
  const r = entente(['--help']);
  assert.equal(r.status, 0);
  for (const c of COMMANDS) assert.match(r.stdout, new RegExp(`\\b${c}\\b`));
});

for (const c of COMMANDS) {
  test(`cli: entente ${c} --help describes the command and its options`, () => {
    const r = entente([c, '--help']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /USAGE/);
    assert.match(r.stdout, new RegExp(`entente ${c}`));
  });
}

test('cli: a missing argument is a usage error (exit 2) that says what is missing', () => {
  const r = entente(['show']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /Missing required positional argument: ID/);
});

test('cli: a bad option value is a usage error naming the option', () => {
  const r = entente(['extract', 'nothing-here', '--max-bytes', 'lots']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--max-bytes must be a positive whole number/);
});

test('cli: extract --json prints one line per input, with the skipped ones saying why', () => {
  const r = entente(['extract', '-', '--json'], { input: 'Paris and Berlin signed a treaty on Monday. The ministers said it would last. Both capitals welcomed it.' });
  assert.equal(r.status, 0, r.stderr);
  const rec = JSON.parse(r.stdout);
  assert.equal(rec.file, '-');
  assert.match(rec.text, /^Paris and Berlin signed a treaty/);
  assert.match(rec.id, /^[0-9a-f]{16}$/);
  const missing = entente(['extract', 'no/such/file.txt', '--json']);
  assert.equal(missing.status, 3);
  assert.equal(JSON.parse(missing.stdout).skipped.reason, 'unreadable');
});

test('cli: actors --json gives each mention its code, kind, rule and input offsets', () => {
  const input = 'Germany and Poland signed a border treaty on Monday.\n\nChancellor Olaf Scholz said it would last. He praised Warsaw.';
  const r = entente(['actors', '-', '--json'], { input });
  assert.equal(r.status, 0, r.stderr);
  const rec = JSON.parse(r.stdout);
  const byText = new Map(rec.mentions.map((m: { text: string }) => [m.text, m]));
  for (const [text, code, kind] of [['Germany', 'DEU', 'name'], ['Poland', 'POL', 'name'], ['Warsaw', 'POLGOV', 'metonym']]) {
    const m = byText.get(text) as { actor: { code: string }; kind: string; inputStart: number; inputEnd: number } | undefined;
    assert.ok(m, `${text} found`);
    assert.equal(m.actor.code, code);
    assert.equal(m.kind, kind);
    assert.equal(input.slice(m.inputStart, m.inputEnd), text, 'input offsets point at the mention');
  }
  const he = rec.mentions.find((m: { text: string }) => m.text === 'He');
  assert.equal(he.kind, 'pronoun');
  assert.equal(rec.mentions[he.antecedent].text, 'Olaf Scholz');
});

test('cli: quotes --json gives speaker, actor, cue and medium, with input offsets of quote and speaker', () => {
  const input = 'Ties cool\n\nPeru recalled its envoy on Monday.\n\n“We will not accept this,” Foreign Minister Ana Ruiz told Reuters.';
  const r = entente(['quotes', '-', '--json'], { input });
  assert.equal(r.status, 0, r.stderr);
  const q = JSON.parse(r.stdout).quotes.find((x: { kind: string }) => x.kind === 'direct');
  assert.ok(q, 'the direct quote is found');
  assert.equal(q.cue, 'told');
  assert.equal(q.medium, 'Reuters');
  assert.match(input.slice(q.inputStart, q.inputEnd), /^“We will not accept this,”$/, "the span includes its marks, as the gold corpora do");
  const [s, e] = q.inputSpeakerSpans[0];
  assert.match(input.slice(s, e), /Ana Ruiz/);
});
