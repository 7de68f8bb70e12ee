import { Hono } from 'hono';
import { PERIODS, relationSeries } from '../../relations/index.js';
import { inDyadView, type DyadViewFilter, type EventKey, type KeyedEvent, type Store } from '../../store/index.js';
import type { ServerOptions } from '../options.js';
import { actorCode, cameoCode, date, eventCursor, flag, fraction, oneOf, parseQuery, quadClass, text, whole, type Parsed } from '../params.js';
import { badParameter } from '../errors.js';
import { AnswerCache, relationStamp } from '../cache.js';
import { AggregationGate } from '../gate.js';
import { continuousSeries, periodsBefore } from '../dyad-series.js';
import { exportDyad, EXPORT_FORMATS } from './dyad-export.js';

/** What every dyad explorer route takes: the dyad, its direction, the range and the filters. */
export function dyadViewParams() {
  return {
    a: { ...actorCode('the source (or, with undirected, one side): a country or organisation code'), required: true },
    // the examples (an exercise Russia condemned) hold RUS→NATO, so the document's example answers with events
    b: { ...actorCode('the target (or, with undirected, the other side)', 'NATO'), required: true },
    undirected: flag('both directions, A→B and B→A, together'),
    from: date('first day of the range'),
    to: date('last day of the range'),
    quad: quadClass('only events of this quad class'),
    code: cameoCode('only events whose CAMEO code starts with this'),
    outlet: text('only events of articles from this outlet, as stored (exactly)', 'Reuters'),
    minConfidence: fraction("only events the coder gave at least this confidence"),
  };
}

/** `GET /api/dyad/events`. @example dyadEventParams(o).before.parse('2019-05-01:12', 'before') // { date: '2019-05-01', id: '12' } */
export function dyadEventParams(o: ServerOptions) {
  return {
    ...dyadViewParams(),
    limit: whole(1, o.maxLimit, `at most this many events (default ${o.defaultLimit})`, '5'),
    before: eventCursor('the events just older than this (the page after, reading back in time)'),
    after: eventCursor('the events just newer than this (the page before), still newest first'),
  };
}

/** `GET /api/dyad/series`. @example dyadSeriesViewParams().window.parse('3', 'window') // 3 */
export function dyadSeriesViewParams() {
  return {
    ...dyadViewParams(),
    period: oneOf(PERIODS, 'how finely time is cut (default month)'),
    window: whole(1, 120, 'periods in the rolling mean of Goldstein, this one and those before it (default 3)', '3'),
  };
}

/** `GET /api/dyad/export`. @example dyadExportParams().format.parse('plover', 'format') // 'plover' */
export function dyadExportParams() {
  return { ...dyadViewParams(), format: { ...oneOf(EXPORT_FORMATS, 'csv (formula-safe, one row per event with its evidence), gdelt (GDELT 2.0 event table), gdelt-mentions (its mentions table) or plover (PLOVER JSON lines)'), required: true } };
}

/** The store's filter for the parsed view parameters. */
export function viewFilter(p: Parsed<ReturnType<typeof dyadViewParams>>): DyadViewFilter {
  const f: DyadViewFilter = { dyad: [p.a!, p.b!], undirected: p.undirected ?? false };
  for (const k of ['from', 'to', 'quad', 'code', 'outlet', 'minConfidence'] as const) if (p[k] !== undefined) (f as unknown as Record<string, unknown>)[k] = p[k];
  return f;
}

/** `DAY:ID`, the cursor a page gives and `before`/`after` take. */
const cursorOf = (k: EventKey) => `${k.date}:${k.id}`;

/**
 * The dyad explorer (issue 19): one dyad's events over any range, newest first in keyset pages
 * (`older`/`newer` cursors, never an offset, so rows stored meanwhile shift no page); its series
 * on a continuous time axis with a rolling mean; and the same view exported.
 *
 * @example new Hono().route('/api', dyadRoutes(store, o))
 */
export function dyadRoutes(store: Store, o: ServerOptions): Hono {
  const events = dyadEventParams(o);
  const series = dyadSeriesViewParams();
  const exporting = dyadExportParams();
  const cache = new AnswerCache<unknown>();
  const gate = new AggregationGate(o.maxAggregations);
  return new Hono()
    .get('/dyad/events', async (c) => {
      const { limit, before, after, ...p } = parseQuery(events, c.req.queries());
      if (before && after) throw badParameter('before and after cannot both be given: a page is read one way');
      const f = viewFilter(p);
      const n = limit ?? o.defaultLimit;
      const [page, total] = await Promise.all([store.dyadEvents(f, { limit: n, before, after }), store.countDyadEvents(f)]);
      const items = page.items;
      // whether rows lie beyond the page's other edge: one row read that way says
      const beyond = async (key: { before?: EventKey; after?: EventKey }) => (await store.dyadEvents(f, { limit: 1, ...key })).items.length > 0;
      const first = items[0]?.key;
      const last = items[items.length - 1]?.key;
      const older = last && (after ? await beyond({ before: last }) : page.more) ? cursorOf(last) : null;
      const newer = first && (after ? page.more : await beyond({ after: first })) ? cursorOf(first) : null;
      return c.json({ items: items.map(withCursor), limit: n, total, older, newer });
    })
    .get('/dyad/series', async (c) => {
      const { period = 'month', window = 3, ...p } = parseQuery(series, c.req.queries());
      const f = viewFilter(p);
      const stamp = await relationStamp(store);
      const answer = await cache.get(JSON.stringify(['series', f, period, window]), stamp, () => gate.run(async () => {
        // the rolling mean of the range's first periods reaches back before it: those periods are read too
        const lead = f.from === undefined ? undefined : periodsBefore(f.from, period, window - 1);
        const read = { ...f, from: lead, outlet: undefined };
        const all = (await store.listEvents({ dyad: f.dyad, undirected: f.undirected, from: lead, to: f.to })).filter((e) => inDyadView(e, read));
        const inRange = f.from === undefined ? all : all.filter((e) => e.date! >= f.from!);
        // the outlets of the view but for the outlet filter: what that filter may choose from
        const outlets = new Map<string, number>();
        for (const e of inRange) if (e.outlet) outlets.set(e.outlet, (outlets.get(e.outlet) ?? 0) + 1);
        const ofOutlet = (list: typeof all) => (f.outlet === undefined ? list : list.filter((e) => e.outlet === f.outlet));
        const shown = ofOutlet(inRange);
        const days = shown.map((e) => e.date!).sort();
        const from = f.from ?? days[0];
        const to = f.to ?? days[days.length - 1];
        const rows = relationSeries(ofOutlet(all), { period, undirected: f.undirected });
        const points = from && to ? continuousSeries(rows, { period, from: lead ?? from, to, window, shownFrom: from }) : [];
        return {
          a: f.dyad[0], b: f.dyad[1], undirected: f.undirected ?? false, period, window, from: from ?? null, to: to ?? null,
          mentions: shown.length, points,
          outlets: [...outlets].map(([outlet, events]) => ({ outlet, events })).sort((x, y) => y.events - x.events || (x.outlet < y.outlet ? -1 : 1)),
        };
      }));
      return c.json(answer);
    })
    .get('/dyad/export', async (c) => {
      const { format, ...p } = parseQuery(exporting, c.req.queries());
      return exportDyad(c, store, viewFilter(p), format!, o.log);
    });
}

function withCursor({ key, ...e }: KeyedEvent) {
  return { ...e, cursor: cursorOf(key) };
}
