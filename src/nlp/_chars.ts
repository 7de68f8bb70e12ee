/**
 * Character classes for the hand-written scanners in this folder. They work on UTF-16 code
 * units so the hot loops never allocate; non-ASCII letters are classified once with a Unicode
 * regex and cached, because news text is >99% ASCII and a per-character regex would cost ~5×.
 */

const UNKNOWN = 0;
const LETTER = 1;
const DIGIT = 2;
const OTHER = 3;

const cache = new Uint8Array(65536);
const LETTERISH = /[\p{L}\p{M}]/u;
const NUMERIC = /\p{N}/u;

function classify(c: number): number {
  let k = cache[c]!;
  if (k === UNKNOWN) {
    const ch = String.fromCharCode(c);
    // a lone surrogate is half of an astral character (emoji, rare CJK): never a letter here
    k = c >= 0xd800 && c <= 0xdfff ? OTHER : LETTERISH.test(ch) ? LETTER : NUMERIC.test(ch) ? DIGIT : OTHER;
    cache[c] = k;
  }
  return k;
}

/** @example isDigit('7'.charCodeAt(0)) // true */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Any Unicode letter or combining mark. @example isLetter('é'.charCodeAt(0)) // true */
export function isLetter(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return classify(c) === LETTER;
}

/** A letter or a digit of any script. @example isAlnum('٣'.charCodeAt(0)) // true */
export function isAlnum(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return classify(c) !== OTHER;
}

/** @example isUpper('Ж'.charCodeAt(0)) // true */
export function isUpper(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  const ch = String.fromCharCode(c);
  return classify(c) === LETTER && ch !== ch.toLowerCase();
}

/** @example isLower('é'.charCodeAt(0)) // true */
export function isLower(c: number): boolean {
  if (c < 128) return c >= 97 && c <= 122;
  const ch = String.fromCharCode(c);
  return classify(c) === LETTER && ch !== ch.toUpperCase();
}

/** White space as `String.prototype.trim` sees it. @example isSpace(0xa0) // true */
export function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 128) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Straight and typographic apostrophes. @example isApostrophe(0x2019) // true */
export function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** Marks that may close a sentence's last clause: `.” ` `?)` `!’`. @example isCloser(0x201d) // true */
export function isCloser(c: number): boolean {
  return c === 34 || c === 39 || c === 41 || c === 93 || c === 125 || c === 0x2019 || c === 0x201d ||
    c === 0xbb || c === 0x203a || c === 0x300d || c === 0x300f || c === 0xff09;
}

/** Marks that may open a sentence: `"` `“` `‘` `(` `[` `«`. @example isOpener(0x201c) // true */
export function isOpener(c: number): boolean {
  return c === 34 || c === 39 || c === 40 || c === 91 || c === 0x2018 || c === 0x201c || c === 0xab ||
    c === 0x2039 || c === 0x300c || c === 0x300e || c === 0xff08 || c === 0x201e;
}
