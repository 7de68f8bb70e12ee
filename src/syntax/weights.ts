/**
 * The weight-table codec shared by the syntax models' files (tagger, parser): the non-zero weights
 * of a row-major Float32 table as base64 strings, their indexes as LEB128 gaps (`rows`) and their
 * values as int16 times `scale` (`values`). Decoding checks every length and names the file.
 */
import { DataFileError } from '../model/errors.js';
import { expectNumber } from '../data/validate.js';

/** The encoded fields of a weight table. */
export interface EncodedWeights { scale: number; count: number; rows: string; values: string }

/** Encode `w`, dropping weights with |w| < `prune`. */
export function encodeWeights(w: Float32Array, prune: number): EncodedWeights {
  let max = 0;
  for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i]));
  const scale = max > 0 ? max / 32767 : 1;
  const idx: number[] = [], vals: number[] = [];
  for (let i = 0; i < w.length; i++) {
    const q = Math.round(w[i] / scale);
    if (q !== 0 && Math.abs(w[i]) >= prune) { idx.push(i); vals.push(q); }
  }
  const bytes: number[] = [];
  let prev = -1;
  for (const i of idx) {
    let d = i - prev - 1;
    prev = i;
    while (d >= 0x80) { bytes.push((d & 0x7f) | 0x80); d >>>= 7; }
    bytes.push(d);
  }
  const v16 = Int16Array.from(vals);
  return {
    scale,
    count: idx.length,
    rows: Buffer.from(bytes).toString('base64'),
    values: Buffer.from(v16.buffer, v16.byteOffset, v16.byteLength).toString('base64'),
  };
}

/**
 * Each stored weight of `o` in index order, as `(index, int16 value)`, after checking the fields
 * against a table of `size` weights.
 */
function eachWeight(file: string, o: Record<string, unknown>, size: number, put: (index: number, value: number) => void): void {
  expectNumber(file, o, 'scale', Number.MIN_VALUE, 1e6);
  const count = expectNumber(file, o, 'count', 0, size);
  if (typeof o.rows !== 'string' || typeof o.values !== 'string') throw new DataFileError(file, '"rows" and "values" must be base64 strings');
  const rows = Buffer.from(o.rows, 'base64');
  const valBytes = Buffer.from(o.values, 'base64');
  if (valBytes.length !== count * 2) throw new DataFileError(file, `"values" holds ${valBytes.length} bytes, expected ${count * 2} for count ${count}`);
  let pos = 0, prev = -1;
  for (let j = 0; j < count; j++) {
    let d = 0, sh = 0, b: number;
    do {
      if (pos >= rows.length) throw new DataFileError(file, `"rows" ends after ${j} of ${count} entries`);
      b = rows[pos++];
      d += (b & 0x7f) * 2 ** sh;
      sh += 7;
    } while (b & 0x80);
    prev += d + 1;
    if (prev >= size) throw new DataFileError(file, `"rows" points past the ${size} weights`);
    put(prev, valBytes.readInt16LE(j * 2));
  }
  if (pos !== rows.length) throw new DataFileError(file, `"rows" has ${rows.length - pos} bytes beyond its ${count} entries`);
}

/** Decode the `scale`, `count`, `rows` and `values` fields of `o` into a table of `size` weights. */
export function decodeWeights(file: string, o: Record<string, unknown>, size: number): Float32Array;
/**
 * With `quantised`, the table holds the int16 values as stored, without `scale`: half the memory,
 * and the same best-scoring class wherever only the ranking of sums of weights counts (the parser).
 */
export function decodeWeights(file: string, o: Record<string, unknown>, size: number, quantised: true): Int16Array;
export function decodeWeights(file: string, o: Record<string, unknown>, size: number, quantised = false): Float32Array | Int16Array {
  if (quantised) {
    const weights = new Int16Array(size);
    eachWeight(file, o, size, (i, v) => { weights[i] = v; });
    return weights;
  }
  const weights = new Float32Array(size), scale = expectNumber(file, o, 'scale', Number.MIN_VALUE, 1e6);
  eachWeight(file, o, size, (i, v) => { weights[i] = v * scale; });
  return weights;
}

/**
 * A weight table of rows of `stride` int16 weights in which every row without a stored weight is
 * one shared row of zeros: row r starts at `rowAt[r]` in `weights`. Hashed feature tables are
 * mostly empty rows (the tagger's: 124,000 of 524,000 rows hold a weight), so this holds the same
 * weights in a third of the memory.
 */
export interface RowTable {
  rowAt: Int32Array;
  weights: Int16Array;
}

/** `decodeWeights(…, true)` of a table of `nRows` rows of `stride`, as a `RowTable`. */
export function decodeRowTable(file: string, o: Record<string, unknown>, nRows: number, stride: number): RowTable {
  // the stored weights come in index order: read once, then laid out once the rows with a weight are counted
  const count = expectNumber(file, o, 'count', 0, nRows * stride);
  const at = new Int32Array(count), values = new Int16Array(count);
  let n = 0, used = 0, last = -1;
  eachWeight(file, o, nRows * stride, (i, v) => {
    at[n] = i;
    values[n++] = v;
    const r = Math.floor(i / stride);
    if (r !== last) { used++; last = r; }
  });
  const rowAt = new Int32Array(nRows), weights = new Int16Array((used + 1) * stride);
  let next = stride; // offset 0 is the zero row
  last = -1;
  for (let j = 0; j < count; j++) {
    const r = Math.floor(at[j] / stride);
    if (r !== last) { rowAt[r] = next; next += stride; last = r; }
    weights[rowAt[r] + (at[j] - r * stride)] = values[j];
  }
  return { rowAt, weights };
}
