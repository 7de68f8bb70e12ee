/**
 * Step 7: photo captions and credits leave the body; captions are kept apart.
 * 1. Credit lines ("(AP Photo/Name, File)", "(Reuters Photo)", "Photo: …", "Enlarge this image
 *    toggle caption Name/AP") go; the lines just before one in its paragraph are its caption. A
 *    bold run ending a line after a full sentence ("…his visit to China. **Russian Foreign
 *    Ministry**"), or a bold-only line under a line, is a credit too, and so is what a caption
 *    suffix matches at a line's end ("… in Vienna. (Name/Reuters)", "… – Hide Caption 3 of 12").
 * 2. A paragraph that begins like a caption ("In this photo…", "FILE -") is one.
 * 3. A paragraph printed twice (after unifying quotes, apostrophes and dashes) is a caption when
 *    a copy already is one or the copies stand close together; otherwise the later copies of a
 *    repeated body paragraph go.
 * 4. A credit or bold-only line standing alone attaches to the caption before it; a bold-only
 *    line that is no credit stays as a subheading.
 */
import type { Removal } from '../../model/article.js';
import type { Doc, Line, Para, Step } from './_doc.js';
import { endsSentence, paraText, removal, sameKey, wordCount } from './_doc.js';

interface CaptionMark {
  rule: string;
  reason: string;
  credit?: string;
}

interface Item {
  para: Para;
  caption?: CaptionMark;
  /** a credit standing alone, waiting for the caption before it */
  pendingCredit?: { text: string; bold: boolean };
}

function creditLine(doc: Doc, line: Line): { id: string; reason: string; text: string } | undefined {
  const text = line.txt.text;
  // the credit's words count, not a label's before it ("Enlarge this image toggle caption")
  if (text.length > doc.data.thresholds.maxLineChars) return undefined;
  for (const r of doc.data.creditLines) {
    const m = r.re.exec(text);
    if (!m) continue;
    const credit = once((m.groups?.credit ?? text).trim());
    if (wordCount(credit) > doc.data.thresholds.creditMaxWords) continue;
    if (r.needsCreditWord && !doc.data.creditWords.some((w) => w.test(credit))) continue;
    return { id: r.id, reason: r.reason, text: credit };
  }
  return undefined;
}

/** A credit printed twice over, as NPR's caption toggles print it, once. @example once('A/AP A/AP') // 'A/AP' */
function once(credit: string): string {
  const half = (credit.length - 1) / 2;
  return Number.isInteger(half) && credit[half] === ' ' && credit.slice(0, half) === credit.slice(half + 1) ? credit.slice(0, half) : credit;
}

/** A caption suffix ending the line ("(Name/Reuters)"), at `at` in its visible text, after words of a caption. */
function captionSuffix(doc: Doc, line: Line): { at: number; rule: string; reason: string; credit?: string } | undefined {
  const text = line.txt.text;
  if (text.length > doc.data.thresholds.maxLineChars) return undefined;
  for (const r of doc.data.captionSuffixes) {
    const m = r.re.exec(text);
    if (!m || m.index === 0) continue;
    const before = text.slice(0, m.index);
    if (wordCount(before) === 0 || wordCount(before) > doc.data.thresholds.captionMaxWords) continue;
    const at = m.index + (/^\s*/u.exec(m[0])?.[0].length ?? 0);
    return { at, rule: r.id, reason: r.reason, credit: m.groups?.credit?.trim() };
  }
  return undefined;
}

/** A bold run that ends the line: after a full sentence (`at` > 0) or the whole line (`at` = 0). */
function boldCredit(doc: Doc, line: Line): { at: number; text: string } | undefined {
  const bolds = line.marks.filter((m) => m.kind === 'bold');
  const last = bolds[bolds.length - 1];
  if (!last || last.end < line.txt.length) return undefined;
  const text = line.txt.text.slice(last.start, last.end).trim();
  const words = wordCount(text);
  if (words === 0 || words > doc.data.thresholds.boldCreditMaxWords || endsSentence(text) || /:$/u.test(text)) return undefined;
  if (last.start === 0) return { at: 0, text };
  const before = line.txt.text.slice(0, last.start);
  if (!endsSentence(before) || wordCount(before) > doc.data.thresholds.captionMaxWords) return undefined;
  return { at: last.start, text };
}

/** Input offset where the markup of a bold run starting at visible `at` begins ("**Russian…"). */
function markupStart(doc: Doc, line: Line, at: number): number {
  let i = line.txt.inputAt(at);
  if (i < 0) return line.end;
  while (i > line.start && /[*_]/u.test(doc.input[i - 1])) i--;
  return i;
}

