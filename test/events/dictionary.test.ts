import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataFileError } from '../../src/model/errors.js';
import { cameoName, goldstein, loadEventDictionary, quadClass, toPlover } from '../../src/events/dictionary.js';

const d = loadEventDictionary();

test('events dictionary: all 20 CAMEO roots, with names and quad classes by root', () => {
  const roots = [...d.cameo.values()].filter((c) => c.code.length === 2).map((c) => c.code);
  assert.deepEqual(roots, Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')));
  assert.equal(d.cameo.size, 312);
  const quadRows: [string, number][] = [['010', 1], ['051', 1], ['057', 1], ['061', 2], ['0874', 2], ['090', 3], ['1124', 3], ['139', 3], ['141', 4], ['163', 4], ['190', 4], ['2042', 4]];
  for (const [code, q] of quadRows) assert.equal(quadClass(code), q, code);
  assert.equal(cameoName('042'), 'Make a visit');
  assert.equal(cameoName('999'), undefined);
});

test('events dictionary: Goldstein scores (ICEWS values where GDELT differs)', () => {
  const rows: [string, number][] = [['190', -10], ['051', 3.4], ['010', 0], ['042', 1.9], ['163', -8], ['016', -5], ['022', 3.4], ['164', -6.5], ['165', -7], ['070', 7], ['2042', -10]];
  for (const [code, g] of rows) assert.equal(goldstein(code), g, code);
  // every built-in code has a score (only a user dictionary's code outside CAMEO has none)
  for (const c of d.cameo.values()) assert.ok(c.goldstein !== null && c.goldstein >= -10 && c.goldstein <= 10 && c.quad !== null, c.code);
});

test('events dictionary: CAMEO → PLOVER for sample codes, none for 01x/02x', () => {
  const rows: [string, ReturnType<typeof toPlover>][] = [
    ['042', { event: 'CONSULT', mode: 'visit', context: [] }],
    ['0333', { event: 'AGREE', mode: null, context: ['human_security'] }],
    ['0842', { event: 'RETREAT', mode: 'release', context: ['legal'] }],
    ['1121', { event: 'ACCUSE', mode: 'allege', context: ['crime', 'corruption'] }],
    ['163', { event: 'SANCTION', mode: 'discontinue', context: ['economic'] }],
    ['175', { event: 'ASSAULT', mode: null, context: ['repression'] }],
    ['186', { event: 'ASSAULT', mode: 'targeted', context: [] }],
    ['191', { event: 'COERCE', mode: 'restrict', context: ['military'] }],
    ['201', { event: 'COERCE', mode: 'deport', context: ['religion_ethnicity'] }],
    ['202', { event: 'ASSAULT', mode: 'unconventional', context: ['religion_ethnicity'] }],
    ['18', { event: 'ASSAULT', mode: null, context: [] }],
    ['010', undefined], ['0256', undefined], ['1214', undefined],
  ];
  for (const [code, want] of rows) assert.deepEqual(toPlover(code), want, code);
  for (const c of d.cameo.values()) if (Number(c.root) >= 3) assert.ok(toPlover(c.code), `${c.code} has no PLOVER coding`);
  assert.deepEqual(d.plover.legacy.get('INVESTIGATE'), { event: 'ACCUSE', mode: 'investigate' });
  assert.equal(d.plover.events.size, 16);
  assert.equal(d.plover.events.get('SANCTION')?.quad, 4);
});

test('events dictionary: every flagged row of cameo2plover-2021.csv has a written resolution', (t) => {
  const expected = ['0333', '073', '0811', '0812', '082', '0842', '085', '0863', '1033', '1214', '1223', '132', '1321', '1322', '1623', '163', '1712', '1722', '191', '192', '185', '186', '175', '201', '200', '202', '203'];
  assert.deepEqual([...new Set(d.resolutions.map((r) => r.code))], expected);
  for (const r of d.resolutions) assert.ok(r.decision.length > 0 && r.why.length > 20, `${r.code} ${r.flag}`);
  const csv = path.resolve('../shared/ontology/plover/cameo2plover-2021.csv');
  if (!existsSync(csv)) return t.skip(`../shared absent: ${csv} not found`);
  for (const line of readFileSync(csv, 'utf8').split('\n').slice(1)) {
    const cells = line.split(',');
    const [code, sourceLine, flags] = [cells[0], cells[cells.length - 2], cells[cells.length - 1]];
    for (const flag of (flags ?? '').split(/\s+/).filter(Boolean)) {
      assert.ok(d.resolutions.some((r) => r.code === code && r.flag === flag && r.line === Number(sourceLine)), `${code} line ${sourceLine} ${flag}`);
    }
  }
});

test('events dictionary: verb patterns have unique ids, known codes and the entente set', () => {
  const ids = new Set(d.patterns.map((p) => p.id));
  assert.equal(ids.size, d.patterns.length);
  const en = d.patterns.filter((p) => p.id.startsWith('en:'));
  assert.ok(en.length >= 30 && en.length <= 200, `${en.length} entente patterns`);
  assert.ok(d.patterns.filter((p) => p.id.startsWith('p2:')).length > 4000);
  assert.deepEqual(d.patterns.find((p) => p.id === 'en:impose-sanctions-on')?.code, '163');
  assert.ok(d.patterns.find((p) => p.id === 'p2:042:1')?.tokens.includes('*'));
  assert.ok(d.synsets.get('&currency')?.includes('dollars'));
  assert.ok(d.verbs.some((v) => v.lemma === 'ask for' && v.forms.includes('asked for')));
  assert.throws(() => (d.cameo as Map<string, unknown>).set('x', 1), TypeError);
  assert.ok(Object.isFrozen(d.patterns[0]));
});

/** Copy data/events to a temp dir, apply `edit` to one file, and expect a DataFileError naming it. */
function expectBad(file: string, edit: (json: Record<string, unknown[]>) => void, message: RegExp): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-events-'));
  try {
    cpSync(path.resolve('data/events'), dir, { recursive: true });
    const p = path.join(dir, file);
    const json = JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown[]>;
    edit(json);
    writeFileSync(p, JSON.stringify(json));
    assert.throws(() => loadEventDictionary(dir), (err: unknown) => {
      assert.ok(err instanceof DataFileError, String(err));
      assert.ok(err.message.includes(p), err.message);
      assert.match(err.message, message);
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('events dictionary: bad files are DataFileErrors naming file and entry', () => {
  type Row = Record<string, unknown>;
  expectBad('cameo.json', (j) => { (j.codes[5] as Row).goldstein = 11; }, /codes\[5\] "014".*\[-10, 10\]/);
  expectBad('cameo.json', (j) => { (j.codes[5] as Row).quad = 5; }, /quad class must be 1-4/);
  expectBad('cameo.json', (j) => { j.codes.push(j.codes[0]); }, /duplicate code/);
  expectBad('cameo-plover.json', (j) => { (j.mappings[0] as Row).event = 'HUG'; }, /unknown PLOVER event "HUG"/);
  expectBad('cameo-plover.json', (j) => { (j.mappings[0] as Row).context = ['humanitarian']; }, /unknown PLOVER context "humanitarian"/);
  expectBad('cameo-plover.json', (j) => { (j.mappings[0] as Row).code = '1214'; }, /unknown CAMEO code "1214"/);
  expectBad('verbs-entente.json', (j) => { (j.patterns[1] as Row).id = (j.patterns[0] as Row).id; }, /duplicate id/);
  expectBad('verbs-entente.json', (j) => { (j.patterns[0] as Row).code = '176'; }, /patterns\[0\] "en:accuse-of".*unknown CAMEO code "176"/);
  expectBad('verbs.json', (j) => { (j.patterns[0] as Row).tokens = ['*', '&nosuch']; }, /undefined synset &nosuch/);
  expectBad('plover.json', (j) => { ((j.events[0] as Row).modes as unknown[]).push({ name: 'x', score: 12 }); }, /\[-10, 10\]/);
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-events-'));
  try {
    assert.throws(() => loadEventDictionary(dir), (err: unknown) => err instanceof DataFileError && err.message.includes(path.join(dir, 'cameo.json')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
