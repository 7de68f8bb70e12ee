/**
 * A half-open range `[start, end)` of character offsets (UTF-16 code units, as JavaScript
 * counts them) into an article's cleaned `text`. Paragraphs, sentences, tokens and, in later
 * stages, mentions, quotes and event evidence are all spans: nothing copies text around.
 *
 * @example
 * const s: Span = { start: 0, end: 5 };
 * spanText('Hello world', s); // 'Hello'
 */
export interface Span {
  start: number;
  end: number;
}

/** @example spanText('Hello world', { start: 6, end: 11 }) // 'world' */
export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/** True when `inner` lies wholly inside `outer`. @example contains({start:0,end:9},{start:2,end:4}) // true */
export function contains(outer: Span, inner: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}
