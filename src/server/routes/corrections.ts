import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { EntenteError } from '../../model/errors.js';
import { checkedCorrection, eventTarget, quoteTarget, type Correction, type CorrectionFilter, type CorrectionTarget, type Store } from '../../store/index.js';
import { requireToken } from '../auth.js';
import { ApiError, badParameter } from '../errors.js';
import { jsonBodyOnly, sameOriginWrites } from '../guard.js';
import type { ServerOptions } from '../options.js';
import { oneOf, page, parseQuery, text, type Param } from '../params.js';
import { pageOf } from './_list.js';

/** A correction's key as `correctionKey` writes it. */
function correctionKeyParam(description: string): Param<string> {
  return {
    description: `${description}: the key a correction carries, e.g. event:0123456789abcdef:10-18:RUS>UKR:190`,
    schema: { type: 'string', pattern: '^(event|quote):[0-9a-f]{6,64}:\\d+-\\d+(:.*)?$', maxLength: 300 },
    example: 'quote:0123456789abcdef:0-1',
    bad: 'nothing',
    parse(raw, name) {
      if (raw.length > 300 || !/^(event|quote):[0-9a-f]{6,64}:\d+-\d+(:.*)?$/.test(raw)) throw badParameter(`${name} must be a correction's key (kind:article:start-end…), got ${JSON.stringify(raw.slice(0, 80))}`);
      return raw;
    },
  };
}

/** `GET /api/corrections`. @example correctionListParams(o).verdict.parse('wrong', 'verdict') // 'wrong' */
export function correctionListParams(o: ServerOptions) {
  return {
    kind: oneOf(['event', 'quote'] as const, 'only corrections of events or of quotes'),
    verdict: oneOf(['wrong', 'right'] as const, 'only items marked wrong, or confirmed right'),
    article: text("only corrections of this article's items (its full id)", '0123456789abcdef', 64),
    ...page(o.defaultLimit, o.maxLimit),
  };
}

/** `DELETE /api/corrections`. */
export function correctionDeleteParams() {
  return { key: { ...correctionKeyParam('the correction to undo'), required: true } };
}

/** What `POST /api/corrections` takes: the item by its place in the article, or by what a correction names. */
interface CorrectionBody {
  event?: { articleId?: unknown; index?: unknown };
  quote?: { articleId?: unknown; index?: unknown };
  verdict?: unknown;
  reason?: unknown;
  by?: unknown;
}

/**
 * The item a request names, as a correction's target: `{event: {articleId, index}}` or
 * `{quote: {articleId, index}}` (as the API lists them) is looked up in the stored article, so the
 * correction is keyed by what the item is, not by its row; or the target's own fields, as an
 * exported correction has them.
 */
async function targetOf(store: Store, body: CorrectionBody & Partial<CorrectionTarget>): Promise<CorrectionTarget> {
  const by = body.event ? 'event' : body.quote ? 'quote' : undefined;
  if (by === undefined) {
    if (body.kind === undefined) throw new ApiError(400, 'bad_request', 'name the item: {"event": {"articleId", "index"}} or {"quote": {"articleId", "index"}}, or a correction\'s kind, articleId, start and end');
    // only what names the item: the verdict, reason and time are the request's own fields
    const { kind, articleId, start, end, source, target, code } = body;
    return { kind, articleId, start, end, source, target, code } as CorrectionTarget;
  }
  const { articleId, index } = body[by]!;
  if (typeof articleId !== 'string' || !/^[0-9a-f]{6,64}$/.test(articleId)) throw new ApiError(400, 'bad_request', `${by}.articleId must be an article's id, got ${JSON.stringify(articleId)}`);
  if (!Number.isInteger(index) || (index as number) < 0) throw new ApiError(400, 'bad_request', `${by}.index must be a whole number ≥ 0, got ${JSON.stringify(index)}`);
  const a = await store.getArticle(articleId);
  if (!a || a.id !== articleId) throw new ApiError(404, 'not_found', `no article has the id ${JSON.stringify(articleId)}`);
  const i = index as number;
  if (by === 'event') {
    const e = a.events[i];
    if (!e) throw new ApiError(404, 'not_found', `the article ${articleId} has ${a.events.length} events: none at index ${i}`);
    return eventTarget({ articleId, source: e.source.code, target: e.target?.code, code: e.code, event: e });
  }
  const q = a.quotes[i];
  if (!q) throw new ApiError(404, 'not_found', `the article ${articleId} has ${a.quotes.length} quotes: none at index ${i}`);
  return quoteTarget({ articleId, start: q.start, end: q.end });
}

/**
 * Analysts' corrections (issue 19): mark an event or a quote wrong (with a reason) or confirm it,
 * undo, list. Events marked wrong leave relations and exports (the stores' event reads) but stay
 * on the dyad explorer's evidence and in the reader, marked. Writes are guarded as ingest is.
 *
 * @example new Hono().route('/api', correctionRoutes(store, o))
 */
export function correctionRoutes(store: Store, o: ServerOptions): Hono {
  const listing = correctionListParams(o);
  const deleting = correctionDeleteParams();
  const tooLarge = () => {
    throw new ApiError(413, 'payload_too_large', 'a correction is a small JSON object: at most 16384 bytes');
  };
  const writes = [sameOriginWrites(), requireToken(o.token)] as const;
  return new Hono()
    .get('/corrections', async (c) => {
      const { limit, offset, article, ...p } = parseQuery(listing, c.req.queries());
      const pg = pageOf({ limit, offset }, o);
      const filter: CorrectionFilter = { ...p, ...(article !== undefined ? { articleId: article } : {}) };
      const [items, total] = await Promise.all([store.listCorrections({ ...filter, ...pg }), store.countCorrections(filter)]);
      return c.json({ items, ...pg, total });
    })
    .post('/corrections', ...writes, jsonBodyOnly(), bodyLimit({ maxSize: 16_384, onError: tooLarge }), async (c) => {
      parseQuery({}, c.req.queries());
      let body: CorrectionBody & Partial<Correction>;
      try {
        body = JSON.parse(await c.req.text());
      } catch (cause) {
        throw new ApiError(400, 'bad_request', `the body must be a JSON object: ${(cause as Error).message}`);
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, 'bad_request', 'the body must be one JSON object');
      const target = await targetOf(store, body);
      let correction: Correction;
      try {
        // the time is the server's: a client's clock says nothing of when the store learnt it
        correction = checkedCorrection({ ...target, verdict: body.verdict, reason: body.reason, by: body.by });
      } catch (e) {
        if (e instanceof EntenteError && e.code === 'E_CORRECTION') throw new ApiError(400, 'bad_request', e.message.replace(/^\[entente\] /, ''));
        throw e;
      }
      return c.json({ correction: await store.putCorrection(correction) });
    })
    .delete('/corrections', ...writes, async (c) => {
      const { key } = parseQuery(deleting, c.req.queries());
      // undoing twice is not an error: the second finds the item as the first left it
      return c.json({ key, removed: await store.removeCorrection(key!) });
    });
}
