import { test } from 'node:test';
import assert from 'node:assert/strict';
import { partners, periodIndex, periodOf, relationSeries, slope, topDyads } from '../../src/relations/index.js';
import { ev } from './_events.js';

const accuse = { goldstein: -2, quad: 3 as const };
const sanction = { goldstein: -4.5, quad: 4 as const };
const praise = { goldstein: 3.4, quad: 1 as const };
const aid = { goldstein: 7.4, quad: 2 as const };

test('periodOf: days, ISO weeks across the year boundary, months', () => {
  assert.equal(periodOf('2021-03-23', 'day'), '2021-03-23');
  assert.equal(periodOf('2021-03-23', 'week'), '2021-W12');
  assert.equal(periodOf('2021-01-03', 'week'), '2020-W53');
  assert.equal(periodOf('2021-01-04', 'week'), '2021-W01');
  assert.equal(periodOf('2019-12-30', 'week'), '2020-W01');
  assert.equal(periodOf('1987-02-28', 'month'), '1987-02');
  assert.throws(() => periodOf('2021-02-31', 'day'), /not an ISO day.*2021-02-31/);
  assert.throws(() => periodOf('23/03/2021', 'month'), /not an ISO day/);
});

test('periodIndex: consecutive periods one apart, also across years and ISO weeks', () => {
  assert.equal(periodIndex('2021-01', 'month') - periodIndex('2020-12', 'month'), 1);
  assert.equal(periodIndex('2021-W01', 'week') - periodIndex('2020-W53', 'week'), 1);
  assert.equal(periodIndex('2020-W01', 'week') - periodIndex('2019-W52', 'week'), 1);
  assert.equal(periodIndex('2021-03-01', 'day') - periodIndex('2021-02-28', 'day'), 1);
  assert.equal(periodIndex(periodOf('2021-03-23', 'week'), 'week') - periodIndex(periodOf('2021-03-15', 'week'), 'week'), 1);
});

test('slope: least squares over period positions, 0 below two periods', () => {
  assert.equal(slope([], 'month'), 0);
  assert.equal(slope([{ period: '2021-01', value: 5 }], 'month'), 0);
  assert.equal(slope([{ period: '2021-01', value: -2 }, { period: '2021-03', value: 2 }], 'month'), 2);
  // y = 1, 2, 6 at x = 0, 1, 2: slope 2.5
  assert.equal(slope([{ period: '2021-W01', value: 1 }, { period: '2021-W02', value: 2 }, { period: '2021-W03', value: 6 }], 'week'), 2.5);
});

test('relationSeries: one event with several mentions counts once, each outlet counts as a source', () => {
  const events = [
    ev('RUS', 'EU', '112', '2021-03-23', { ...accuse, articleId: 'a1', outlet: 'Reuters' }),
    ev('RUS', 'EU', '112', '2021-03-23', { ...accuse, articleId: 'a2', outlet: 'TASS' }),
    ev('RUS', 'EU', '112', '2021-03-23', { ...accuse, articleId: 'a3', outlet: 'Reuters' }),
    ev('RUS', 'EU', '163', '2021-03-23', { ...sanction, articleId: 'a1', outlet: 'Reuters' }),
    ev('RUS', 'EU', '051', '2021-03-25', { ...praise, articleId: 'a4' }),
  ];
  const rows = relationSeries(events, { period: 'day' });
  assert.equal(rows.length, 2);
  const [d23, d25] = rows;
  assert.deepEqual(
    { ...d23 },
    { source: 'RUS', target: 'EU', period: '2021-03-23', events: 2, quad: [0, 0, 1, 1], goldsteinSum: -6.5, goldsteinMean: -3.25, sources: 2 },
  );
  // outlet unknown: the article stands in for it
  assert.equal(d25.sources, 1);
  assert.equal(d25.goldsteinMean, 3.4);
  const week = relationSeries(events, { period: 'week' });
  assert.equal(week.length, 1);
  assert.equal(week[0].period, '2021-W12');
  assert.equal(week[0].events, 3);
  assert.equal(week[0].sources, 3);
  assert.deepEqual(week[0].quad, [1, 0, 1, 1]);
});

test('relationSeries: negated, targetless, undated and self events are left out', () => {
  const events = [
    ev('RUS', 'UKR', '190', '2021-03-23', { ...sanction, negated: true }),
    ev('RUS', undefined, '150', '2021-03-23', { goldstein: -7.2, quad: 4 }),
    ev('RUS', 'UKR', '190', undefined, sanction),
    ev('RUS', 'RUS', '112', '2021-03-23', accuse),
    ev('RUS', 'UKR', '112', '2021-03-24', accuse),
  ];
  const rows = relationSeries(events, { period: 'month' });
  assert.deepEqual(rows.map((r) => [r.source, r.target, r.period, r.events]), [['RUS', 'UKR', '2021-03', 1]]);
});

