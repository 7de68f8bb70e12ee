import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataFileError } from '../../src/model/errors.js';
import { dataPath } from '../../src/data/read.js';
import { loadDateWords } from '../../src/events/date-words.js';
import { eventDates, resolveEventDate, type DateOptions } from '../../src/events/when.js';
import { analyze } from '../../src/pipeline/index.js';
import type { Article } from '../../src/model/article.js';

/** [sentence, article date, expected date, the words that gave it, precision, options] */
type Row = [string, string | undefined, string, string, string, DateOptions?];

function resolve(sentence: string, articleDate: string | undefined, options?: DateOptions) {
  // the sentence sits after other text, so offsets are checked as offsets into the article
  const lead = 'An earlier sentence on Friday. ';
  const text = lead + sentence + ' A later one on Sunday.';
  const got = resolveEventDate(text, { start: lead.length, end: lead.length + sentence.length }, articleDate, options && options.trigger ? { ...options, trigger: { start: options.trigger.start + lead.length, end: options.trigger.end + lead.length } } : options);
  return got && { date: got.date, words: text.slice(got.span.start, got.span.end), precision: got.precision, by: got.by };
}

const TWO_DATES = 'Officials said on Monday that troops attacked on Sunday.';
const at = (s: string, word: string) => ({ start: s.indexOf(word), end: s.indexOf(word) + word.length });

const rows: Row[] = [
  // the seeds' three cases
  ['Rockets hit the city on Christmas day, killing two.', '2022-12-27', '2022-12-25', 'on Christmas day', 'day'],
  ['The ministers met in Brussels last week.', '2022-03-09', '2022-03-02', 'last week', 'week'],
  ['Troops crossed the border in February.', '2022-03-09', '2022-02-01', 'in February', 'month'],
  // weekdays: the latest such day on or before the article's day
  ['The talks opened on Monday.', '2022-12-28', '2022-12-26', 'on Monday', 'day'],
  ['The talks opened on Wednesday.', '2022-12-28', '2022-12-28', 'on Wednesday', 'day'],
  ['The talks opened on Thursday.', '2022-12-28', '2022-12-22', 'on Thursday', 'day'],
  ['Fighting raged from Monday to Wednesday, then paused on Thursday.', '2022-12-30', '2022-12-29', 'on Thursday', 'day'],
  ['Ankara recalled its envoy Saturday.', '2023-01-02', '2022-12-31', 'Saturday', 'day'],
  ["Tuesday's vote split the coalition.", '2023-01-05', '2023-01-03', "Tuesday's", 'day'],
  ['They met last Wednesday.', '2022-12-28', '2022-12-21', 'last Wednesday', 'day'],
  ['They will meet next Wednesday.', '2022-12-28', '2023-01-04', 'next Wednesday', 'day'],
  ['They will meet next Tuesday.', '2022-12-28', '2023-01-03', 'next Tuesday', 'day'],
  // relative days and periods
  ['Seoul protested today.', '2021-06-01T09:30:00Z', '2021-06-01', 'today', 'day'],
  ['Seoul protested yesterday.', '2021-06-01', '2021-05-31', 'yesterday', 'day'],
  ["Yesterday's strike closed the port.", '2021-03-01', '2021-02-28', "Yesterday's", 'day'],
  ['The envoy arrives tomorrow.', '2020-12-31', '2021-01-01', 'tomorrow', 'day'],
  ['The two sides signed the accord last month.', '2022-01-15', '2021-12-01', 'last month', 'month'],
  ['The ministry said earlier this month that it would retaliate.', '2024-03-20', '2024-03-01', 'earlier this month', 'month'],
  ['Inspectors visited the plant this week.', '2024-03-20', '2024-03-20', 'this week', 'week'],
  ['The embassy was closed last year.', '2024-03-20', '2023-01-01', 'last year', 'year'],
  // holidays
  ["Shelling resumed on New Year's Day.", '2023-01-03', '2023-01-01', "on New Year's Day", 'day'],
  ['Shelling resumed on Christmas Eve.', '2023-01-03', '2022-12-24', 'on Christmas Eve', 'day'],
  ['The ceasefire held over Christmas.', '2023-01-03', '2022-12-25', 'over Christmas', 'day'],
  // months: the latest not after the article's month (the next not before it when future: see below)
  ['Troops crossed the border in February.', '2022-01-10', '2021-02-01', 'in February', 'month'],
  ['Troops crossed the border in February.', '2022-02-10', '2022-02-01', 'in February', 'month'],
  ['The army withdrew in mid-February.', '2022-03-10', '2022-02-01', 'in mid-February', 'month'],
  ['The army withdrew in early May.', '2022-03-10', '2021-05-01', 'in early May', 'month'],
  ['The treaty lapsed in March 2019.', undefined, '2019-03-01', 'in March 2019', 'month'],
  // written-out dates
  ['The deal was signed on March 5.', '2022-12-28', '2022-03-05', 'on March 5', 'day'],
  ['The deal was signed on March 5.', '2022-01-28', '2021-03-05', 'on March 5', 'day'],
  ['The deal was signed March 5, 2021, in Geneva.', '2022-12-28', '2021-03-05', 'March 5, 2021', 'day'],
  ['The deal was signed on Friday, March 5, 2021.', '2022-12-28', '2021-03-05', 'on Friday, March 5, 2021', 'day'],
  ['The deal was signed on 5 March.', '2022-12-28', '2022-03-05', 'on 5 March', 'day'],
  ['The deal was signed on the 5th of March 2021.', undefined, '2021-03-05', 'on the 5th of March 2021', 'day'],
  ['The deal was signed on Sept. 30, 2020.', undefined, '2020-09-30', 'on Sept. 30, 2020', 'day'],
  ['The deal was signed on 2021-03-05.', undefined, '2021-03-05', 'on 2021-03-05', 'day'],
  ['The war began in 2014, when rebels seized the east.', '2022-12-28', '2014-01-01', 'in 2014', 'year'],
  ['The war began in late 2014 and spread.', '2022-12-28', '2014-01-01', 'in late 2014', 'year'],
  // the date nearest the event's trigger wins
  [TWO_DATES, '2022-12-28', '2022-12-25', 'on Sunday', 'day', { trigger: at(TWO_DATES, 'attacked') }],
  [TWO_DATES, '2022-12-28', '2022-12-26', 'on Monday', 'day', { trigger: at(TWO_DATES, 'said') }],
];

