/**
 * PETRARCH-2's validation dictionaries and records (issue 16) through `entente code
 * --dictionaries`, and the scorer of `scripts/score-petrarch-validate.ts`. The real files are not
 * in the repository: set ENTENTE_PETR_VALIDATE to a folder holding PETR.UnitTest.records.xml and
 * the PETR.Validate.* dictionaries (see the script's header); without it that test skips.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { environmentFiles, matchKey, parseRecords, scoreRecord } from '../../scripts/score-petrarch-validate.js';
import { loadEventDictionary } from '../../src/events/dictionary.js';
import { entente } from '../cli/_run.js';

test('petrarch validate: records are read outside comments, with require_dyad as the records set it', () => {
  // a record file of our own in PETRARCH's layout
  const xml = `<Validation><Environment><Verbfile>my.verbs.txt</Verbfile><Actorfile>my.actors.txt</Actorfile></Environment>
<!-- <Sentence date="20010101" id="GONE-1" category="X"><Text>Hidden.</Text></Sentence> -->
<Sentence date = "19990102" id ="A-1" category="DEMO" sentence="true">
<EventCoding sourcecode="FREGOV" targetcode="SYL" eventcode="111"></EventCoding>
<EventCoding sourcecode='"SOME CROWD"' targetcode="SYL" eventcode="223"></EventCoding>
<Text>Freedonia scolded
  Sylvania.</Text></Sentence>
<Config option="require_dyad" value="FALSE"></Config>
<Sentence date="19990103" id="A-2" category="VERB"><EventCoding noevents = "True"></EventCoding><Text>Nothing.</Text></Sentence></Validation>`;
  assert.deepEqual(environmentFiles(xml), ['my.verbs.txt', 'my.actors.txt']);
  assert.deepEqual(parseRecords(xml), [
    { id: 'A-1', category: 'DEMO', date: '1999-01-02', text: 'Freedonia scolded Sylvania.', requireDyad: true,
      expected: [{ source: 'FREGOV', target: 'SYL', code: '111' }, { source: '"SOME CROWD"', target: 'SYL', code: '223' }] },
    { id: 'A-2', category: 'VERB', date: '1999-01-03', text: 'Nothing.', requireDyad: false, expected: [] },
  ]);
});

test('petrarch validate: coarse matching compares 3-letter actor codes and the 2-digit root, each event once', () => {
  const x = { source: 'FREGOV', target: 'SYLMIL', code: '1121' };
  assert.equal(matchKey(x, 'coarse'), 'FRE|SYL|11');
  const s = scoreRecord([x, x], [{ source: 'FRE', target: 'SYL', code: '112' }, { source: 'FRE', target: 'SYL', code: '190' }], 'coarse');
  assert.deepEqual([s.tp, s.produced, s.expected, s.misses.length, s.extra.map((e) => e.code)], [1, 2, 2, 1, ['190']]);
  assert.equal(scoreRecord([x], [{ source: 'FRE', target: 'SYL', code: '112' }], 'strict').tp, 0);
});

test('petrarch validate: PETRARCH-2\'s own validation dictionaries load, and their codes outside CAMEO come out unscored', (t) => {
  const dir = process.env.ENTENTE_PETR_VALIDATE;
  if (!dir || !existsSync(join(dir, 'PETR.UnitTest.records.xml'))) {
    t.skip('ENTENTE_PETR_VALIDATE is not a folder with PETR.UnitTest.records.xml and the PETR.Validate.* dictionaries (openeventdata/petrarch2): not tested');
    return;
  }
  const xml = readFileSync(join(dir, 'PETR.UnitTest.records.xml'), 'utf8');
  const records = parseRecords(xml);
  assert.equal(records.length, 284);
  assert.equal(records.reduce((n, r) => n + r.expected.length, 0), 359);
  const work = mkdtempSync(join(tmpdir(), 'entente-petr-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  const dicts = join(work, 'dicts');
  mkdirSync(dicts);
  for (const f of environmentFiles(xml)) copyFileSync(join(dir, f), join(dicts, f));
  const input = join(work, 'in.jsonl');
  writeFileSync(input, records.map((r) => JSON.stringify({ id: r.id, date: r.date, text: r.text })).join('\n') + '\n');
  const r = entente(['code', input, '--dictionaries', resolve(dicts)]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /PETR\.Validate\.verbs\.txt: verbs: \d+ verbs/);
  const cameo = loadEventDictionary().cameo;
  const events = r.stdout.trim().split('\n').flatMap((l) => (JSON.parse(l) as { events: { code: string; goldstein: number | null; plover: string | null }[] }).events);
  const outside = events.filter((e) => !cameo.has(e.code));
  assert.ok(outside.length > 0, 'the validation verbs code some events outside CAMEO');
  for (const e of outside) assert.deepEqual([e.goldstein, e.plover], [null, null], e.code);
  for (const e of events.filter((e) => cameo.has(e.code))) assert.equal(e.goldstein, cameo.get(e.code)!.goldstein, e.code);
});
