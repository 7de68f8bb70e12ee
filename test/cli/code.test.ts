/**
 * `entente code` (issue 5, acceptance 3): JSON lines in, coded events out, with the built-in
 * dictionaries and with PETRARCH-2's own files (`--dictionaries`). The table is
 * `test/fixtures/code-table.json`, sentences written for entente.
 *
 * Sentences left out of the table because only one dictionary set codes them (seen while writing
 * it): "Pakistan rejected India's proposal" (built-in only: PETRARCH's REJECT patterns want the
 * proposal after the verb), "Syrian forces shelled Turkish positions" (PETRARCH-2 only: a bare
 * "Turkish" is a Phoenix actor, not a built-in one), "A Chinese delegation visited Cuba"
 * (PETRARCH-2 only: "delegation" is a Phoenix agent, not a built-in role), "President Biden met …"
 * (built-in only: Phoenix's people end in 2014). "rejected the proposal / the demands of X" was
 * PETRARCH-2 only until en:reject-proposal-of and en:reject-demands-of (verbs-entente.json).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { entente } from './_run.js';
import { sharedPath } from '../_shared.js';

interface Expect { source: string; target: string; code: string; negated: boolean }
interface Row { id: string; date: string; text: string; expect: Expect[] }
interface Out { id: string; events: { source: string; target: string | null; code: string; root: string; negated: boolean; evidence: { sentence: string; start: number; end: number; sentenceStart: number; sentenceEnd: number; inputStart: number; inputEnd: number } }[]; skipped?: unknown }

const TABLE = (JSON.parse(readFileSync(resolve('test/fixtures/code-table.json'), 'utf8')) as { sentences: Row[] }).sentences;

function tmp(t: { after: (f: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'entente-code-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function jsonl(rows: readonly object[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

/** Every expected event of the table not found in the output, as readable lines. */
function misses(out: Out[]): string[] {
  const byId = new Map(out.map((o) => [o.id, o]));
  const bad: string[] = [];
  for (const row of TABLE) {
    const got = byId.get(row.id)?.events ?? [];
    for (const x of row.expect) {
      const ok = got.some((e) => e.source.startsWith(x.source) && (e.target ?? '').startsWith(x.target) && e.code.startsWith(x.code) && e.negated === x.negated);
      if (!ok) bad.push(`${row.id}: want ${x.source}>${x.target} ${x.code}${x.negated ? ' negated' : ''}, got [${got.map((e) => `${e.source}>${e.target} ${e.code}${e.negated ? ' negated' : ''}`).join(', ')}] in "${row.text}"`);
    }
  }
  return bad;
}

function codeTable(t: { after: (f: () => void) => void }, extra: string[]): Out[] {
  const file = join(tmp(t), 'table.jsonl');
  writeFileSync(file, jsonl(TABLE.map(({ id, date, text }) => ({ id, date, text }))));
  const r = entente(['code', file, '--quiet', ...extra]);
  assert.equal(r.status, 0, r.stderr);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Out);
  assert.deepEqual(out.map((o) => o.id), TABLE.map((x) => x.id), 'one output line per input line, in order');
  return out;
}

test(`code: the table of ${TABLE.length} sentences codes every expected event with the built-in dictionaries`, (t) => {
  const out = codeTable(t, []);
  assert.deepEqual(misses(out), []);
  // evidence: the trigger lies inside its sentence, and the sentence is the input's own text
  for (const o of out) for (const e of o.events) {
    const row = TABLE.find((x) => x.id === o.id)!;
    assert.equal(row.text.slice(e.evidence.sentenceStart, e.evidence.sentenceEnd), e.evidence.sentence);
    assert.ok(e.evidence.sentenceStart <= e.evidence.start && e.evidence.end <= e.evidence.sentenceEnd, `${o.id}: trigger outside its sentence`);
    assert.equal(row.text.slice(e.evidence.inputStart, e.evidence.inputEnd), row.text.slice(e.evidence.start, e.evidence.end));
  }
});

test(`code: the same table passes with PETRARCH-2's own dictionary files (--dictionaries)`, (t) => {
  const dir = sharedPath(t, 'ontology/petrarch2');
  if (!dir) return;
  assert.deepEqual(misses(codeTable(t, ['--dictionaries', dir])), []);
});

