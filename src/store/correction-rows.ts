import { EntenteError } from '../model/errors.js';
import type { Correction, CorrectionFilter, CorrectionTarget, StoredEvent, StoredQuote } from './types.js';

/*
 * Analysts' corrections, written once for both stores: the key, the row's columns, the filter,
 * and the condition that leaves events marked wrong out of every read that feeds relations and
 * exports (`eventQuery` of each store).
 */

/**
 * A correction's key, the same for the same item after a re-ingest of its article.
 *
 * @example correctionKey({ kind: 'event', articleId: 'ab12', start: 10, end: 18, source: 'RUS', target: 'UKR', code: '190' }) // 'event:ab12:10-18:RUS>UKR:190'
 * @example correctionKey({ kind: 'quote', articleId: 'ab12', start: 40, end: 90 }) // 'quote:ab12:40-90'
 */
export function correctionKey(t: CorrectionTarget): string {
  const at = `${t.kind}:${t.articleId}:${t.start}-${t.end}`;
  return t.kind === 'quote' ? at : `${at}:${t.source ?? ''}>${t.target ?? ''}:${t.code ?? ''}`;
}

/** What a correction of a stored event is about. */
export function eventTarget(e: Pick<StoredEvent, 'articleId' | 'source' | 'target' | 'code' | 'event'>): CorrectionTarget {
  return { kind: 'event', articleId: e.articleId, start: e.event.start, end: e.event.end, source: e.source, target: e.target ?? '', code: e.code };
}

/** What a correction of a stored quote is about. */
export function quoteTarget(q: Pick<StoredQuote, 'articleId' | 'start' | 'end'>): CorrectionTarget {
  return { kind: 'quote', articleId: q.articleId, start: q.start, end: q.end };
}

/**
 * A correction as given (by the API, or a line of an exported file), checked and completed: its
 * key recomputed from what it is about, so a file edited by hand cannot give two keys to one item.
 *
 * @throws EntenteError (E_CORRECTION) naming the field that is wrong
 */
export function checkedCorrection(c: Partial<Record<keyof Correction, unknown>>, now = new Date().toISOString()): Correction {
  const bad = (why: string) => new EntenteError('E_CORRECTION', `a correction ${why}`);
  if (c.kind !== 'event' && c.kind !== 'quote') throw bad(`needs kind "event" or "quote", got ${JSON.stringify(c.kind)}`);
  if (typeof c.articleId !== 'string' || !/^[0-9a-f]{6,64}$/.test(c.articleId)) throw bad(`needs the article's id (hex), got ${JSON.stringify(c.articleId)}`);
  for (const k of ['start', 'end'] as const) if (!Number.isInteger(c[k]) || (c[k] as number) < 0) throw bad(`needs ${k}, a whole number ≥ 0, got ${JSON.stringify(c[k])}`);
  if ((c.end as number) < (c.start as number)) throw bad(`ends (${String(c.end)}) before it starts (${String(c.start)})`);
  if (c.verdict !== 'wrong' && c.verdict !== 'right') throw bad(`needs verdict "wrong" or "right", got ${JSON.stringify(c.verdict)}`);
  const reason = c.reason ?? '';
  if (typeof reason !== 'string' || reason.length > 2000) throw bad('reason must be text of at most 2000 characters');
  if (c.verdict === 'wrong' && !reason.trim()) throw bad('marking an item wrong needs a reason');
  if (c.by !== undefined && (typeof c.by !== 'string' || c.by.length > 200)) throw bad('by must be text of at most 200 characters');
  const at = c.at === undefined ? now : c.at;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) throw bad(`at must be an ISO time, got ${JSON.stringify(at)}`);
  const t: CorrectionTarget = { kind: c.kind, articleId: c.articleId, start: c.start as number, end: c.end as number };
  if (c.kind === 'event') {
    for (const k of ['source', 'code'] as const) if (typeof c[k] !== 'string' || !c[k]) throw bad(`of an event needs its ${k}, got ${JSON.stringify(c[k])}`);
    if (c.target !== undefined && typeof c.target !== 'string') throw bad(`target must be an actor code or "", got ${JSON.stringify(c.target)}`);
    Object.assign(t, { source: c.source, target: c.target ?? '', code: c.code });
  }
  const out: Correction = { ...t, key: correctionKey(t), verdict: c.verdict, reason: reason.trim(), at };
  if (typeof c.by === 'string' && c.by.trim()) out.by = c.by.trim();
  return out;
}

/** The columns of the corrections table, in `correctionColumns` order. */
export const CORRECTION_COLUMNS = 'key, kind, article_id, start, "end", source, target, code, verdict, reason, author, at';

export function correctionColumns(c: Correction): unknown[] {
  return [c.key, c.kind, c.articleId, c.start, c.end, c.source ?? '', c.target ?? '', c.code ?? '', c.verdict, c.reason, c.by ?? null, c.at];
}

export function storedCorrection(r: Record<string, unknown>): Correction {
  const c: Correction = {
    key: r.key as string, kind: r.kind as Correction['kind'], articleId: r.article_id as string, start: Number(r.start), end: Number(r.end),
    verdict: r.verdict as Correction['verdict'], reason: r.reason as string, at: r.at instanceof Date ? r.at.toISOString() : String(r.at),
  };
  if (c.kind === 'event') Object.assign(c, { source: r.source, target: r.target, code: r.code });
  if (r.author !== null && r.author !== undefined) c.by = r.author as string;
  return c;
}

/** WHERE clause of a correction filter, each value through `mark` (its placeholder). */
export function correctionWhere(f: CorrectionFilter, mark: (v: unknown) => string): string {
  const where: string[] = [];
  if (f.kind !== undefined) where.push(`kind = ${mark(f.kind)}`);
  if (f.verdict !== undefined) where.push(`verdict = ${mark(f.verdict)}`);
  if (f.articleId !== undefined) where.push(`article_id = ${mark(f.articleId)}`);
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

/**
 * The condition an events row `e` passes when no analyst marked it wrong. The trigger's span is
 * read from the row's JSON only for rows of an article that has corrections (the index on
 * article_id finds none for the others). `json` reads a whole number at a JSON path of e.data.
 */
export function notMarkedWrong(json: (field: 'start' | 'end') => string): string {
  return `NOT EXISTS (SELECT 1 FROM corrections c WHERE c.article_id = e.article_id AND c.kind = 'event' AND c.verdict = 'wrong'
    AND c.source = e.source AND c.target = coalesce(e.target, '') AND c.code = e.code AND c.start = ${json('start')} AND c."end" = ${json('end')})`;
}

/** Each item with its correction, when one is among `corrections` (those of the items' articles). */
export function withCorrections<T extends StoredEvent | StoredQuote>(items: T[], corrections: readonly Correction[]): T[] {
  if (corrections.length === 0) return items;
  const byKey = new Map(corrections.map((c) => [c.key, c]));
  for (const item of items) {
    const c = byKey.get(correctionKey('event' in item ? eventTarget(item) : quoteTarget(item)));
    if (c) item.correction = c;
  }
  return items;
}

/** The distinct article ids of some items, for reading their corrections at once. */
export function articleIdsOf(items: readonly { articleId: string }[]): string[] {
  return [...new Set(items.map((i) => i.articleId))];
}
