import { defineCommand } from 'citty';
import type { Article } from '../../model/article.js';
import { toInputSpan } from '../../model/source-map.js';
import { ARTICLE_ARGS, EXIT, eachArticle, parseMaxBytes, pathsOf } from '../shared.js';

/**
 * One JSON line per article, no store: every quote with its kind, speaker, speaker's actor code,
 * cue, medium, confidence and rule, with offsets in the clean text and in the input as given (so a
 * JSON line's `text` or a `.txt` file can be scored against gold offsets).
 */
export default defineCommand({
  meta: {
    name: 'quotes',
    description: `Find who said what: direct, partial, mixed and indirect quotes with their speakers, without storing. Exit code: ${EXIT.ok} done; ${EXIT.skipped} some inputs skipped; ${EXIT.usage} usage error.`,
  },
  args: ARTICLE_ARGS,
  async run({ args }) {
    await eachArticle(pathsOf(args, 'paths'), parseMaxBytes(args['max-bytes']), args.json, (a) => ({ id: a.id, file: a.origin, quotes: quoteRecords(a) }), (a) => {
      const lines = [`# ${a.meta.title?.value ?? a.origin} (${a.id}, ${a.meta.date?.value ?? 'no date'})`];
      for (const q of quoteRecords(a)) {
        const who = `${q.speaker ?? '?'}${q.speakerActor ? ` (${q.speakerActor})` : ''}`;
        lines.push(`  ${q.kind.padEnd(8)} ${who.padEnd(30)} ${(q.cue ?? '').padEnd(12)} ${clip(q.text, 90)}${q.medium ? `  [via ${q.medium}]` : ''}`);
      }
      return lines.join('\n') + '\n';
    });
  },
});

/** Quotes as printed and served. */
export function quoteRecords(a: Article) {
  return a.quotes.map((q) => {
    const inp = toInputSpan(a.sourceMap, q);
    const speakerSpans = q.speakerSpan ? [[q.speakerSpan.start, q.speakerSpan.end]] : [];
    return {
      start: q.start,
      end: q.end,
      inputStart: inp.start,
      inputEnd: inp.end,
      kind: q.kind,
      text: a.text.slice(q.start, q.end),
      speaker: q.speaker,
      speakerActor: q.speakerActor?.code,
      speakerSpans,
      inputSpeakerSpans: q.speakerSpan ? [Object.values(toInputSpan(a.sourceMap, q.speakerSpan))] : [],
      cue: q.cue,
      medium: q.medium,
      confidence: q.confidence,
      rule: q.rule,
      date: q.date,
    };
  });
}

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}
