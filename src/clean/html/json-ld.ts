/**
 * The article record a page declares in `<script type="application/ld+json">`: headline, dates,
 * authors, publisher, and sometimes the body itself. Pages nest it in arrays and `@graph`s and
 * now and then print JSON that is not quite valid (raw line breaks inside strings), so the
 * reader is lenient and never throws.
 */

/**
 * The fields entente reads from a JSON-LD article.
 *
 * @example { headline: 'Talks resume', authors: ['A. Writer'], publisher: 'The Daily' }
 */
export interface LdArticle {
  headline?: string;
  datePublished?: string;
  authors: string[];
  publisher?: string;
  articleBody?: string;
  url?: string;
}

const ARTICLE_TYPE = /(Article|BlogPosting|Report|Posting|NewsArticle)$/;
const MAX_NODES = 5000;

function parseLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      // raw control characters inside strings are the usual fault
      // eslint-disable-next-line no-control-regex
      return JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

function names(v: unknown): string[] {
  const out: string[] = [];
  const list = Array.isArray(v) ? v : [v];
  for (const x of list) {
    const s = str(x) ?? (typeof x === 'object' && x !== null ? str((x as Record<string, unknown>).name) : undefined);
    if (s !== undefined && !/^https?:/i.test(s) && !out.includes(s)) out.push(s);
  }
  return out;
}

function isArticle(o: Record<string, unknown>): boolean {
  const t = o['@type'];
  const types = Array.isArray(t) ? t : [t];
  return types.some((x) => typeof x === 'string' && ARTICLE_TYPE.test(x));
}

/**
 * Reads the first article-typed object out of the page's JSON-LD blocks (iteratively: nesting
 * depth and size are bounded). Falls back to the first object with a `headline`.
 *
 * @example
 * readJsonLd(['{"@type":"NewsArticle","headline":"Talks resume","author":{"name":"A. Writer"}}']).headline // 'Talks resume'
 */
export function readJsonLd(blocks: string[]): LdArticle | undefined {
  let fallback: Record<string, unknown> | undefined;
  for (const block of blocks) {
    const root = parseLenient(block);
    const stack: unknown[] = [root];
    let seen = 0;
    while (stack.length > 0 && seen++ < MAX_NODES) {
      const v = stack.pop();
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
        continue;
      }
      if (typeof v !== 'object' || v === null) continue;
      const o = v as Record<string, unknown>;
      if (isArticle(o)) return toArticle(o);
      if (fallback === undefined && str(o.headline) !== undefined) fallback = o;
      if (o['@graph'] !== undefined) stack.push(o['@graph']);
      if (typeof o.mainEntity === 'object') stack.push(o.mainEntity);
    }
  }
  return fallback === undefined ? undefined : toArticle(fallback);
}

function toArticle(o: Record<string, unknown>): LdArticle {
  const pub = o.publisher;
  const publisher = typeof pub === 'object' && pub !== null ? names(Array.isArray(pub) ? pub : [pub])[0] : str(pub);
  const main = o.mainEntityOfPage;
  const url = str(o.url) ?? str(main) ?? (typeof main === 'object' && main !== null ? str((main as Record<string, unknown>)['@id']) : undefined);
  return {
    headline: str(o.headline) ?? str(o.name),
    datePublished: str(o.datePublished) ?? str(o.dateCreated),
    authors: names(o.author ?? o.creator),
    publisher,
    articleBody: str(o.articleBody),
    url,
  };
}
