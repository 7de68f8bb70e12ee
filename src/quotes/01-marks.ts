import type { Span } from '../model/span.js';

/**
 * One top-level quotation: from its opening mark to its closing mark (both included), in one or
 * more pieces when it runs over several paragraphs.
 *
 * @example { start: 0, end: 15, pieces: [{ start: 0, end: 15 }], closed: true } // “We are ready,”
 */
export interface MarkedRegion extends Span {
  pieces: Span[];
  /** false when the paragraph ended before a closing mark and the next paragraph did not go on */
  closed: boolean;
}

const OPEN_CURLY = 0x201c; // “
const CLOSE_CURLY = 0x201d; // ”
const LOW_OPEN = 0x201e; // „
const GUILLEMET_OPEN = 0xab; // «
const GUILLEMET_CLOSE = 0xbb; // »
const STRAIGHT = 0x22; // "

const isOpener = (c: number) => c === OPEN_CURLY || c === LOW_OPEN || c === GUILLEMET_OPEN;
const isCloser = (c: number) => c === CLOSE_CURLY || c === GUILLEMET_CLOSE;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0xa0;

// A straight mark opens when it follows nothing, a space or an opening bracket/dash
// (`He said, "Yes."`) and closes otherwise (`"Yes," he said`).
function straightOpens(text: string, i: number, lo: number): boolean {
  if (i === lo) return true;
  const p = text.charCodeAt(i - 1);
  return isSpace(p) || p === 0x28 || p === 0x5b || p === 0x2014 || p === 0x2013 || p === 0x2f;
}

function firstNonSpace(text: string, p: Span): number {
  let i = p.start;
  while (i < p.end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

// Whether a paragraph goes on with a quote the previous paragraph left open: it reopens it
// (news style: “…no closing mark¶“And then…”) or closes it before opening anything (a paragraph
// broken in two by a bad copy: “…want to be¶guided by…,” he said).
function continues(text: string, p: Span): 'reopens' | 'closes' | false {
  const i = firstNonSpace(text, p);
  if (i >= p.end) return false;
  const c = text.charCodeAt(i);
  if (isOpener(c) || c === STRAIGHT) return 'reopens';
  for (let j = i; j < p.end; j++) {
    const d = text.charCodeAt(j);
    if (isOpener(d)) return false;
    if (isCloser(d)) return 'closes';
    if (d === STRAIGHT) return straightOpens(text, j, p.start) ? false : 'closes';
  }
  return false;
}

/**
 * Pairs quotation marks paragraph by paragraph: curly, straight, guillemets and mixed pairs
 * (curly opening, straight closing); single quotes inside a double quote are nested and never a
 * region of their own; a quote left open at a paragraph's end continues into the next paragraph
 * when that paragraph reopens or closes it. Top-level single quotes are not quotations here: in
 * the news they are headline style or apostrophes far more often than speech.
 *
 * @example
 * pairMarks('“We are ready,” he said, "to talk."', [{ start: 0, end: 35 }]).map((r) => [r.start, r.end])
 * // [[0, 15], [24, 35]]
 */
export function pairMarks(text: string, paragraphs: readonly Span[]): MarkedRegion[] {
  const out: MarkedRegion[] = [];
  // most copy has no quotation mark at all: four native scans settle that
  if (text.indexOf('"') < 0 && text.indexOf('“') < 0 && text.indexOf('„') < 0 && text.indexOf('«') < 0) return out;
  let open: { start: number; pieces: Span[]; pieceStart: number } | undefined;
  let prevEnd = 0;
  for (const p of paragraphs) {
    let i = p.start;
    if (open) {
      const how = continues(text, p);
      if (how === false) {
        open.pieces.push({ start: open.pieceStart, end: prevEnd });
        out.push({ start: open.start, end: prevEnd, pieces: open.pieces, closed: false });
        open = undefined;
      } else {
        open.pieces.push({ start: open.pieceStart, end: prevEnd });
        i = firstNonSpace(text, p);
        open.pieceStart = i;
        if (how === 'reopens') i++;
      }
    }
    for (; i < p.end; i++) {
      const c = text.charCodeAt(i);
      if (c === STRAIGHT) {
        if (open) {
          // `"` right before a letter after a space inside an open quote starts a nested straight
          // quote in sloppy copy; closing there is still the best guess.
          open.pieces.push({ start: open.pieceStart, end: i + 1 });
          out.push({ start: open.start, end: i + 1, pieces: open.pieces, closed: true });
          open = undefined;
        } else if (straightOpens(text, i, p.start)) open = { start: i, pieces: [], pieceStart: i };
      } else if (isOpener(c)) {
        if (!open) open = { start: i, pieces: [], pieceStart: i };
      } else if (isCloser(c) && open) {
        open.pieces.push({ start: open.pieceStart, end: i + 1 });
        out.push({ start: open.start, end: i + 1, pieces: open.pieces, closed: true });
        open = undefined;
      }
    }
    prevEnd = p.end;
  }
  if (open) {
    open.pieces.push({ start: open.pieceStart, end: prevEnd });
    out.push({ start: open.start, end: prevEnd, pieces: open.pieces, closed: false });
  }
  return out;
}