test('code: --dictionaries reads dictionaries of our own in PETRARCH-2 format: dated actor codes, agents, verbs and discards', (t) => {
  const dir = tmp(t);
  const dicts = join(dir, 'dicts');
  mkdirSync(dicts);
  writeFileSync(join(dicts, 'Freedonia.verbs.txt'), '# verbs of our own\n---  SCOLD   [111]  ---\nSCOLD\nUPBRAID\n- * + FOR [112]\n');
  writeFileSync(join(dicts, 'Freedonia.actors.txt'), 'FREEDONIA_  [FRE]\n+FREEDONIAN_\nSYLVANIA_ [SYL]\n+SYLVANIAN_\nRUFUS_FIREFLY_\n+FIREFLY_\n\t[FREGOV 19330101-19341231]\n\t[FREELI]\n');
  writeFileSync(join(dicts, 'Freedonia.agents.txt'), 'TROOP [~MIL]\nENVOY [~GOV]\n');
  writeFileSync(join(dicts, 'Freedonia.discards.txt'), '+FOOTBALL\nYEARS AGO\n');
  const input = join(dir, 'in.jsonl');
  writeFileSync(input, jsonl([
    { id: 'plain', date: '1933-06-01', text: 'Freedonia scolded Sylvania.' },
    { id: 'pattern', date: '1933-06-01', text: 'Freedonia scolded Sylvania for the border incident.' },
    { id: 'in-office', date: '1933-06-01', text: 'Rufus Firefly upbraided Sylvania.' },
    { id: 'out-of-office', date: '1950-06-01', text: 'Rufus Firefly upbraided Sylvania.' },
    { id: 'agent', date: '1933-06-01', text: 'Freedonian troops scolded Sylvania.' },
    { id: 'story-discard', date: '1933-06-01', text: 'Freedonia scolded Sylvania. The football match ended in a draw.' },
    { id: 'sentence-discard', date: '1933-06-01', text: 'Years ago Freedonia scolded Sylvania. Sylvania scolded Freedonia.' },
  ]));
  const r = entente(['code', input, '--dictionaries', dicts]);
  assert.equal(r.status, 0, r.stderr);
  // what was loaded is named on standard error
  assert.match(r.stderr, /Freedonia\.verbs\.txt: verbs: 2 verbs, 1 patterns/);
  assert.match(r.stderr, /Freedonia\.actors\.txt: actors: 3 entries/);
  assert.match(r.stderr, /Freedonia\.discards\.txt: discards: 2 phrases \(1 for whole stories\)/);
  const out = new Map(r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Out).map((o) => [o.id, o.events.map((e) => `${e.source}>${e.target}:${e.code}`)]));
  assert.deepEqual(out.get('plain'), ['FRE>SYL:111']);
  assert.deepEqual(out.get('pattern'), ['FRE>SYL:112']);
  assert.deepEqual(out.get('in-office'), ['FREGOV>SYL:111']);
  assert.deepEqual(out.get('out-of-office'), ['FREELI>SYL:111']);
  assert.deepEqual(out.get('agent'), ['FREMIL>SYL:111']);
  assert.deepEqual(out.get('story-discard'), []);
  assert.deepEqual(out.get('sentence-discard'), ['SYL>FRE:111']);
});

