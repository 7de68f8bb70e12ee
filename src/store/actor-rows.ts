import type { Dialect } from './dyad-rows.js';
import type { ActorPartner, ActorPerson, ActorRange, PartnerSide } from './actor-types.js';
import type { EventKey } from './types.js';

/*
 * The actor page's queries, written once for both stores (as dyad-rows.ts writes the dyad
 * explorer's): an actor's events are those with its code on either side, each read on its own
 * in index order and merged, so an event of the actor with itself comes once (on its sending side).
 */

/** A dialect that also spells a case-insensitive LIKE (SQLite's LIKE ignores ASCII case already). */
export interface ActorDialect extends Dialect {
  like: 'LIKE' | 'ILIKE';
  /** text compared byte by byte, as SQLite does by default (PostgreSQL's collation may follow a locale) */
  binary: '' | ' COLLATE "C"';
  /** the condition that an event is not marked wrong by an analyst (correction-rows.ts), for the partners' counts */
  notWrong: string;
}

const COLUMNS = 'e.*, a.source AS outlet, a.url AS url, a.date AS article_date';

/** The conditions of the range: dated, not negated, inside the days given. */
function inRange(f: ActorRange, d: Dialect): string[] {
  const where = ['e.date IS NOT NULL', d.notNegated];
  if (f.from !== undefined) where.push(`e.date >= ${d.mark(f.from)}`);
  if (f.to !== undefined) where.push(`e.date <= ${d.mark(f.to)}`);
  return where;
}

/**
 * The two sides' conditions, the actor sending or receiving from another: each made when called,
 * since SQLite's placeholders take their values in the order the text holds them.
 */
function sides(f: ActorRange, d: Dialect): [() => string[], () => string[]] {
  return [
    () => [`e.source_country = ${d.mark(f.actor)}`, ...inRange(f, d)],
    () => [`e.target_country = ${d.mark(f.actor)}`, `e.source_country <> ${d.mark(f.actor)}`, ...inRange(f, d)],
  ];
}

/**
 * SQL for up to `limit` of the actor's events past `key`, older (`before`) or newer (`after`);
 * rows come newest first reading older and oldest first reading newer.
 */
export function actorPageSql(f: ActorRange, page: { limit: number; before?: EventKey; after?: EventKey }, d: Dialect): string {
  const newer = page.after !== undefined;
  const key = page.after ?? page.before;
  const order = newer ? 'ASC' : 'DESC';
  const [sent, received] = sides(f, d).map((side) => {
    const where = side();
    if (key) where.push(`(e.date, e.id) ${newer ? '>' : '<'} (${d.mark(key.date)}, ${d.id(d.mark(key.id))})`);
    return `SELECT ${COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id
      WHERE ${where.join(' AND ')} ORDER BY e.date ${order}, e.id ${order} LIMIT ${d.mark(page.limit)}`;
  });
  return `SELECT * FROM (SELECT * FROM (${sent}) AS sent UNION ALL SELECT * FROM (${received}) AS received) AS both_sides
    ORDER BY date ${order}, id ${order} LIMIT ${d.mark(page.limit)}`;
}

/** SQL counting the actor's events of the range. */
export function actorCountSql(f: ActorRange, d: Dialect): string {
  const [sent, received] = sides(f, d).map((side) => `(${side().join(' AND ')})`);
  return `SELECT count(*) AS n FROM events e WHERE ${sent} OR ${received}`;
}

/** SQL of the partners' counts by side and quad class: rows (sent 1|0, partner, quad, n, gsum, scored). */
export function actorPartnerSql(f: ActorRange, d: ActorDialect): string {
  const [sent, received] = sides(f, d);
  // the partners are a relation: an event an analyst marked wrong leaves it, as it leaves the relations table
  const part = (flag: number, partner: string, where: string[]) => `SELECT ${flag} AS sent, ${partner} AS partner, e.quad AS quad,
      count(*) AS n, sum(e.goldstein) AS gsum, count(e.goldstein) AS scored
    FROM events e WHERE ${where.join(' AND ')} AND ${partner} IS NOT NULL AND ${d.notWrong} GROUP BY ${partner}, e.quad`;
  return `${part(1, 'e.target_country', sent())} UNION ALL ${part(0, 'e.source_country', received())}`;
}

/** The rows of `actorPartnerSql` as partners, most events first, then by code. */
export function foldPartners(rows: Record<string, unknown>[]): ActorPartner[] {
  const empty = (): PartnerSide & { gsum: number; scored: number } => ({ events: 0, quad: [0, 0, 0, 0], goldsteinMean: null, gsum: 0, scored: 0 });
  const byPartner = new Map<string, { sent: ReturnType<typeof empty>; received: ReturnType<typeof empty> }>();
  for (const r of rows) {
    const partner = String(r.partner);
    const p = byPartner.get(partner) ?? byPartner.set(partner, { sent: empty(), received: empty() }).get(partner)!;
    const side = Number(r.sent) === 1 ? p.sent : p.received;
    const n = Number(r.n);
    side.events += n;
    if (r.quad !== null && r.quad !== undefined) side.quad[Number(r.quad) - 1] += n;
    side.gsum += Number(r.gsum ?? 0);
    side.scored += Number(r.scored);
  }
  const done = ({ gsum, scored, ...s }: ReturnType<typeof empty>): PartnerSide => ({ ...s, goldsteinMean: scored ? round(gsum / scored) : null });
  return [...byPartner]
    .map(([partner, p]) => ({ partner, events: p.sent.events + p.received.events, sent: done(p.sent), received: done(p.received) }))
    .sort((x, y) => y.events - x.events || (x.partner < y.partner ? -1 : x.partner > y.partner ? 1 : 0));
}

/** Means to 4 places: sums of floats differ in their last bits between databases. */
function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/**
 * SQL for the speakers of the actor's quotes (`QuoteFilter.actor`'s test: the speaker's code
 * starts with the actor's, or the speaker's country is it), the day being the quote's own or its
 * article's; unnamed speakers are left out.
 */
export function actorPeopleSql(f: ActorRange, limit: number, d: ActorDialect): string {
  const day = 'substr(coalesce(q.date, a.date), 1, 10)';
  const where = ['q.speaker IS NOT NULL', `(q.speaker_code ${d.like} ${d.mark(f.actor.replace(/[\\%_]/g, (c) => '\\' + c) + '%')} ESCAPE '\\' OR q.speaker_country = ${d.mark(f.actor)})`];
  if (f.from !== undefined) where.push(`${day} >= ${d.mark(f.from)}`);
  if (f.to !== undefined) where.push(`${day} <= ${d.mark(f.to)}`);
  return `SELECT q.speaker AS speaker, q.speaker_code AS speaker_code, count(*) AS n FROM quotes q JOIN articles a ON a.id = q.article_id
    WHERE ${where.join(' AND ')} GROUP BY q.speaker, q.speaker_code ORDER BY n DESC, q.speaker${d.binary}, coalesce(q.speaker_code, '')${d.binary} LIMIT ${d.mark(limit)}`;
}

export function actorPerson(r: Record<string, unknown>): ActorPerson {
  const p: ActorPerson = { speaker: String(r.speaker), quotes: Number(r.n) };
  if (r.speaker_code !== null && r.speaker_code !== undefined) p.speakerCode = String(r.speaker_code);
  return p;
}
