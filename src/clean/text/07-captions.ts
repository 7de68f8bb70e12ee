/**
 * Step 7: photo captions and credits leave the body; captions are kept apart.
 * 1. Credit lines ("(AP Photo/Name, File)", "(Reuters Photo)", "Photo: …") go; the lines just
 *    before one in its paragraph are its caption. A bold run ending a line after a full sentence
 *    ("…his visit to China. **Russian Foreign Ministry**"), or a bold-only line under a line, is
 *    a credit too.
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
  if (wordCount(text) > doc.data.thresholds.creditMaxWords) return undefined;
  for (const r of doc.data.creditLines) {
    const m = r.re.exec(text);
    if (!m) continue;
    const credit = (m.groups?.credit ?? text).trim();
    if (r.needsCreditWord && !doc.data.creditWords.some((w) => w.test(credit))) continue;
    return { id: r.id, reason: r.reason, text: credit };
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
      const bold = doc.format === 'markdown' ? boldCredit(doc, line) : undefined;
      if (bold && bold.at > 0) {
        // a quote-led caption ending in a bold credit: "“We are ready,” the minister said in Rome. **Foreign Ministry**"
        const cut = line.txt.slice(0, bold.at).trim();
        const creditAt = markupStart(doc, line, bold.at);
        run.push({ start: line.start, end: cut.inputRange()?.end ?? creditAt, txt: cut, marks: line.marks.filter((m) => m.end <= bold.at) });
        removed.push({ rule: 'photo-credit', reason: doc.data.reasons['photo-credit'], text: doc.input.slice(creditAt, line.end), inputStart: creditAt, inputEnd: line.end });
        flush({ rule: 'photo-caption-bold-credit', reason: doc.data.reasons['photo-caption-bold-credit'], credit: bold.text });
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
