/**
 * Real news, the measure the project goes by: the hand-annotated articles of
 * `../shared/events-realnews/` and `../shared/quotes-realnews/`, scored by their own scorers
 * (`score.mjs`, read in place, never copied) running entente's built CLI as a user would.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface EventLevel { precision: number; recall: number; f1: number; rootAgreement: number; dateAccuracy: number; datesScored: number; tp: number; fp: number; fn: number }
interface EventScore { articles: number; goldEvents: number; strict: EventLevel; dyad: EventLevel }
interface QuoteScore { articles: number; goldQuotes: number; predicted: number; recall: number; precision: number; speakerAccuracy: number; speakerCountryAccuracy: number; endToEnd: number }

/** Run a scorer with `--json` over its dev set; `root` is the project, whose `bin/entente.js` it calls. */
function score<T>(dir: string, root: string): T {
  const cli = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(root, 'bin', 'entente.js'))}`;
  const out = execFileSync(process.execPath, [join(dir, 'score.mjs'), join(dir, 'dev.jsonl'), '--entente', cli, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

/**
 * The real-news rows of the eval table, and a note line each; `missing` names what was absent.
 * @example evalRealNews('../shared', '.').values['events.realnews.strict.f1'] // 0.21…
 */
export function evalRealNews(shared: string, root: string): { values: Record<string, number>; notes: string[]; missing: string[]; files: string[] } {
  const values: Record<string, number> = {}, notes: string[] = [], missing: string[] = [], files: string[] = [];
  const events = resolve(shared, 'events-realnews');
  if (existsSync(join(events, 'dev.jsonl'))) {
    files.push(join(events, 'dev.jsonl'));
    const s = score<EventScore>(events, root), st = s.strict;
    Object.assign(values, {
      'events.realnews.strict.precision': st.precision, 'events.realnews.strict.recall': st.recall, 'events.realnews.strict.f1': st.f1,
      'events.realnews.root': st.rootAgreement, 'events.realnews.date': st.dateAccuracy, 'events.realnews.dyad.f1': s.dyad.f1,
    });
    notes.push(`events (real news dev, ${s.articles} articles, ${s.goldEvents} gold events; dyad + quad + sentence): P ${st.precision.toFixed(3)} R ${st.recall.toFixed(3)} F1 ${st.f1.toFixed(3)} (${st.tp} right, ${st.fp} wrong, ${st.fn} missed); root agreement ${st.rootAgreement.toFixed(3)}, date right on ${st.dateAccuracy.toFixed(3)} of ${st.datesScored} dated matches; dyad only F1 ${s.dyad.f1.toFixed(3)}`);
  } else missing.push(events);
  const quotes = resolve(shared, 'quotes-realnews');
  if (existsSync(join(quotes, 'dev.jsonl'))) {
    files.push(join(quotes, 'dev.jsonl'));
    const q = score<QuoteScore>(quotes, root);
    Object.assign(values, {
      'quotes.realnews.recall': q.recall, 'quotes.realnews.precision': q.precision, 'quotes.realnews.speaker': q.speakerAccuracy,
      'quotes.realnews.speaker_country': q.speakerCountryAccuracy, 'quotes.realnews.e2e': q.endToEnd,
    });
    notes.push(`quotes (real news dev, ${q.articles} articles, ${q.goldQuotes} gold statements, ${q.predicted} found): recall ${q.recall.toFixed(3)}, precision ${q.precision.toFixed(3)}, speaker ${q.speakerAccuracy.toFixed(3)}, speaker's country ${q.speakerCountryAccuracy.toFixed(3)}, end to end ${q.endToEnd.toFixed(3)}`);
  } else missing.push(quotes);
  return { values, notes, missing, files };
}
