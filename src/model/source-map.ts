/**
 * Maps offsets in the cleaned text back to offsets in the original input (the decoded input
 * string: the HTML source, the `.txt`/`.md` file, or a JSON line's `text`/`html` field).
 *
 * Cleaning copies runs of input into the output, drops some runs and inserts a few characters
 * of its own (paragraph breaks, a space where a line break was). Each copied run is one segment.
 * When a run changed length on the way (an HTML entity decoded, white space folded) the segment
 * is *coarse*: offsets inside it map to its input bounds rather than character by character.
 */
export interface SourceSegment {
  /** output range [outStart, outEnd) */
  outStart: number;
  outEnd: number;
  /** input range [inStart, inEnd) it came from */
  inStart: number;
  inEnd: number;
}

export interface SourceMap {
  /** sorted by outStart, non-overlapping */
  segments: SourceSegment[];
}

/**
 * Input offset for an output offset. An offset that falls in inserted text (between segments)
 * maps to the end of the previous segment, so a span's start and end always map into the input.
 *
 * @example
 * const b = new TextBuilder(); b.append('Hi', 10); b.insert(' '); b.append('there', 20);
 * toInputOffset(b.sourceMap(), 3) // 20
 */
export function toInputOffset(map: SourceMap, offset: number): number {
  const segs = map.segments;
  if (segs.length === 0) return offset;
  let lo = 0;
  let hi = segs.length - 1;
  // last segment whose outStart <= offset
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid].outStart <= offset) lo = mid;
    else hi = mid - 1;
  }
  const s = segs[lo];
  if (offset < s.outStart) return s.inStart;
  if (offset >= s.outEnd) return s.inEnd;
  const exact = s.outEnd - s.outStart === s.inEnd - s.inStart;
  return exact ? s.inStart + (offset - s.outStart) : s.inStart;
}

/**
 * Input range of an output span: `[toInput(start), toInput(end))`, with the end taken from the
 * segment that holds the span's last character, so a span ending a paragraph does not stretch
 * over the dropped text that follows it.
 *
 * @example toInputSpan(map, { start: 0, end: 2 }) // { start: 10, end: 12 }
 */
export function toInputSpan(map: SourceMap, span: { start: number; end: number }): { start: number; end: number } {
  const start = toInputOffset(map, span.start);
  if (span.end <= span.start) return { start, end: start };
  const last = toInputOffset(map, span.end - 1);
  const seg = findSegment(map, span.end - 1);
  const exact = seg !== undefined && seg.outEnd - seg.outStart === seg.inEnd - seg.inStart;
  const end = seg === undefined ? last : exact ? last + 1 : seg.inEnd;
  return { start, end: Math.max(start, end) };
}

function findSegment(map: SourceMap, offset: number): SourceSegment | undefined {
  for (let lo = 0, hi = map.segments.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    const s = map.segments[mid];
    if (offset < s.outStart) hi = mid - 1;
    else if (offset >= s.outEnd) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/**
 * Builds cleaned text and its source map together, so no stage can produce one without the other.
 *
 * @example
 * const b = new TextBuilder();
 * b.append('Moscow', 120);          // copied from input offset 120
 * b.insert('\n\n');                 // our paragraph break: maps nowhere
 * b.append('Kyiv &amp; Minsk'.replace('&amp;', '&'), 300, 316); // coarse: lengths differ
 * b.text // 'Moscow\n\nKyiv & Minsk'
 */
export class TextBuilder {
  private parts: string[] = [];
  private length = 0;
  private segments: SourceSegment[] = [];

  get text(): string {
    if (this.parts.length > 1) this.parts = [this.parts.join('')];
    return this.parts[0] ?? '';
  }

  get offset(): number {
    return this.length;
  }

  /** Appends `text` copied from input `[inStart, inEnd)`; `inEnd` defaults to an exact copy. */
  append(text: string, inStart: number, inEnd: number = inStart + text.length): void {
    if (text.length === 0) return;
    const outStart = this.length;
    this.parts.push(text);
    this.length += text.length;
    const prev = this.segments[this.segments.length - 1];
    const exact = inEnd - inStart === text.length;
    // merge with the previous exact segment when the copy simply continues it
    if (exact && prev && prev.outEnd === outStart && prev.inEnd === inStart && prev.outEnd - prev.outStart === prev.inEnd - prev.inStart) {
      prev.outEnd = this.length;
      prev.inEnd = inEnd;
      return;
    }
    this.segments.push({ outStart, outEnd: this.length, inStart, inEnd });
  }

  /** Appends text of our own (a paragraph break, a joining space) that maps to no input. */
  insert(text: string): void {
    if (text.length === 0) return;
    this.parts.push(text);
    this.length += text.length;
  }

  /** The last character written, or '' at the start. */
  lastChar(): string {
    const t = this.parts[this.parts.length - 1];
    return t ? t[t.length - 1] : '';
  }

  sourceMap(): SourceMap {
    return { segments: this.segments.map((s) => ({ ...s })) };
  }
}
