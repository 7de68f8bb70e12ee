/**
 * Analysts' corrections as extra gold (`npm run eval -- --corrections FILE`, or $ENTENTE_CORRECTIONS):
 * the JSON lines `entente corrections export` writes, each an event an analyst marked wrong or
 * confirmed right. Each corrected article is read from the store (`--db`, else $ENTENTE_DB or the
 * default file) and coded again by the current pipeline; a marked-wrong event the coder still
 * produces is a false positive it keeps making, a confirmed one it no longer finds is a loss.
 * Events are matched by what the analyst saw: parties, CAMEO code, trigger words and sentence,
 * not offsets, so a change in cleaning that shifts the text does not hide a match.
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../src/pipeline/index.js';
import { checkedCorrection, openStore, type Correction } from '../src/store/index.js';
import type { Article } from '../src/model/article.js';

export interface CorrectionScore {
  wrong: number;
  wrongStillProduced: number;
  right: number;
  rightStillFound: number;
  /** corrections of articles the store does not hold, or lines that are not corrections */
  unscored: number;
  notes: string[];
}

/** The words an event stands on: parties, code, trigger and sentence. */
function signature(source: string, target: string, code: string, trigger: string, sentence: string): string {
  return [source, target, code, trigger.trim(), sentence.trim()].join('\u0001');
}

/** The sentence of `text` holding offset `at`, by the article's sentence spans. */
function sentenceAt(a: Article, at: number): string {
  const s = a.spans.sentences.find((x) => x.start <= at && at < x.end);
  return s ? a.text.slice(s.start, s.end) : '';
}

/** Every event the current pipeline codes in the stored article's text, as signatures. */
function codedNow(a: Article): Set<string> {
  const again = analyze({ text: a.text, origin: `eval:${a.id}`, format: 'text', given: { title: a.meta.title?.value, date: a.meta.date?.value, source: a.meta.source?.value } });
  if ('skipped' in again) return new Set();
  return new Set(again.events.filter((e) => !e.negated).map((e) =>
    signature(e.source.code, e.target?.code ?? '', e.code, again.text.slice(e.start, e.end), again.text.slice(e.sentenceSpan.start, e.sentenceSpan.end))));
}

/**
 * Scores the current coder against the event corrections of `file`.
 * @example await evalCorrections('corrections.jsonl', 'entente.db') // { wrong: 12, wrongStillProduced: 3, … }
 */
export async function evalCorrections(file: string, db: string | undefined): Promise<CorrectionScore> {
  const score: CorrectionScore = { wrong: 0, wrongStillProduced: 0, right: 0, rightStillFound: 0, unscored: 0, notes: [] };
  const byArticle = new Map<string, Correction[]>();
  for (const [i, line] of readFileSync(file, 'utf8').split('\n').entries()) {
    if (!line.trim()) continue;
    try {
      const c = checkedCorrection(JSON.parse(line) as Record<string, unknown>);
      if (c.kind === 'event') byArticle.set(c.articleId, [...(byArticle.get(c.articleId) ?? []), c]);
    } catch (e) {
      score.unscored++;
      score.notes.push(`${file}:${i + 1}: ${(e as Error).message.replace(/^\[entente\] /, '')}`);
    }
  }
  const store = await openStore(db, process.env, { readonly: true });
  try {
    for (const [id, list] of byArticle) {
      const a = await store.getArticle(id);
      if (!a) {
        score.unscored += list.length;
        score.notes.push(`article ${id} is not in ${store.location}: ${list.length} correction(s) not scored`);
        continue;
      }
      const now = codedNow(a);
      for (const c of list) {
        const found = now.has(signature(c.source!, c.target ?? '', c.code!, a.text.slice(c.start, c.end), sentenceAt(a, c.start)));
        if (c.verdict === 'wrong') {
          score.wrong++;
          if (found) score.wrongStillProduced++;
        } else {
          score.right++;
          if (found) score.rightStillFound++;
        }
      }
    }
  } finally {
    await store.close();
  }
  return score;
}
