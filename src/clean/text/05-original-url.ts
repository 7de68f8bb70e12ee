/**
 * Step 5: a line that names the article's address ("Original url:", "Source:") leaves the body
 * with the address, which becomes `meta.url`. The address may be on the label's line or on the
 * next paragraph, and may be broken across two lines (joined back by `addressOn`).
 */
import type { Doc, Para, Step } from './_doc.js';
import { removal } from './_doc.js';
import { addressOn } from './meta-url.js';

/** Finds the first labelled address and takes its lines out of the body. */
export function takeOriginalUrl(doc: Doc): Doc {
  if (doc.url) return doc;
  const reason = doc.data.reasons['original-url-line'];
  for (let i = 0; i < doc.paras.length; i++) {
    const p = doc.paras[i];
    const m = doc.data.urlLabel.exec(p.lines[0].txt.text);
    if (!m) continue;
    const rest = m.groups?.rest ?? '';
    const restAt = p.lines[0].txt.length - rest.length;
    let url: string | undefined;
    let taken: Para[];
    if (rest.trim() !== '') {
      // "Source: https://…" on one line (its continuation, if broken, on the next)
      url = addressOn([{ ...p.lines[0], marks: p.lines[0].marks.filter((k) => k.start >= restAt) }, ...p.lines.slice(1)], restAt);
      taken = [p];
    } else if (p.lines.length > 1) {
      url = addressOn(p.lines.slice(1));
      taken = [p];
    } else {
      // "Original url:" alone, the address in the next paragraph
      const next = doc.paras[i + 1];
      url = next ? addressOn(next.lines) : undefined;
      taken = next ? [p, next] : [p];
    }
    if (!url) continue;
    const lines = taken.flatMap((t) => t.lines);
    const r = removal(doc, lines, 'original-url-line', reason);
    return {
      ...doc,
      paras: doc.paras.filter((q) => !taken.includes(q)),
      removed: [...doc.removed, r],
      url: { value: url, by: 'original-url-line', evidence: r.text, rule: 'original-url-line' },
    };
  }
  return doc;
}

export const originalUrl: Step = { name: 'original-url', run: takeOriginalUrl };
