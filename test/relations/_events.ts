import type { StoredEvent } from '../../src/store/types.js';
import type { CodedEvent, EventParty } from '../../src/model/event.js';

function party(code: string, country: string): EventParty {
  return { code, country, actor: `country/${country.toLowerCase()}`, name: country, span: { start: 0, end: country.length }, via: 'name' };
}

/**
 * A stored event built by hand: `src>tgt code date` plus overrides. The group follows the
 * store's rule (dyad, code, day) unless given.
 */
export function ev(
  src: string, tgt: string | undefined, code: string, date: string | undefined,
  over: Partial<StoredEvent> & { goldstein: number | null; quad: 1 | 2 | 3 | 4 | null },
): StoredEvent {
  const coded: CodedEvent = {
    start: 0, end: 4, source: party(src, src), sources: [src], targets: tgt ? [tgt] : [],
    code, root: code.slice(0, 2), goldstein: over.goldstein, quad: over.quad, negated: over.negated ?? false,
    modality: 'asserted', sentence: 0, sentenceSpan: { start: 0, end: 20 }, confidence: 0.9, rule: 'test',
  };
  if (tgt) coded.target = party(tgt, tgt);
  if (date) coded.date = date;
  const e: StoredEvent = {
    articleId: 'a1', index: 0, group: `${src}>${tgt ?? ''}:${code}@${date ?? ''}`,
    source: src, sourceCountry: src, code, root: code.slice(0, 2), negated: false,
    modality: 'asserted', rule: 'test', confidence: 0.9, sentence: 'Evidence sentence.', event: coded, ...over,
  };
  if (tgt && !('targetCountry' in over)) { e.target = tgt; e.targetCountry = tgt; }
  if (date) e.date = date;
  return e;
}
