import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entente } from '../cli/_run.js';
import { formatTable } from '../../src/cli/event-args.js';
import { forTerminal } from '../../src/cli/terminal-text.js';

// a terminal runs these: set the window title, clear the screen, a hidden link, colour; then a right-to-left override
const ESCAPES = '\u001b]0;pwned\u0007\u001b[2J\u001b]8;;http://evil.example\u001b\\click\u001b]8;;\u001b\\\u001b[31m';
const RLO = '\u202e';
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const BODY = 'Russia accused the European Union of meddling in the talks on Tuesday, officials in Brussels said.';

/** A store holding an article whose title and outlet carry terminal escapes and a bidi override (made once: ingest takes seconds). */
let db = '';
let dir = '';
after(() => rmSync(dir, { recursive: true, force: true }));
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'entente-terminal-'));
  db = join(dir, 'x.db');
  const input = join(dir, 'in.jsonl');
  writeFileSync(input, JSON.stringify({ title: `Talks ${ESCAPES}end ${RLO}txet desrever`, source: `Wire${ESCAPES}`, url: 'https://example.org/a', date: '2021-03-23', text: BODY }) + '\n');
  const r = entente(['ingest', '--db', db, '--threads', '0', input]);
  assert.equal(r.status, 0, r.stderr);
});

test('list prints titles and outlets without terminal escapes or bidi controls', () => {
  const r = entente(['list', '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stdout, CONTROLS);
  assert.match(r.stdout, /Talks .*end txet desrever/);
  assert.match(r.stdout, /Wire/);
});

test('show prints the article without terminal escapes or bidi controls', () => {
  const id = entente(['list', '--db', db, '--json']).stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l).id as string)[0];
  const r = entente(['show', id, '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stdout, CONTROLS);
  assert.match(r.stdout, /title +Talks .*end txet desrever/);
  // --json is for programs: the record exactly as stored, control characters escaped by JSON itself
  const json = entente(['show', id, '--db', db, '--json']);
  assert.equal(JSON.parse(json.stdout).meta.title.value, `Talks ${ESCAPES}end ${RLO}txet desrever`);
});

test('forTerminal: whole escape sequences (7- and 8-bit), other controls and bidi controls go; text, tabs and line breaks stay', () => {
  assert.equal(forTerminal(`a${ESCAPES}b`), 'aclickb');
  assert.equal(forTerminal('x\u009b2Jy\u009d0;t\u009cz'), 'xyz');
  assert.equal(forTerminal('one\ttwo\nthree\r\u0008\u007f'), 'one\ttwo\nthree');
  assert.equal(forTerminal(`${RLO}abc\u2066d\u2069\u200f`), 'abcd');
  assert.equal(forTerminal('Ελλάδα — 北京 — عربي'), 'Ελλάδα — 北京 — عربي');
});

test('tables (events, relations) clear their cells of terminal escapes before padding them', () => {
  const out = formatTable(['outlet', 'n'], [[`Wire${ESCAPES}`, 1], [`${RLO}Two`, 22]]);
  assert.doesNotMatch(out, CONTROLS);
  assert.deepEqual(out.split('\n').slice(1, 3), ['Wireclick   1', 'Two        22']);
});

test('ingest names a skipped input without the terminal escapes or bidi controls in its file name', () => {
  const folder = mkdtempSync(join(dir, 'names-'));
  // a file name cannot hold '/', so the title-setting and screen-clearing sequences only
  writeFileSync(join(folder, `empty \u001b]0;pwned\u0007\u001b[2J${RLO}.txt`), '');
  const r = entente(['ingest', '--db', db, '--threads', '0', folder]);
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stderr, /skipped .*empty .*: empty/);
  assert.doesNotMatch(r.stderr, CONTROLS);
});