test('resolveEventDate: date expressions in a sentence, resolved against the article date', () => {
  for (const [sentence, articleDate, date, words, precision, options] of rows) {
    assert.deepEqual(resolve(sentence, articleDate, options), { date, words, precision, by: 'sentence' }, `${sentence} (article ${articleDate}${options?.future ? ', future' : ''})`);
  }
});

test('resolveEventDate: words that are not dates, bounds and repetitions', () => {
  const none: [string, string | undefined][] = [
    ['Officials may meet again to settle it.', '2022-05-10'],
    ['May officials attend?', '2022-05-10'],
    ['Thousands joined the march on the capital.', '2022-03-10'],
    ['The March on the capital drew thousands.', '2022-03-10'],
    ['Prime Minister Theresa May said the talks had failed.', '2018-05-10'],
    ['They sent in 2000 troops.', '2022-03-10'],
    ['Police arrested 5 protesters and seized 2021 rifles.', '2022-03-10'],
    ['The deal was signed on February 30.', '2022-03-10'],
    ['The deal was signed on March 45.', '2022-03-10'],
    ['Christmas trees were banned in the square.', '2022-12-10'],
    ['Rebels have held the town since Tuesday.', '2022-03-10'],
    ['The envoy must leave by Christmas.', '2022-12-10'],
    ['Protesters gather every Friday.', '2022-03-10'],
    ['The vote was postponed to Friday.', '2022-03-10'],
    ['The Sunday Times reported the plan.', '2022-03-10'],
    ['Crowds marked the anniversary of Bloody Sunday.', '2022-03-10'],
    ['Shipments for April-May were cut.', '2022-03-10'],
    ['Ministers met on Monday.', undefined],
    ['Ministers met on Monday.', 'yesterday'],
    ['Troops crossed the border.', '2022-03-10'],
  ];
  for (const [sentence, articleDate] of none) assert.equal(resolve(sentence, articleDate), undefined, `${sentence} (article ${articleDate})`);
  assert.equal(resolve('Rebels have held the town since last week.', '2022-03-10'), undefined);
});

