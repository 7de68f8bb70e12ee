import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import {
  CSV_COLUMNS, GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, PloverRecordError, eventGroups, ploverRecord,
  validatePloverRecord, writeCsv, writeGdelt, writePlover,
} from '../../../src/events/export/index.js';
import type { StoredEvent } from '../../../src/store/types.js';
import { ev } from '../../relations/_events.js';
import { parseCsv } from './_csv.js';

/** A Writable that keeps what it got, slowly and with a tiny buffer, so writers must wait for 'drain'. */
function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    highWaterMark: 16,
    write(chunk, _enc, done) { chunks.push(String(chunk)); setImmediate(done); },
  }) as Writable & { text: () => string };
  w.text = () => chunks.join('');
  return w;
}

const SENTENCE = 'Moscow accused the European Union of "hostile, destructive" steps.';

/** RUS→EU accusation as coded in an article whose sentence starts at offset 100. */
function accusation(articleId: string, outlet: string | undefined, over: Partial<StoredEvent> = {}): StoredEvent {
  const e = ev('RUSGOV', 'IGOEUREEC', '112', '2021-03-23', {
    goldstein: -2, quad: 3, articleId, outlet, sourceCountry: 'RUS', targetCountry: 'EU', target: 'IGOEUREEC',
    plover: 'ACCUSE', sentence: SENTENCE, url: outlet ? `https://${outlet.toLowerCase()}.example/${articleId}` : undefined,
    articleDate: '2021-03-24', ...over,
  });
  e.group = 'RUS>EU:112@2021-03-23';
  const c = e.event;
  c.source = { ...c.source, code: 'RUSGOV', country: 'RUS', name: 'Russia', span: { start: 100, end: 106 }, via: 'metonym' };
  c.target = { code: 'IGOEUREEC', country: 'EU', actor: 'org/eu', name: 'European Union', span: { start: 119, end: 133 }, via: 'name' };
  c.sources = ['RUSGOV'];
  c.targets = ['IGOEUREEC'];
  c.start = 107;
  c.end = 114;
  c.sentence = 3;
  c.sentenceSpan = { start: 100, end: 100 + SENTENCE.length };
  c.plover = { event: 'ACCUSE', mode: null, context: ['diplomatic'] };
  return e;
}

function events(): StoredEvent[] {
  const praise = ev('CHN', 'RUS', '051', '2021-03-23', { goldstein: 3.4, quad: 1, articleId: 'a3', sentence: 'China praised Russia.' });
  praise.event.sentenceSpan = { start: 0, end: 21 };
  praise.event.start = 6;
  praise.event.end = 13;
  praise.event.sentence = 0;
  praise.event.plover = { event: 'SUPPORT', mode: null, context: [] };
  return [accusation('a1', 'Reuters'), accusation('a2', 'TASS'), accusation('a4', 'Reuters'), praise];
}

function table(text: string): string[][] {
  assert.ok(text.endsWith('\n'));
  return text.slice(0, -1).split('\n').map((l) => l.split('\t'));
}

test('gdelt: 61 event columns and 16 mention columns, one event row per group, one mention row per article', async () => {
  assert.equal(GDELT_EVENT_COLUMNS.length, 61);
  assert.equal(GDELT_MENTION_COLUMNS.length, 16);
  const out = { events: sink(), mentions: sink() };
  assert.deepEqual(await writeGdelt(events(), out), { events: 2, mentions: 4 });
  const [head, ...rows] = table(out.events.text());
  assert.deepEqual(head, [...GDELT_EVENT_COLUMNS]);
  assert.equal(rows.length, 2);
  for (const r of rows) assert.equal(r.length, 61);
  const at = (r: string[], c: string) => r[head.indexOf(c)];
  const acc = rows.find((r) => at(r, 'EventCode') === '112')!;
  assert.equal(at(acc, 'SQLDATE'), '20210323');
  assert.equal(at(acc, 'MonthYear'), '202103');
  assert.equal(at(acc, 'FractionDate'), (2021 + 81 / 365).toFixed(4));
  assert.equal(at(acc, 'Actor1Code'), 'RUSGOV');
  assert.equal(at(acc, 'Actor1CountryCode'), 'RUS');
  assert.equal(at(acc, 'Actor1Type1Code'), 'GOV');
  assert.equal(at(acc, 'Actor2CountryCode'), '');
  assert.equal(at(acc, 'Actor2KnownGroupCode'), 'EU');
  assert.equal(at(acc, 'EventRootCode'), '11');
  assert.equal(at(acc, 'QuadClass'), '3');
  assert.equal(at(acc, 'GoldsteinScale'), '-2');
  assert.equal(at(acc, 'NumMentions'), '3');
  assert.equal(at(acc, 'NumSources'), '2');
  assert.equal(at(acc, 'NumArticles'), '3');
  assert.equal(at(acc, 'IsRootEvent'), '0');
  assert.equal(at(acc, 'AvgTone'), '');
  assert.equal(at(acc, 'SOURCEURL'), 'https://reuters.example/a1');
  const praise = rows.find((r) => at(r, 'EventCode') === '051')!;
  assert.equal(at(praise, 'IsRootEvent'), '1');
  assert.equal(at(praise, 'NumSources'), '1', 'no outlet: the article counts as its source');

  const [mhead, ...mrows] = table(out.mentions.text()) as [string[], ...string[][]];
  assert.deepEqual(mhead, [...GDELT_MENTION_COLUMNS]);
  const m = (r: string[], c: string) => r[(mhead as string[]).indexOf(c)];
  const accMentions = mrows.filter((r) => m(r, 'GLOBALEVENTID') === at(acc, 'GLOBALEVENTID'));
  assert.deepEqual(accMentions.map((r) => m(r, 'MentionSourceName')), ['Reuters', 'TASS', 'Reuters']);
  const first = accMentions[0];
  assert.equal(m(first, 'EventTimeDate'), '20210323000000');
  assert.equal(m(first, 'MentionTimeDate'), '20210324000000');
  assert.equal(m(first, 'MentionType'), '1');
  assert.equal(m(first, 'SentenceID'), '4');
  assert.deepEqual([m(first, 'Actor1CharOffset'), m(first, 'Actor2CharOffset'), m(first, 'ActionCharOffset')], ['100', '119', '107']);
  assert.equal(m(first, 'Confidence'), '90');
  const noUrl = mrows.find((r) => m(r, 'GLOBALEVENTID') === at(praise, 'GLOBALEVENTID'))!;
  assert.equal(m(noUrl, 'MentionType'), '2');
  assert.equal(m(noUrl, 'MentionIdentifier'), 'entente:a3');
});

