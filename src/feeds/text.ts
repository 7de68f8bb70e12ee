import { Parser } from 'htmlparser2';

/** Longest summary kept from a feed entry: a teaser, not the article. */
export const SUMMARY_MAX = 1000;

/**
 * Plain text of a feed's HTML-bearing field (a summary, a title with `<em>`): tags dropped,
 * entities decoded, white space collapsed; script and style content left out.
 *
 * @example plainText('<p>Ministers <b>met</b> &amp; talked.</p>') // 'Ministers met & talked.'
 */
export function plainText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  let out = '';
  let hidden = 0;
  const parser = new Parser(
    {
      onopentagname: (name) => {
        if (name === 'script' || name === 'style') hidden++;
      },
      onclosetag: (name) => {
        if (name === 'script' || name === 'style') hidden = Math.max(0, hidden - 1);
        // a block's end separates words that would otherwise run together
        if (/^(p|div|br|li|h[1-6]|tr|td)$/.test(name)) out += ' ';
      },
      ontext: (text) => {
        if (hidden === 0) out += text;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out.replace(/\s+/g, ' ').trim();
}

/** A field's text whether the parser gave a string or an object holding one (`{ value }`). */
export function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (v && typeof v === 'object' && 'value' in v) return textOf((v as { value: unknown }).value);
  if (Array.isArray(v)) return textOf(v[0]);
  return undefined;
}

/**
 * A feed's date as an ISO timestamp (RFC 822 in RSS, RFC 3339 in Atom and JSON Feed, W3C in
 * sitemaps), or undefined when it is not a date.
 *
 * @example isoDate('Tue, 02 Apr 2024 10:15:00 +0200') // '2024-04-02T08:15:00.000Z'
 */
export function isoDate(v: unknown): string | undefined {
  const s = textOf(v);
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
}

/** An entry's link made absolute against the feed's own URL; undefined when it is not http(s). */
export function absoluteLink(link: string | undefined, base: string): string | undefined {
  if (!link) return undefined;
  try {
    const u = new URL(link.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    u.hash = '';
    return u.toString();
  } catch {
    return undefined;
  }
}
