/**
 * Step 5, keep: which of a sentence's coded events stand. An act demanded of or refused to another
 * is not done by the one who demands; the purpose of an act just done, and a verbless phrase about
 * an earlier act, are not acts of their own; a repeated event is kept once; an event with no target
 * subsumed by one of the same type with a target is dropped; a news outlet is no party to the news it reports.
 */
import type { CodedEvent } from '../../model/event.js';
import { isOutlet, subjectBefore } from '../parties.js';
import type { SentenceView } from '../sentence.js';
import type { Ctx, Trigger } from './context.js';

/**
 * Append to `out` the events `found[i]` of each trigger `trs[i]` of sentence `s` that stand;
 * `seen` holds the keys of those kept so far in the article.
 */
export function keep(out: CodedEvent[], seen: Set<string>, s: number, v: SentenceView, trs: readonly Trigger[], found: readonly (readonly CodedEvent[])[], c: Ctx): void {
  const { mentions, text, g } = c;
  const first = out.length;
  let open = false;
  /** per trigger, the countries its kept events have for source */
  const actedBy: Set<string>[] = [];
  const embeds = new Uint8Array(trs.length);
  for (const x of trs) if (x.embeddedIn !== undefined) embeds[x.embeddedIn] = 1;
  for (let i = 0; i < trs.length; i++) {
    const tr = trs[i];
    const by = new Set<string>();
    actedBy.push(by);
    // the one who demands or refuses, even when its own act has no one named as acted on ("declined to resign")
    if (embeds[actedBy.length - 1]) {
      const k = subjectBefore(v, tr.from, mentions, text, g);
      if (k >= 0) by.add(mentions[v.mention[k]].actor.country);
    }
    for (const e of found[i]) {
      // "CNN has learned that", "Agence France-Presse reports", "they told Reuters": a news outlet narrates the news, it is no party to what it reports
      if (isOutlet(e.source) || (e.target && isOutlet(e.target))) continue;
      // "demanded that the US cancel its plans", "rejected a US offer to host talks": what one side asks of or refuses another is not done by it
      if (tr.embeddedIn !== undefined && !actedBy[tr.embeddedIn].has(e.source.country)) continue;
      by.add(e.source.country);
      // "staged rallies to demand reforms": the purpose of an act its source did just before is not an act of its own
      if (tr.from > 0 && v.words[tr.from - 1] === 'to' && e.modality === 'asserted' && !e.negated && purposeOf(out, first, e)) continue;
      if (tr.from > 0 && v.words[tr.from - 1] === 'to' && tr.embeddedIn === undefined && purposeOfOther(out, first, e)) continue;
      // "agreed to US mediation in the talks with the Palestinians": a verbless phrase after an act of one of its sides is what that act is about, not a second act
      if (tr.nominal && aboutEarlier(out, first, e, v, tr.from)) continue;
      const key = `${e.source.code}>${e.target?.code ?? ''}:${e.code}:${s}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(e);
      if (!e.target) open = true;
    }
  }
  if (open) dropSubsumed(out, first);
}

/** Whether `out[first..]` (the sentence's events so far) holds a plain act by `e`'s source. */
function purposeOf(out: readonly CodedEvent[], first: number, e: CodedEvent): boolean {
  for (let k = first; k < out.length; k++) if (out[k].source.country === e.source.country && out[k].modality === 'asserted' && out[k].start < e.start) return true;
  return false;
}

/** Whether `out[first..]` holds an act by one of `e`'s sides earlier in the clause of token `at` (in another clause, "after X said it has no need of", the phrase is an act of its own). */
function aboutEarlier(out: readonly CodedEvent[], first: number, e: CodedEvent, v: SentenceView, at: number): boolean {
  for (let k = first; k < out.length; k++) {
    const o = out[k];
    if (o.start >= e.start || (o.source.country !== e.source.country && o.source.country !== e.target?.country)) continue;
    let t = at - 1;
    while (t >= 0 && v.toks[t].start >= o.end && !v.breaks[t]) t--;
    if (t < 0 || v.toks[t].start < o.end) return true;
  }
  return false;
}

/**
 * Whether `out[first..]` holds an earlier act done to `e`'s source by another: "will visit Mali and
 * Niger to mediate", "would blockade Paris to demand": the one who visits or blockades pursues the
 * purpose, not those it acts on (an infinitive's subject is the main verb's, bar the verbs of asking
 * that embed an act of the other side, see `embeddedIn`; "invited Mali to mediate", where the invited do act, is dropped too).
 */
function purposeOfOther(out: readonly CodedEvent[], first: number, e: CodedEvent): boolean {
  for (let k = first; k < out.length; k++) {
    const o = out[k];
    if (o.start < e.start && o.target !== undefined && o.target.country === e.source.country && o.source.country !== e.source.country) return true;
  }
  return false;
}

/**
 * Drop, from `out[first..]` (one sentence's events), each event without a target whose source has
 * an event of the same PLOVER type with a target in the sentence: "agreed to provide aid to Chad"
 * is one agreement with Chad, not also one with no one.
 */
function dropSubsumed(out: CodedEvent[], first: number): void {
  let w = first;
  for (let r = first; r < out.length; r++) {
    const e = out[r];
    let covered = false;
    if (!e.target) {
      for (let k = first; k < out.length && !covered; k++) {
        const o = out[k];
        covered = o.target !== undefined && o.source.country === e.source.country && o.plover?.event === e.plover?.event && !o.negated === !e.negated;
      }
    }
    if (!covered) out[w++] = e;
  }
  out.length = w;
}