test('code: --dictionaries keeps a code outside CAMEO as given, with no Goldstein score, quad class or PLOVER type', (t) => {
  const dir = tmp(t);
  // verbs of our own: 999 and 2231 are in no CAMEO table, 1952 extends CAMEO's 195
  writeFileSync(join(dir, 'CAMEO.mine.txt'), '---  SCOLD   [111]  ---\nSCOLD\n- * + [999]\n---  HOODWINK [2231] ---\nHOODWINK\n---  PUMMEL [1952] ---\nPUMMEL\n');
  const input = jsonl([
    { id: 'kept', date: '2020-01-01', text: 'Russia scolded Ukraine.' },
    { id: 'four', date: '2020-01-01', text: 'Russia hoodwinked Ukraine.' },
    { id: 'extension', date: '2020-01-01', text: 'Russia pummeled Ukraine.' },
  ]);
  const r = entente(['code', '-', '--dictionaries', dir], { input });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /CAMEO\.mine\.txt: verbs: 3 verbs, 1 patterns.*3 lines read past, first .*CAMEO\.mine\.txt:3: code 999 is not in the CAMEO table; kept as given/);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; events: Record<string, unknown>[] });
  const pick = (e: Record<string, unknown>) => [e.source, e.target, e.code, e.root, e.goldstein, e.quad, e.plover];
  assert.deepEqual(out.map((o) => [o.id, o.events.map(pick)]), [
    ['kept', [['RUS', 'UKR', '999', '99', null, null, null]]],
    ['four', [['RUS', 'UKR', '2231', '22', null, null, null]]],
    ['extension', [['RUS', 'UKR', '1952', '19', null, 4, null]]],
  ]);
  // the same sentences with the built-in dictionaries: every code scored
  const b = entente(['code', '-', '--quiet'], { input });
  for (const l of b.stdout.trim().split('\n')) for (const e of (JSON.parse(l) as Out & { events: { goldstein: unknown }[] }).events) assert.equal(typeof e.goldstein, 'number');
});

test('code: a malformed dictionary fails naming the file and line; a folder without dictionaries is a usage error', (t) => {
  const dir = tmp(t);
  writeFileSync(join(dir, 'CAMEO.mine.txt'), '- * + [111]\n---  SCOLD   [111]  ---\nSCOLD\n');
  let r = entente(['code', '-', '--dictionaries', dir], { input: '{"id":1,"text":"Freedonia scolded Sylvania."}\n' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /CAMEO\.mine\.txt:1\].*pattern outside a verb block/);
  writeFileSync(join(dir, 'CAMEO.mine.txt'), 'SCOLD\n');
  r = entente(['code', '-', '--dictionaries', dir], { input: '{"id":1,"text":"x"}\n' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /CAMEO\.mine\.txt:1\].*line not understood/);
  const empty = join(dir, 'empty');
  mkdirSync(empty);
  r = entente(['code', '-', '--dictionaries', empty], { input: '{"id":1,"text":"x"}\n' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /holds no PETRARCH-2 dictionary/);
});

test('code: bad lines are reported with their line number and the run goes on', () => {
  const input = [
    JSON.stringify({ id: 'a', date: '2015-06-10', text: 'Chile praised Peru.' }),
    '{"id": "b", "text": ',
    JSON.stringify({ id: 'c', text: '' }),
    '',
    JSON.stringify({ text: 'Chile praised Peru.' }),
    JSON.stringify({ id: 'd', date: 'someday', text: 'Chile praised Peru.' }),
    JSON.stringify({ id: 7, date: '20150610', text: 'Peru praised Chile.' }), // PETRARCH's own date form
  ].join('\n');
  const r = entente(['code', '-'], { input });
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stderr, /stdin:2: not JSON/);
  assert.match(r.stderr, /stdin:3: "text" must be a non-empty string/);
  assert.match(r.stderr, /stdin:5: "id" must be a string or a number/);
  assert.match(r.stderr, /stdin:6: "date" must be a date/);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Out);
  assert.deepEqual(out.map((o) => o.id), ['a', 7]);
  assert.deepEqual(out.map((o) => o.events.map((e) => `${e.source}>${e.target}:${e.code}`)), [['CHL>PER:051'], ['PER>CHL:051']]);
});

test('code: a file with a byte-order mark and CRLF line ends is read like any other', (t) => {
  const file = join(tmp(t), 'bom.jsonl');
  writeFileSync(file, '\uFEFF' + [{ id: 1, text: 'Chile praised Peru.' }, { id: 2, text: 'Peru praised Chile.' }].map((x) => JSON.stringify(x)).join('\r\n') + '\r\n');
  const r = entente(['code', file, '--quiet']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as Out).events.map((e) => `${e.source}>${e.target}`)), [['CHL>PER'], ['PER>CHL']]);
});

test('code: --help describes the command and --dictionaries', () => {
  const r = entente(['code', '--help']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /entente code/);
  assert.match(r.stdout, /--dictionaries/);
});
