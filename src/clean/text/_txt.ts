/**
 * `Txt`: a piece of visible text that remembers, run by run, where each character came from in
 * the input. Cleaning steps cut and splice `Txt`s instead of strings, so the final `TextBuilder`
 * can map every copied character back to the input offset it was copied from.
 */
import type { TextBuilder } from '../../model/source-map.js';

/** One run: `s` copied from input offset `at` (exact, same length), or inserted (`at` = -1). */
interface Run {
  readonly s: string;
  readonly at: number;
}

/** An edit for `Txt.edit`: replace `[start, end)` by `with` (our own text, '' to delete). */
export interface Edit {
  start: number;
  end: number;
  with?: string;
}

/** White space as the cleaner sees it: Unicode spaces, including the no-break space (U+00A0) the seeds end lines with. */
export const SPACE = /[\s\u00a0\u200b\ufeff]/u;

/**
 * Immutable text with provenance.
 *
 * @example
 * const t = Txt.of('xx Hello **you**', 3, 16);   // "Hello **you**" copied from offset 3
 * t.edit([{ start: 6, end: 8 }, { start: 11, end: 13 }]).text // "Hello you"
 */
export class Txt {
  readonly text: string;
  private readonly runs: readonly Run[];
  /** position in `text` where each run starts */
  private readonly starts: readonly number[];

  private constructor(runs: Run[]) {
    const merged: Run[] = [];
    for (const r of runs) {
      if (r.s.length === 0) continue;
      const prev = merged[merged.length - 1];
      if (prev && ((prev.at >= 0 && r.at === prev.at + prev.s.length) || (prev.at < 0 && r.at < 0))) {
        merged[merged.length - 1] = { s: prev.s + r.s, at: prev.at };
      } else merged.push(r);
    }
    this.runs = merged;
    const starts: number[] = [];
    let n = 0;
    for (const r of merged) {
      starts.push(n);
      n += r.s.length;
    }
    this.starts = starts;
    this.text = merged.length === 1 ? merged[0].s : merged.map((r) => r.s).join('');
  }

  /** The input's `[start, end)` as copied text. @example Txt.of('abc', 1, 3).text // 'bc' */
  static of(input: string, start: number, end: number): Txt {
    return new Txt([{ s: input.slice(start, end), at: start }]);
  }

  /** Text of our own, mapping to no input. @example Txt.lit(' ').inputAt(0) // -1 */
  static lit(s: string): Txt {
    return new Txt([{ s, at: -1 }]);
  }

  /** Concatenation. @example Txt.join([Txt.lit('a'), Txt.lit('b')]).text // 'ab' */
  static join(parts: readonly Txt[]): Txt {
    const runs: Run[] = [];
    for (const p of parts) for (const r of p.runs) runs.push(r);
    return new Txt(runs);
  }

  get length(): number {
    return this.text.length;
  }

  private runIndex(i: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Input offset of character `i`, or -1 when it is our own. @example Txt.of('abc', 0, 3).inputAt(2) // 2 */
  inputAt(i: number): number {
    if (i < 0 || i >= this.text.length) return -1;
    const k = this.runIndex(i);
    const r = this.runs[k];
    return r.at < 0 ? -1 : r.at + (i - this.starts[k]);
  }

  /** `[first, last + 1)` of the copied characters, or undefined when nothing is copied. */
  inputRange(): { start: number; end: number } | undefined {
    let start = -1;
    let end = -1;
    for (const r of this.runs) {
      if (r.at < 0) continue;
      if (start < 0) start = r.at;
      end = r.at + r.s.length;
    }
    return start < 0 ? undefined : { start, end };
  }

  /** @example Txt.of('abcdef', 0, 6).slice(1, 3).text // 'bc' */
  slice(start: number, end: number = this.text.length): Txt {
    const a = Math.max(0, Math.min(start, this.text.length));
    const b = Math.max(a, Math.min(end, this.text.length));
    if (a === b) return new Txt([]);
    const out: Run[] = [];
    for (let k = this.runIndex(a); k < this.runs.length && this.starts[k] < b; k++) {
      const r = this.runs[k];
      const from = Math.max(a, this.starts[k]) - this.starts[k];
      const to = Math.min(b, this.starts[k] + r.s.length) - this.starts[k];
      out.push({ s: r.s.slice(from, to), at: r.at < 0 ? -1 : r.at + from });
    }
    return new Txt(out);
  }

  /** Applies sorted, non-overlapping edits. @example Txt.of('a**b**', 0, 6).edit([{start:1,end:3},{start:4,end:6}]).text // 'ab' */
  edit(edits: readonly Edit[]): Txt {
    if (edits.length === 0) return this;
    const parts: Txt[] = [];
    let at = 0;
    for (const e of edits) {
      if (e.start < at) continue; // overlapping edit: the earlier one wins
      parts.push(this.slice(at, e.start));
      if (e.with) parts.push(Txt.lit(e.with));
      at = e.end;
    }
    parts.push(this.slice(at));
    return Txt.join(parts);
  }

  /** Without leading and trailing white space (see `SPACE`). @example Txt.lit(' a\u00a0').trim().text // 'a' */
  trim(): Txt {
    let a = 0;
    let b = this.text.length;
    while (a < b && SPACE.test(this.text[a])) a++;
    while (b > a && SPACE.test(this.text[b - 1])) b--;
    return a === 0 && b === this.text.length ? this : this.slice(a, b);
  }

  /** Writes the text into `b`, copied runs with their input offsets, inserted runs as inserts. */
  emit(b: TextBuilder): void {
    for (const r of this.runs) {
      if (r.at < 0) b.insert(r.s);
      else b.append(r.s, r.at);
    }
  }
}
