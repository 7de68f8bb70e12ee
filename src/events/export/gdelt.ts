/**
 * GDELT 2.0 export: the event table (61 columns of the GDELT 2.0 event codebook, in its order) and
 * the mentions table (16 columns), tab-separated with a header row, one event row per
 * de-duplicated event group and one mention row per stored event.
 *
 * Left empty because entente does not have them: Actor{1,2}EthnicCode, Religion1/2Code, AvgTone,
 * every *Geo_* column, DATEADDED (entente keeps no time of addition), MentionDocLen,
 * MentionDocTone, MentionDocTranslationInfo and Extras.
 * Filled in entente's own way:
 * - GLOBALEVENTID numbers the groups 1… in export order (stable for the same store);
 * - Actor*CountryCode holds the party's country when it is a three-letter code; an organisation
 *   ("EU") goes to Actor*KnownGroupCode instead; Actor*Type1–3Code are the three-letter role
 *   codes after the country in the actor code (RUSGOVMIL → GOV, MIL);
 * - FractionDate is year + (day of year − 1) / days in the year, to four decimals;
 * - IsRootEvent is 1 when a mention is in the article's first sentence (GDELT: first paragraph);
 * - NumMentions counts stored events of the group, NumSources distinct outlets, NumArticles
 *   distinct articles; SOURCEURL is the first mention's article address;
 * - Actor1/Actor2/ActionCharOffset are offsets in entente's cleaned text (not the raw input), -1
 *   when there is no target; SentenceID counts from 1; MentionType is 1 (web) with an address,
 *   else 2 (citation only) with `entente:<article id>` as the identifier; InRawText is 0 when a
 *   side came from coreference or a quote's speaker; Confidence is the coder's confidence in
 *   percent.
 */
import type { Writable } from 'node:stream';
import type { EventParty } from '../../model/event.js';
import type { StoredEvent } from '../../store/types.js';
import { formulaSafe } from './csv.js';
import { eventGroups, outletKey, put, type EventSource } from './stream.js';

export const GDELT_EVENT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  ...actorColumns('Actor1'), ...actorColumns('Actor2'),
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale',
  'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ...geoColumns('Actor1Geo'), ...geoColumns('Actor2Geo'), ...geoColumns('ActionGeo'),
  'DATEADDED', 'SOURCEURL',
] as const;

export const GDELT_MENTION_COLUMNS = [
  'GLOBALEVENTID', 'EventTimeDate', 'MentionTimeDate', 'MentionType', 'MentionSourceName', 'MentionIdentifier',
  'SentenceID', 'Actor1CharOffset', 'Actor2CharOffset', 'ActionCharOffset', 'InRawText', 'Confidence',
  'MentionDocLen', 'MentionDocTone', 'MentionDocTranslationInfo', 'Extras',
] as const;

function actorColumns(p: string): string[] {
  return ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code', 'Type1Code', 'Type2Code', 'Type3Code'].map((c) => p + c);
}

function geoColumns(p: string): string[] {
  return ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'].map((c) => `${p}_${c}`);
}

type EventColumn = (typeof GDELT_EVENT_COLUMNS)[number];
type MentionColumn = (typeof GDELT_MENTION_COLUMNS)[number];

/** Tabs and line breaks would break the table (GDELT's own files never quote); a formula is made text as in the CSV export. */
function cell(v: string | number | undefined): string {
  return v === undefined ? '' : formulaSafe(String(v).replace(/[\t\r\n]+/g, ' '));
}

function line<C extends string>(columns: readonly C[], row: Partial<Record<C, string | number>>): string {
  return columns.map((c) => cell(row[c])).join('\t') + '\n';
}

function actorCells(prefix: 'Actor1' | 'Actor2', p: EventParty | undefined, country: string | undefined): Partial<Record<EventColumn, string>> {
  if (!p) return {};
  const c = country ?? p.country;
  const isCountry = /^[A-Z]{3}$/.test(c);
  const roles = isCountry && p.code.startsWith(c) ? p.code.slice(c.length).match(/.{3}/g) ?? [] : [];
  return {
    [`${prefix}Code`]: p.code,
    [`${prefix}Name`]: p.name.toUpperCase(),
    [`${prefix}CountryCode`]: isCountry ? c : undefined,
    [`${prefix}KnownGroupCode`]: isCountry ? undefined : c,
    [`${prefix}Type1Code`]: roles[0],
    [`${prefix}Type2Code`]: roles[1],
    [`${prefix}Type3Code`]: roles[2],
  } as Partial<Record<EventColumn, string>>;
}

