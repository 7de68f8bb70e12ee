const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The form two printings of the same text share: Unicode compatibility forms, quote marks,
 * apostrophes and dashes unified, white space folded, lower case. Two copies of one caption
 * ("Rome's" / "Rome’s") and two copies of one story fold to the same string.
 *
 * @example fold('FILE – Ukraine’s  “war”') === fold("file - ukraine's \"war\"") // true
 */
export function fold(s: string): string {
  // plain ASCII (most wire copy) has no compatibility forms, curly marks or dashes to unify
  const t = NON_ASCII.test(s)
    ? s
        .normalize('NFKC')
        .replace(/[‘’‚‛′`´]/gu, "'")
        .replace(/[“”„‟″«»]/gu, '"')
        .replace(/[‐‑‒–—―−]/gu, '-')
        .replace(/[\s\u00a0\u200b]+/gu, ' ')
    : s.replace(/\s+/g, ' ');
  return t.trim().toLowerCase();
}