test('eventGroups: refuses events out of date order rather than splitting a group', async () => {
  const late = accusation('a1', 'X');
  const early = ev('RUS', 'UKR', '190', '2021-03-01', { goldstein: -10, quad: 4 });
  await assert.rejects(async () => { for await (const _ of eventGroups([late, early])) void _; }, /date order.*2021-03-01 after 2021-03-23/);
});

test('csv: a header and one row per mention; commas, quotes and line breaks survive quoting', async () => {
  const list = events();
  list[1].sentence = 'Line one,\r\nline "two".';
  const out = sink();
  assert.deepEqual(await writeCsv(list, out), { rows: 4 });
  const rows = parseCsv(out.text());
  assert.deepEqual(rows[0], [...CSV_COLUMNS]);
  assert.equal(rows.length, 5);
  for (const r of rows) assert.equal(r.length, CSV_COLUMNS.length);
  const col = (r: string[], c: string) => r[rows[0].indexOf(c)];
  assert.equal(col(rows[1], 'sentence'), SENTENCE);
  assert.equal(col(rows[1], 'trigger'), 'accused');
  assert.equal(col(rows[2], 'sentence'), 'Line one,\r\nline "two".');
  assert.equal(col(rows[1], 'event'), 'RUS>EU:112@2021-03-23');
  assert.equal(col(rows[4], 'target_country'), 'RUS');
});

test('plover: one valid record per event group, compounds as actor lists written once', async () => {
  const hun = ev('HUN', 'EU', '057', '2021-03-23', { goldstein: 8, quad: 1, articleId: 'a9', sentence: 'Hungary and Slovakia signed a deal with the EU.' });
  const svk = ev('SVK', 'EU', '057', '2021-03-23', { goldstein: 8, quad: 1, articleId: 'a9', index: 1, sentence: hun.sentence });
  for (const e of [hun, svk]) {
    Object.assign(e.event, { sources: ['HUN', 'SVK'], targets: ['EU'], start: 21, end: 27, sentenceSpan: { start: 0, end: hun.sentence.length } });
    e.event.plover = { event: 'AGREE', mode: null, context: [] };
    e.event.modality = 'future';
    e.modality = 'future';
  }
  const comment = ev('RUS', 'EU', '010', '2021-03-23', { goldstein: 0, quad: 1 });
  const out = sink();
  const result = await writePlover([...events(), hun, svk, comment], out);
  assert.deepEqual(result, { records: 3, notPlover: 1, undated: 0 });
  const records = out.text().trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
  const acc = records.find((r) => r.event === 'ACCUSE')!;
  assert.equal(acc.id, 'RUS>EU:112@2021-03-23');
  assert.equal(acc.date, '2021-03-23');
  assert.deepEqual(acc.actor, [{ code: 'RUSGOV', entity_text: 'Russia' }]);
  assert.deepEqual(acc.recipient, [{ code: 'IGOEUREEC', entity_text: 'European Union' }]);
  assert.deepEqual(acc.context, ['diplomatic']);
  assert.equal(acc.event_text, 'accused');
  assert.match(acc.comment, /3 mention\(s\) in 3 article\(s\) from 2 source\(s\)/);
  const deal = records.find((r) => r.event === 'AGREE')!;
  assert.deepEqual(deal.actor.map((a: { code: string }) => a.code), ['HUN', 'SVK']);
  assert.equal(deal.mode, 'future');
});

test('plover: undated events are left out and counted; a record without a required field fails, naming the record and the field', async () => {
  const undated = accusation('a1', 'Reuters');
  delete undated.date;
  undated.group = 'RUS>EU:112@';
  const out = sink();
  assert.deepEqual(await writePlover([undated, accusation('a2', 'TASS')], out), { records: 1, notPlover: 0, undated: 1 });
  assert.throws(() => validatePloverRecord(ploverRecord([undated])!), (e: Error) => {
    assert.ok(e instanceof PloverRecordError);
    assert.match(e.message, /PLOVER record RUS>EU:112@: required field "date" is missing/);
    return true;
  });
  const r = ploverRecord([accusation('a1', 'Reuters')])!;
  validatePloverRecord(r);
  assert.throws(() => validatePloverRecord({ ...r, actor: [] }), /required field "actor"/);
  assert.throws(() => validatePloverRecord({ ...r, dyad: 'x' }), /field "dyad" is not in the PLOVER codebook/);
  assert.throws(() => validatePloverRecord({ ...r, actor: [{ code: 'RUS', country: 'RUS' }] }), /actor\.country is not in the PLOVER codebook/);
});