/** 1. Splits credit lines and bold credits off their paragraphs. */
function splitCredits(doc: Doc, removed: Removal[]): Item[] {
  const th = doc.data.thresholds;
  const items: Item[] = [];
  for (const p of doc.paras) {
    let run: Line[] = [];
    const flush = (caption?: CaptionMark) => {
      if (run.length) items.push({ para: { lines: run, kind: caption ? 'body' : p.kind }, caption });
      run = [];
    };
    for (const line of p.lines) {
      const credit = creditLine(doc, line);
      if (credit) {
        removed.push(removal(doc, [line], credit.id, credit.reason));
        if (run.length) flush({ rule: 'photo-caption', reason: doc.data.reasons['photo-caption'], credit: credit.text });
        else items.push({ para: { lines: [line], kind: 'body' }, pendingCredit: { text: credit.text, bold: false } });
        continue;
      }
      // a line that ends as captions end: the words before are the caption, the end its credit
      const cutCredit = (at: number, creditAt: number, caption: CaptionMark) => {
        const cut = line.txt.slice(0, at).trim();
        run.push({ start: line.start, end: cut.inputRange()?.end ?? creditAt, txt: cut, marks: line.marks.filter((m) => m.end <= at) });
        removed.push({ rule: 'photo-credit', reason: doc.data.reasons['photo-credit'], text: doc.input.slice(creditAt, line.end), inputStart: creditAt, inputEnd: line.end });
        flush(caption);
      };
      const bold = doc.format === 'markdown' ? boldCredit(doc, line) : undefined;
      if (bold && bold.at > 0) {
        // a quote-led caption ending in a bold credit: "“We are ready,” the minister said in Rome. **Foreign Ministry**"
        cutCredit(bold.at, markupStart(doc, line, bold.at), { rule: 'photo-caption-bold-credit', reason: doc.data.reasons['photo-caption-bold-credit'], credit: bold.text });
        continue;
      }
      const suffix = bold ? undefined : captionSuffix(doc, line);
      if (suffix) {
        const i = line.txt.inputAt(suffix.at);
        cutCredit(suffix.at, i < 0 ? line.end : i, { rule: suffix.rule, reason: suffix.reason, credit: suffix.credit });
        continue;
      }
      if (bold && bold.at === 0) {
        if (run.length && wordCount(run.map((l) => l.txt.text).join(' ')) <= th.captionMaxWords) {
          removed.push(removal(doc, [line], 'photo-credit', doc.data.reasons['photo-credit']));
          flush({ rule: 'photo-caption-bold-credit', reason: doc.data.reasons['photo-caption-bold-credit'], credit: bold.text });
        } else {
          flush();
          items.push({ para: { lines: [line], kind: 'heading' }, pendingCredit: { text: bold.text, bold: true } });
        }
        continue;
      }
      run.push(line);
    }
    flush();
  }
  return items;
}

/** 2. Paragraphs that begin like captions. */
function markPrefixed(doc: Doc, items: Item[]): void {
  for (const it of items) {
    if (it.caption || it.pendingCredit) continue;
    const first = it.para.lines[0].txt.text;
    const rule = doc.data.captionPrefixes.find((r) => r.re.test(first));
    if (rule && wordCount(paraText(it.para)) <= doc.data.thresholds.captionMaxWords) it.caption = { rule: rule.id, reason: rule.reason };
  }
}

/** 3. Paragraphs printed more than once. */
function markRepeated(doc: Doc, items: Item[], removed: Removal[]): Set<Item> {
  const th = doc.data.thresholds;
  const groups = new Map<string, number[]>();
  items.forEach((it, i) => {
    if (it.pendingCredit) return;
    const key = sameKey(paraText(it.para));
    if (key.length < th.repeatMinChars) return;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  });
  const drop = new Set<Item>();
  for (const idx of groups.values()) {
    if (idx.length < 2) continue;
    const members = idx.map((i) => items[i]);
    const close = idx.every((v, k) => k === 0 || v - idx[k - 1] <= th.repeatCaptionMaxDistance);
    const short = wordCount(paraText(members[0].para)) <= th.captionMaxWords;
    if (members.some((m) => m.caption) || (close && short)) {
      const credit = members.find((m) => m.caption?.credit)?.caption?.credit;
      for (const m of members) {
        m.caption ??= { rule: 'photo-caption-repeated', reason: doc.data.reasons['photo-caption-repeated'] };
        if (credit && !m.caption.credit) m.caption = { ...m.caption, credit };
      }
    } else {
      for (const m of members.slice(1)) {
        drop.add(m);
        removed.push(removal(doc, m.para.lines, 'repeated-paragraph', doc.data.reasons['repeated-paragraph']));
      }
    }
  }
  return drop;
}

/** Takes captions and credits out of the body. */
export function takeCaptions(doc: Doc): Doc {
  const removed: Removal[] = [...doc.removed];
  const items = splitCredits(doc, removed);
  markPrefixed(doc, items);
  const dropped = markRepeated(doc, items, removed);
  const captions = [...doc.captions];
  const paras: Para[] = [];
  let prev: Item | undefined;
  for (const it of items) {
    if (dropped.has(it)) continue;
    if (it.pendingCredit) {
      // 4. a credit alone: it belongs to the caption just before it
      const { text, bold } = it.pendingCredit;
      const isCredit = !bold || prev?.caption !== undefined || doc.data.creditWords.some((w) => w.test(text));
      if (!isCredit) {
        paras.push(it.para); // a bold subheading
        prev = it;
        continue;
      }
      if (bold) removed.push(removal(doc, it.para.lines, 'photo-credit', doc.data.reasons['photo-credit']));
      if (prev?.caption && !prev.caption.credit) {
        prev.caption.credit = text;
        const draft = captions[captions.length - 1];
        if (draft && draft.para === prev.para) draft.credit = text;
      }
      continue;
    }
    prev = it;
    if (it.caption) {
      removed.push(removal(doc, it.para.lines, it.caption.rule, it.caption.reason));
      captions.push({ para: it.para, credit: it.caption.credit, rule: it.caption.rule });
    } else paras.push(it.para);
  }
  return { ...doc, paras, removed, captions };
}

export const captions: Step = { name: 'captions', run: takeCaptions };
