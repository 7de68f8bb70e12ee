import { skip, type Skipped } from '../model/errors.js';

/** Decoded input: the string every later offset points into, and the encoding it was read as. */
export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

/** Share of control bytes (not tab, line feed, form feed or carriage return) above which input is binary. */
const BINARY_CONTROL_SHARE = 0.02;
const SNIFF_BYTES = 64 * 1024;

/**
 * Decodes bytes to text from their content, not their file name:
 * 1. a byte-order mark says UTF-8 or UTF-16;
 * 2. UTF-16 without a mark shows as NUL bytes in every other position;
 * 3. any other NUL, or too many control bytes, means binary;
 * 4. valid UTF-8 is UTF-8, and so is UTF-8 with a little damage (`damagedUtf8`); anything
 *    else is read as Windows-1252, the superset of Latin-1 that old newsroom systems wrote.
 *
 * @example
 * decodeBytes(Buffer.from('caf\xe9', 'latin1'), 'a.txt') // { text: 'café', encoding: 'windows-1252' }
 */
export function decodeBytes(bytes: Uint8Array, origin: string): Decoded | Skipped {
  if (bytes.length === 0) return skip('empty', origin, 'the file has 0 bytes');
  // 1.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3), origin);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le', origin);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be', origin);
  // 2.
  const sniff = bytes.subarray(0, SNIFF_BYTES);
  const bom16 = unmarkedUtf16(sniff);
  if (bom16) return utf16(bytes, bom16, origin);
  // 3.
  let control = 0;
  for (const b of sniff) {
    if (b === 0) return skip('binary', origin, 'the file contains NUL bytes: it is binary, not text');
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) control++;
  }
  if (control / sniff.length > BINARY_CONTROL_SHARE) {
    return skip('binary', origin, `${((100 * control) / sniff.length).toFixed(1)}% of the first bytes are control codes: it is binary, not text`);
  }
  // 4.
  return utf8(bytes, origin);
}

function utf8(bytes: Uint8Array, origin: string): Decoded | Skipped {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // a few broken sequences in UTF-8 (a download cut mid-character) would otherwise turn every
    // other accent and curly quote of the article into Windows-1252 mojibake
    if (damagedUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** Valid multi-byte sequences a broken one must be outnumbered by for the bytes to count as UTF-8. */
const VALID_PER_BROKEN = 4;

/**
 * True when invalid UTF-8 is UTF-8 with a little damage: valid multi-byte sequences outnumber the
 * bytes that start none by `VALID_PER_BROKEN` to one, not counting one sequence cut short at the
 * very end. Windows-1252 text has next to no valid sequences: its accented letters stand alone.
 *
 * @example damagedUtf8(Buffer.from('“Oui,” dit-il. Déjà vu à Orléans. 中').subarray(0, -1)) // true
 */
export function damagedUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let broken = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let k = 1;
    while (k < n && i + k < bytes.length && (bytes[i + k] & 0xc0) === 0x80) k++;
    if (n > 0 && k === n) {
      valid++;
      i += n;
    } else if (n > 0 && i + k === bytes.length) {
      break; // cut short at the end
    } else {
      broken++;
      i++;
    }
  }
  return valid > 0 && valid >= VALID_PER_BROKEN * broken;
}

/**
 * Windows-1252 bytes 0x80–0x9F (the WHATWG Encoding Standard's index-windows-1252); every other
 * byte is its Latin-1 code point. Node's own TextDecoder('windows-1252') returns C1 control
 * characters for these bytes (measured on Node 20.20 with ICU 78), which turns every curly quote
 * of an old Word-made article into an invisible control.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** @example decodeWindows1252(Uint8Array.from([0x93, 0x68, 0x69, 0x94])) // '“hi”' */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]));
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', origin: string): Decoded | Skipped {
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch (cause) {
    return skip('encoding', origin, `the file says it is ${encoding.toUpperCase()} but is not valid ${encoding.toUpperCase()}`);
  }
}

/** Text in UTF-16 without a mark has a NUL in nearly every even (BE) or odd (LE) byte. */
function unmarkedUtf16(sniff: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (sniff.length < 8) return undefined;
  let even = 0;
  let odd = 0;
  const n = sniff.length - (sniff.length % 2);
  for (let i = 0; i < n; i += 2) {
    if (sniff[i] === 0) even++;
    if (sniff[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd / pairs > 0.6 && even / pairs < 0.05) return 'utf-16le';
  if (even / pairs > 0.6 && odd / pairs < 0.05) return 'utf-16be';
  return undefined;
}
