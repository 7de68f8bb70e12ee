import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { entente } from './_run.js';
import { article, eventStore } from './_event-store.js';
import { openSqliteStore } from '../../src/store/sqlite.js';

let dir: string;
let db: string;
before(async () => ({ dir, db } = await eventStore()));
after(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => entente([...args, '--db', db]);

function jsonLines(out: string): Record<string, any>[] {
  return out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

test('cli events: date order, negated left out unless asked, filters by dyad, code, quad, date', () => {
  const all = run(['events', '--format', 'json']);
  assert.equal(all.status, 0, all.stderr);
  const rows = jsonLines(all.stdout);
  assert.deepEqual(rows.map((r) => `${r.date} ${r.sourceCountry}>${r.targetCountry} ${r.code}`), [
    '2021-03-23 RUS>EU 112', '2021-03-23 CHN>RUS 051', '2021-03-23 RUS>EU 112', '2021-03-24 EU>RUS 163', '2021-04-12 RUS>EU 057',
  ]);
  assert.equal(rows[0].outlet, 'Wire One');
  assert.match(rows[0].sentence, /^Russia accused the European Union of meddling/);
  assert.equal(jsonLines(run(['events', '--format', 'json', '--negated']).stdout).length, 6);
  assert.equal(jsonLines(run(['events', '--format', 'json', '--dyad', 'RUS,EU']).stdout).length, 3);
  assert.equal(jsonLines(run(['events', '--format', 'json', '--code', '16']).stdout).length, 1);
  assert.equal(jsonLines(run(['events', '--format', 'json', '--quad', '1']).stdout).length, 2);
  assert.equal(jsonLines(run(['events', '--format', 'json', '--plover', 'agree']).stdout).length, 1);
  assert.equal(jsonLines(run(['events', '--format', 'json', '--from', '2021-03-24', '--to', '2021-03-31']).stdout).length, 1);
  assert.equal(jsonLines(run(['events', '--format', 'json', '--source', 'CHN']).stdout).length, 1);
  assert.equal(jsonLines(run(['events', '--format', 'json', '--limit', '2']).stdout).length, 2);
  const table = run(['events']);
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /^date\s+source\s+target\s+code/);
  assert.match(table.stdout, /2021-03-24\s+IGOEUREEC\s+RUSGOV\s+163\s+SANCTION\s+4\s+-8\s+Wire Two\s+The European Union sanctioned Russia/);
  const csv = run(['events', '--format', 'csv']);
  assert.equal(csv.stdout.split('\r\n').length, 7, 'header, five rows, and the final CRLF');
  assert.match(csv.stdout, /"Russia accused the European Union of ""hostile, destructive"" moves on Tuesday."/);
});

test('cli relations: top dyads count an event reported twice once, with two sources', () => {
  const r = run(['relations', '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const rows = jsonLines(r.stdout);
  assert.deepEqual(rows.map((x) => `${x.source}>${x.target}:${x.events}`), ['RUS>EU:2', 'CHN>RUS:1', 'EU>RUS:1']);
  const top = rows[0];
  assert.equal(top.sources, 2);
  assert.deepEqual(top.quad, [1, 0, 1, 0]);
  assert.equal(top.goldsteinMean, 3);
  assert.equal(top.first, '2021-03-23');
  assert.equal(top.last, '2021-04-12');
  assert.equal(top.trend, 10, 'monthly mean from -2 in March to 8 in April');
  const und = jsonLines(run(['relations', '--format', 'json', '--undirected']).stdout);
  assert.deepEqual(und.map((x) => `${x.source}-${x.target}:${x.events}`), ['EU-RUS:3', 'CHN-RUS:1']);
  const march = jsonLines(run(['relations', '--format', 'json', '--year', '2021', '--limit', '1']).stdout);
  assert.equal(march.length, 1);
  const table = run(['relations']);
  assert.match(table.stdout, /^source\s+target\s+events\s+q1\s+q2\s+q3\s+q4\s+mean\s+sum\s+sources\s+first\s+last\s+trend/);
  assert.match(table.stdout, /\nRUS\s+EU\s+2\s+1\s+0\s+1\s+0\s+3\s+6\s+2\s+2021-03-23\s+2021-04-12\s+10\n/);
});

test('cli relations: a dyad as a series per period, and an actor\'s partners', () => {
  const series = jsonLines(run(['relations', '--dyad', 'RUS,EU', '--period', 'week', '--undirected', '--format', 'json']).stdout);
  assert.deepEqual(series.map((x) => [x.source, x.target, x.period, x.events, x.goldsteinMean]), [
    ['EU', 'RUS', '2021-W12', 2, -5],
    ['EU', 'RUS', '2021-W15', 1, 8],
  ]);
  const days = jsonLines(run(['relations', '--dyad', 'RUS,EU', '--period', 'day', '--format', 'json']).stdout);
  assert.deepEqual(days.map((x) => x.period), ['2021-03-23', '2021-04-12']);
  const partners = jsonLines(run(['relations', '--actor', 'RUS', '--format', 'json']).stdout);
  assert.deepEqual(partners.map((x) => [x.partner, x.events, x.sent, x.received]), [['EU', 3, 2, 1], ['CHN', 1, 0, 1]]);
  const csv = run(['relations', '--actor', 'RUS', '--format', 'csv']);
  assert.equal(csv.stdout.split('\r\n')[0], 'actor,partner,events,sent,received,q1,q2,q3,q4,goldsteinMean,goldsteinSum,sources,first,last,trend');
});

test('cli: bad flags are usage errors (exit 2) naming the flag', () => {
  const cases: [string[], RegExp][] = [
    [['relations', '--dyad', 'RUS'], /--dyad must be two codes separated by a comma/],
    [['relations', '--period', 'year', '--dyad', 'RUS,EU'], /--period must be day, week or month; got "year"/],
    [['relations', '--year', '87'], /--year must be four digits/],
    [['relations', '--year', '1987', '--from', '1987-02-01'], /--year cannot be combined/],
    [['relations', '--actor', 'RUS', '--dyad', 'RUS,EU'], /--dyad and --actor/],
    [['relations', '--limit', '0'], /--limit must be a positive whole number/],
    [['relations', '--format', 'xml'], /--format must be one of table, json, csv; got "xml"/],
    [['events', '--quad', '5'], /--quad must be 1, 2, 3 or 4/],
    [['events', '--from', '2021-02-30'], /--from must be a day as YYYY-MM-DD/],
    [['events', '--from', '2021-03-02', '--to', '2021-03-01'], /--from 2021-03-02 is after --to 2021-03-01/],
    [['events', '--code', 'ab'], /--code must be a CAMEO code/],
    [['events', '--form', '2021-01-01'], /unknown option --form/],
    [['export', '--format', 'gdelt'], /Missing required argument: --out/],
    [['export', '--format', 'json', '--out', join(dir, 'x')], /--format must be one of gdelt, plover, csv/],
    [['export', '--format', 'csv', '--out', join(dir, 'no', 'such', 'x.csv')], /--out: folder .* does not exist/],
  ];
  for (const [args, message] of cases) {
    const r = run(args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message, args.join(' '));
  }
});

test('cli export: gdelt writes the events table and the mentions table beside it', () => {
  const out = join(dir, 'gdelt.tsv');
  const r = run(['export', '--format', 'gdelt', '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /wrote 4 events to .*gdelt\.tsv, 5 mentions to .*gdelt\.mentions\.tsv/);
  const events = readFileSync(out, 'utf8').trim().split('\n').map((l) => l.split('\t'));
  assert.equal(events[0].length, 61);
  assert.equal(events[0][0], 'GLOBALEVENTID');
  assert.equal(events.length, 5);
  const mentions = readFileSync(join(dir, 'gdelt.mentions.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
  assert.equal(mentions.length, 6);
  const accusation = events.find((e) => e[events[0].indexOf('EventCode')] === '112')!;
  assert.equal(accusation[events[0].indexOf('NumArticles')], '2');
  const id = accusation[0];
  const its = mentions.filter((m) => m[0] === id);
  assert.deepEqual(its.map((m) => m[mentions[0].indexOf('MentionSourceName')]), ['Wire One', 'Wire Two']);
  assert.deepEqual(its.map((m) => m[mentions[0].indexOf('ActionCharOffset')]), ['7', '7']);
  assert.ok(!readdirSync(dir).some((f) => f.includes('.tmp-')), 'no temporary file left');
});

test('cli export: plover lines and csv rows', () => {
  const plover = join(dir, 'events.jsonl');
  const r = run(['export', '--format', 'plover', '--out', plover]);
  assert.equal(r.status, 0, r.stderr);
  const records = jsonLines(readFileSync(plover, 'utf8'));
  assert.deepEqual(records.map((x) => x.event).sort(), ['ACCUSE', 'AGREE', 'SANCTION', 'SUPPORT']);
  for (const x of records) for (const f of ['id', 'date', 'actor', 'event']) assert.ok(x[f], `${f} in ${JSON.stringify(x)}`);
  const csv = join(dir, 'events.csv');
  assert.equal(run(['export', '--format', 'csv', '--out', csv, '--dyad', 'RUS,EU']).status, 0);
  assert.equal(readFileSync(csv, 'utf8').split('\r\n').length, 5, 'header, three mentions, final CRLF');
});

test('cli export: plover leaves out undated events and says so; a failing run leaves no file', async () => {
  const bad = join(dir, 'undated.db');
  const store = openSqliteStore(bad);
  await store.putArticle(article('four.txt', 'Wire Two', '2021-05-01', 'China accused Ukraine of lying, officials said. The quarrel went on for days.', [
    { sentence: 0, source: 'CHN', target: 'UKR', verb: 'accused', code: '112', plover: 'ACCUSE', goldstein: -2, quad: 3 },
  ]));
  await store.close();
  const out = join(dir, 'undated.jsonl');
  const r = entente(['export', '--format', 'plover', '--out', out, '--db', bad]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /wrote 0 PLOVER records .*\(events left out: 1 without a date\)/);
  assert.equal(readFileSync(out, 'utf8'), '');
  // a store file that is not SQLite fails the run after --out was checked
  const notDb = join(dir, 'not-a-db.db');
  writeFileSync(notDb, 'plain text, not a database');
  const failed = join(dir, 'failed.tsv');
  const f = entente(['export', '--format', 'gdelt', '--out', failed, '--db', notDb]);
  assert.equal(f.status, 5, f.stderr);
  assert.ok(!readdirSync(dir).some((x) => x.startsWith('failed')), readdirSync(dir).join(' '));
});

for (const c of ['events', 'relations', 'export']) {
  test(`cli: entente ${c} --help describes the command and its options`, () => {
    const r = entente([c, '--help']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`USAGE entente ${c}`));
    assert.match(r.stdout, /--format/);
  });
}