test('eventDates: every date of a sentence, in order, and only inside the sentence span', () => {
  const text = 'On Friday it rained. Talks began on Monday and ended on Tuesday. On Sunday they left.';
  const sentence = { start: 21, end: 64 };
  const got = eventDates(text, sentence, '2022-12-28').map((d) => [d.date, text.slice(d.span.start, d.span.end)]);
  assert.deepEqual(got, [['2022-12-26', 'on Monday'], ['2022-12-27', 'on Tuesday']]);
});

test('date words: the built-in list loads; a bad month, a bad day or an unknown key fails naming the file', () => {
  const w = loadDateWords();
  assert.equal(w.weekdays.get('tuesday'), 2);
  assert.deepEqual(w.months.get('sept'), { month: 9, full: false });
  const good = JSON.parse(readFileSync(dataPath('data/events/dates.json'), 'utf8')) as Record<string, unknown>;
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-dates-'));
  try {
    const bad: [string, (o: Record<string, unknown>) => void, RegExp][] = [
      ['unknown-key.json', (o) => (o.seasons = {}), /unknown field "seasons"/],
      ['bad-month.json', (o) => ((o.holidays as Record<string, unknown>[])[0].month = 13), /"holidays"\[0\]\.month must be an integer in \[1, 12\]/],
      ['bad-day.json', (o) => ((o.holidays as Record<string, unknown>[])[0] = { names: ['flag day'], leadNames: [], month: 4, day: 31 }), /"holidays"\[0\]\.day must be an integer in \[1, 30\]/],
      ['eleven-months.json', (o) => (o.months as unknown[]).pop(), /"months" must list the 12 months/],
      ['twice.json', (o) => ((o.relativeDays as Record<string, number>)['last week'] = -7), /phrase "last week" is listed twice/],
    ];
    for (const [name, spoil, message] of bad) {
      const file = path.join(dir, name);
      const o = structuredClone(good);
      spoil(o);
      writeFileSync(file, JSON.stringify(o));
      assert.throws(() => loadDateWords(file), (e: unknown) => e instanceof DataFileError && e.message.includes(file) && message.test(e.message), name);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** text, sentence span and trigger span of `sentence` placed alone, the trigger being the word `trigger` */
function announcedDate(sentence: string, articleDate: string, trigger: string) {
  const got = resolveEventDate(sentence, { start: 0, end: sentence.length }, articleDate, { future: true, trigger: at(sentence, trigger) });
  return got && { date: got.date, words: sentence.slice(got.span.start, got.span.end) };
}

test('eventDates: with future, undated days resolve forward (the plan\'s day)', () => {
  const forward: [string, string, string][] = [
    ['They will meet on Friday.', '2022-12-28', '2022-12-30'],
    ['Leaders will meet on Christmas Day.', '2022-12-01', '2022-12-25'],
    ['Elections will be held in February.', '2022-03-10', '2023-02-01'],
    ['A delegation is scheduled to resume talks on Wednesday.', '2019-05-05', '2019-05-08'],
  ];
  for (const [sentence, articleDate, date] of forward) assert.deepEqual(eventDates(sentence, { start: 0, end: sentence.length }, articleDate, { future: true }).map((d) => d.date), [date], sentence);
});

test('resolveEventDate: an announced act is dated by its announcement, not by the plan', () => {
  // the plan's day is after the article's: the event (an intent, in CAMEO) is of the article's day, which the caller gives
  assert.equal(announcedDate('They will meet on Friday.', '2022-12-28', 'meet'), undefined);
  assert.equal(announcedDate('A delegation is scheduled to resume talks in Washington on Wednesday.', '2019-05-05', 'resume'), undefined);
  assert.equal(announcedDate('The prime minister is set to meet the president tomorrow.', '2013-05-13', 'meet'), undefined);
  assert.equal(announcedDate('On Wednesday, the two leaders will meet in Paris.', '2022-12-26', 'meet'), undefined);
  // today's plan is today's
  assert.deepEqual(announcedDate('The president will warn Iran on Tuesday.', '2012-09-25', 'warn'), { date: '2012-09-25', words: 'on Tuesday' });
  // announced on a day past: "said on Monday", "agreed on Saturday to"
  assert.deepEqual(announcedDate('The ministry said on Monday it will send aid.', '2022-12-28', 'send'), { date: '2022-12-26', words: 'on Monday' });
  assert.deepEqual(announcedDate('Russia agreed on Saturday to allow inspectors in.', '2022-12-28', 'allow'), { date: '2022-12-24', words: 'on Saturday' });
  assert.deepEqual(announcedDate('On Friday, the envoy said his country would protect its allies.', '2013-04-13', 'protect'), { date: '2013-04-12', words: 'On Friday' });
  // said on Monday, to be done on Thursday: the announcement's day
  assert.deepEqual(announcedDate('Officials said on Monday they will hold talks on Thursday.', '2014-09-17', 'hold'), { date: '2014-09-15', words: 'on Monday' });
  // an explicit past date stays
  assert.deepEqual(announcedDate('Russia agreed last week to allow inspectors in.', '2022-12-28', 'allow'), { date: '2022-12-21', words: 'last week' });
});

test('resolveEventDate: "a day after" dates the clause it opens, a day before the sentence\'s day', () => {
  const s = 'The news comes a day after the president ordered a review of the attack.';
  assert.deepEqual(resolve(s, '2016-12-10', { trigger: at(s, 'ordered') }), { date: '2016-12-09', words: 'a day after', precision: 'day', by: 'sentence' });
  // the main clause is not dated by it
  assert.equal(resolve(s, '2016-12-10', { trigger: at(s, 'comes') }), undefined);
  const t = 'The ministry released the warrant on Friday, two days after a judge allowed the release of the ship.';
  assert.deepEqual(resolve(t, '2019-08-17', { trigger: at(t, 'allowed') }), { date: '2019-08-14', words: 'two days after', precision: 'day', by: 'sentence' });
  assert.deepEqual(resolve(t, '2019-08-17', { trigger: at(t, 'released') }), { date: '2019-08-16', words: 'on Friday', precision: 'day', by: 'sentence' });
  // "the day after tomorrow" is a day of its own
  assert.deepEqual(resolve('The envoy arrives the day after tomorrow.', '2020-12-30'), { date: '2021-01-01', words: 'the day after tomorrow', precision: 'day', by: 'sentence' });
});

test('an act retold without a day takes the day it was told with earlier in the article (dateBy earlier)', () => {
  const text = 'Report\n\nChile and Peru signed a border treaty on Saturday in Lima.\n\nOfficials welcomed the news. Chile signed the treaty with Peru after ten years of talks.';
  const a = analyze({ text, format: 'text', origin: 'test', given: { date: '2015-06-01' } }) as Article;
  const signed = a.events.filter((e) => e.source.country === 'CHL' && e.target?.country === 'PER' && e.root === '05');
  assert.ok(signed.length >= 2, a.events.map((e) => `${e.source.country}→${e.target?.country} ${e.code} ${e.sentence}`).join('; '));
  assert.deepEqual(signed.map((e) => [e.date, e.dateBy]), [['2015-05-30', 'sentence'], ['2015-05-30', 'earlier']]);
});