/** `YYYYMMDD`, `YYYYMM`, `YYYY` and the fraction of the year, from an ISO day. */
function dateCells(date: string | undefined): Partial<Record<EventColumn, string>> {
  if (!date || !/^\d{4}-\d{2}-\d{2}/.test(date)) return {};
  const [y, m, d] = [date.slice(0, 4), date.slice(5, 7), date.slice(8, 10)];
  const t = Date.UTC(+y, +m - 1, +d);
  const start = Date.UTC(+y, 0, 1);
  const days = (Date.UTC(+y + 1, 0, 1) - start) / 86_400_000;
  const fraction = +y + (t - start) / 86_400_000 / days;
  return { SQLDATE: y + m + d, MonthYear: y + m, Year: y, FractionDate: fraction.toFixed(4) };
}

/** `YYYYMMDDHHMMSS` at midnight: entente dates events and articles to the day. */
function stamp(date: string | undefined): string | undefined {
  return date && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10).replace(/-/g, '') + '000000' : undefined;
}

/** One GDELT event row for a group of stored events (the same event in several articles). */
export function gdeltEventRow(id: number, group: StoredEvent[]): string {
  const first = group[0];
  const e = first.event;
  const row: Partial<Record<EventColumn, string | number>> = {
    GLOBALEVENTID: id,
    ...dateCells(first.date),
    ...actorCells('Actor1', e.source, first.sourceCountry),
    ...actorCells('Actor2', e.target, first.targetCountry),
    IsRootEvent: group.some((m) => m.event.sentence === 0) ? 1 : 0,
    EventCode: first.code,
    EventBaseCode: first.code.slice(0, 3),
    EventRootCode: first.root,
    // empty for a code outside CAMEO (a user's dictionary): GDELT has no value meaning "none"
    QuadClass: first.quad ?? undefined,
    GoldsteinScale: first.goldstein ?? undefined,
    NumMentions: group.length,
    NumSources: new Set(group.map(outletKey)).size,
    NumArticles: new Set(group.map((m) => m.articleId)).size,
    SOURCEURL: group.find((m) => m.url)?.url,
  };
  return line(GDELT_EVENT_COLUMNS, row);
}

/** One GDELT mention row: where one article reported the event, with the offsets. */
export function gdeltMentionRow(id: number, m: StoredEvent): string {
  const e = m.event;
  const indirect = (p: EventParty | undefined) => p !== undefined && (p.via === 'speaker' || p.via === 'pronoun');
  const row: Partial<Record<MentionColumn, string | number>> = {
    GLOBALEVENTID: id,
    EventTimeDate: stamp(m.date),
    MentionTimeDate: stamp(m.articleDate),
    MentionType: m.url ? 1 : 2,
    MentionSourceName: m.outlet,
    MentionIdentifier: m.url ?? `entente:${m.articleId}`,
    SentenceID: e.sentence + 1,
    Actor1CharOffset: e.source.span.start,
    Actor2CharOffset: e.target ? e.target.span.start : -1,
    ActionCharOffset: e.start,
    InRawText: indirect(e.source) || indirect(e.target) ? 0 : 1,
    Confidence: Math.round(m.confidence * 100),
  };
  return line(GDELT_MENTION_COLUMNS, row);
}

/**
 * Writes both GDELT tables, header rows first. Needs events in date order (see `eventGroups`).
 * @returns how many event rows and mention rows were written
 */
export async function writeGdelt(events: EventSource, out: { events: Writable; mentions: Writable }): Promise<{ events: number; mentions: number }> {
  await put(out.events, GDELT_EVENT_COLUMNS.join('\t') + '\n');
  await put(out.mentions, GDELT_MENTION_COLUMNS.join('\t') + '\n');
  let id = 0;
  let mentions = 0;
  for await (const day of eventGroups(events)) {
    for (const group of day) {
      id++;
      await put(out.events, gdeltEventRow(id, group));
      for (const m of group) {
        await put(out.mentions, gdeltMentionRow(id, m));
        mentions++;
      }
    }
  }
  return { events: id, mentions };
}