test('relationSeries: a negated mention does not count even when another article asserts the same event', () => {
  const events = [
    ev('RUS', 'UKR', '190', '2021-03-23', { ...sanction, negated: true, articleId: 'a1', outlet: 'X' }),
    ev('RUS', 'UKR', '190', '2021-03-23', { ...sanction, articleId: 'a2', outlet: 'Y' }),
  ];
  const [row] = relationSeries(events, { period: 'day' });
  assert.equal(row.events, 1);
  assert.equal(row.sources, 1);
});

test('relationSeries: undirected puts both directions under the sorted pair', () => {
  const events = [
    ev('RUS', 'EU', '112', '2021-03-23', accuse),
    ev('EU', 'RUS', '163', '2021-03-22', sanction),
    ev('CHN', 'RUS', '051', '2021-03-23', praise),
  ];
  const directed = relationSeries(events, { period: 'month' });
  assert.deepEqual(directed.map((r) => `${r.source}>${r.target}`), ['CHN>RUS', 'EU>RUS', 'RUS>EU']);
  const undirected = relationSeries(events, { period: 'month', undirected: true });
  assert.deepEqual(undirected.map((r) => `${r.source}-${r.target}:${r.events}`), ['CHN-RUS:1', 'EU-RUS:2']);
  assert.equal(undirected[1].goldsteinSum, -6.5);
});

test('relationSeries: from/to bound the days inclusively', () => {
  const events = ['2021-03-01', '2021-03-15', '2021-03-31', '2021-04-01'].map((d) => ev('RUS', 'EU', '112', d, accuse));
  const rows = relationSeries(events, { period: 'day', from: '2021-03-15', to: '2021-03-31' });
  assert.deepEqual(rows.map((r) => r.period), ['2021-03-15', '2021-03-31']);
});

test('topDyads: sorted by events, with first, last and a monthly trend of mean Goldstein', () => {
  const events = [
    ev('RUS', 'EU', '112', '2021-01-10', accuse),
    ev('RUS', 'EU', '163', '2021-01-11', sanction),
    ev('RUS', 'EU', '051', '2021-03-02', praise),
    ev('RUS', 'EU', '051', '2021-03-02', { ...praise, articleId: 'a9', outlet: 'Other' }),
    ev('RUS', 'CHN', '070', '2021-02-01', aid),
    ev('EU', 'RUS', '112', '2021-02-01', accuse),
  ];
  const rows = topDyads(events);
  assert.deepEqual(rows.map((r) => `${r.source}>${r.target}`), ['RUS>EU', 'EU>RUS', 'RUS>CHN']);
  const top = rows[0];
  assert.equal(top.events, 3);
  assert.equal(top.first, '2021-01-10');
  assert.equal(top.last, '2021-03-02');
  assert.deepEqual(top.quad, [1, 0, 1, 1]);
  assert.equal(top.goldsteinSum, -3.1);
  // January mean -3.25, March mean 3.4: two months apart
  assert.equal(top.trend, (3.4 + 3.25) / 2);
  assert.equal(rows[2].trend, 0);
  // per day: -2, -4.5, 3.4 on days 0, 1 and 51 (10 January, 11 January, 2 March)
  const xs = [0, 1, 51], ys = [-2, -4.5, 3.4];
  const mx = 52 / 3, my = -3.1 / 3;
  const sxy = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0);
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  assert.equal(topDyads(events, { trendPeriod: 'day' })[0].trend, round(sxy / sxx));
  assert.equal(topDyads(events, { limit: 1 }).length, 1);
  const und = topDyads(events, { undirected: true });
  assert.equal(und[0].source, 'EU');
  assert.equal(und[0].target, 'RUS');
  assert.equal(und[0].events, 4);
  const feb = topDyads(events, { from: '2021-02-01', to: '2021-02-28' });
  assert.deepEqual(feb.map((r) => `${r.source}>${r.target}`), ['EU>RUS', 'RUS>CHN']);
});

function round(x: number) {
  return Math.round(x * 1e4) / 1e4;
}

test('partners: both directions of each partner, split into sent and received', () => {
  const events = [
    ev('RUS', 'EU', '112', '2021-01-10', accuse),
    ev('EU', 'RUS', '163', '2021-01-11', sanction),
    ev('EU', 'RUS', '112', '2021-01-12', accuse),
    ev('CHN', 'RUS', '051', '2021-01-12', praise),
    ev('EU', 'CHN', '112', '2021-01-12', accuse),
  ];
  const rows = partners(events, 'RUS');
  assert.deepEqual(rows.map((r) => [r.partner, r.events, r.sent, r.received]), [['EU', 3, 1, 2], ['CHN', 1, 0, 1]]);
  assert.equal(rows[0].actor, 'RUS');
  assert.equal(rows[0].goldsteinMean, round((-2 - 4.5 - 2) / 3));
  assert.deepEqual(partners(events, 'USA'), []);
});
