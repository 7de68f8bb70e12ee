/**
 * Finding addresses in text: every URL written in the input, the host of one, and the article's
 * own address from a labelled line ("Original url:" then the address, possibly as a Markdown link
 * whose text is broken across two lines).
 */
import type { Line } from './_doc.js';

/** A URL written in the text. */
export interface UrlMention {
  url: string;
  start: number;
  end: number;
}

const HAS_URL = /https?:\/\/|www\./i;
const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)[^\s<>()[\]"'“”‘’`]{2,2000}/giu;
/** the characters a URL continues with on its next line: no spaces, nothing that ends a sentence */
const URL_CONTINUATION = /^[\w\-./?=&%#~+:;@!$,*]+$/u;

/**
 * A URL without the punctuation a sentence put after it.
 * @example tidyUrl('https://x.com/a).') // 'https://x.com/a'
 */
export function tidyUrl(url: string): string {
  return url.replace(/[.,;:!?)\]'"”’]+$/u, '');
}

/**
 * Every http(s) or www. address in `text`, in order.
 * @example urlsIn('see https://a.com/x, then')[0].url // 'https://a.com/x'
 */
export function urlsIn(text: string): UrlMention[] {
  const out: UrlMention[] = [];
  // a cheap scan first: most texts hold no address, and the full pattern tests every position
  if (!HAS_URL.test(text)) return out;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const url = tidyUrl(m[0]);
    const start = m.index ?? 0;
    if (hostOf(url)) out.push({ url, start, end: start + url.length });
  }
  return out;
}

/**
 * The lower-case host of an address, without "www.", or undefined when it is not one.
 * @example hostOf('https://www.themoscowtimes.com/2021/') // 'themoscowtimes.com'
 */
export function hostOf(url: string): string | undefined {
  try {
    const u = new URL(/^https?:\/\//iu.test(url) ? url : `http://${url}`);
    const host = u.hostname.toLowerCase().replace(/^www\d?\./u, '');
    return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/u.test(host) && /[a-z]/u.test(host.slice(host.lastIndexOf('.'))) ? host : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The address written on `lines`, starting at character `from` of the first: a link's target
 * when the lines hold a link to an address, else the written address, with a continuation on
 * the following lines joined back ("…relations-wi" + "th-moscow-a73331").
 *
 * @example addressOn([line('https://x.com/a-b'), line('c-d')], 0) // 'https://x.com/a-bc-d'
 */
export function addressOn(lines: readonly Line[], from = 0): string | undefined {
  for (const l of lines) {
    for (const m of l.marks) {
      if (m.kind === 'link' && m.url && /^https?:\/\//iu.test(m.url) && hostOf(m.url)) return m.url;
    }
  }
  const first = lines[0]?.txt.text.slice(from) ?? '';
  const at = first.search(/https?:\/\/|www\./iu);
  if (at < 0) return undefined;
  let url = first.slice(at);
  if (/\s/u.test(url)) url = url.slice(0, url.search(/\s/u));
  // the address runs to the end of its line: a following line of URL characters continues it
  else {
    for (const l of lines.slice(1)) {
      if (!URL_CONTINUATION.test(l.txt.text)) break;
      url += l.txt.text;
    }
  }
  url = tidyUrl(url);
  if (!hostOf(url)) return undefined;
  return /^https?:\/\//iu.test(url) ? url : `https://${url}`;
}
