/**
 * A second opinion from the page's own JSON-LD `articleBody`. The declared body is not trusted
 * as the answer (it is often cut to a teaser, or a different version of the text), but when the
 * chosen container barely shares its words, one of the runner-up containers probably is the story.
 */

const WORD = /[\p{L}\p{N}]{3,}/gu;

function wordBag(text: string): { bag: Map<string, number>; size: number } {
  const bag = new Map<string, number>();
  let size = 0;
  for (const m of text.toLowerCase().matchAll(WORD)) {
    bag.set(m[0], (bag.get(m[0]) ?? 0) + 1);
    size++;
  }
  return { bag, size };
}

/**
 * How well `text` matches `declared`: the F1 of their bags of words (3+ letters, case folded),
 * so both missing story and extra text (a comment thread taken along) lower it.
 *
 * @example agreement('Talks resume in Vienna', 'talks resume in Vienna') // 1
 */
export function agreement(text: string, declared: string): number {
  const want = wordBag(declared);
  const have = wordBag(text);
  if (want.size === 0 || have.size === 0) return want.size === have.size ? 1 : 0;
  let n = 0;
  for (const [w, c] of want.bag) n += Math.min(c, have.bag.get(w) ?? 0);
  return (2 * n) / (want.size + have.size);
}

/**
 * True when a declared body is long enough to judge by and not visibly cut short ("…", "...").
 *
 * @example usableDeclaredBody('Too short', 400) // false
 */
export function usableDeclaredBody(declared: string | undefined, minChars: number): declared is string {
  if (declared === undefined || declared.length < minChars) return false;
  return !/(\.\.\.|…)\s*$/.test(declared);
}
