/**
 * Coordination, read off the parse: "the United States, Britain, France, Germany, Russia and China
 * will hold talks with Iran", "President Obama and UN chief Ban Ki-moon demanded": an act whose
 * source (or target) is one conjunct of a coordination is the act of each conjunct, one event per
 * member, as the CAMEO coding of compound actors goes (and the real-news guide: "the US and Britain
 * condemned Iran" → USA→IRN, GBR→IRN). The verb steps find a compound by the words between
 * mentions ("X and Y"); a list set off by dashes or a conjunct behind a title ("UN chief …") is
 * found only in the parse's `conj` relations, and only where a conjunction ("and", "or") joins them.
 */
import type { Mention } from '../model/actor.js';
import type { CodedEvent, EventParty } from '../model/event.js';
import type { ParsedSentence } from '../model/syntax.js';
import { headOf, isPredicate } from './clause.js';
import { party } from './steps/2-arguments.js';

/**
 * The words coordinated with word `h` (itself included): up the `conj` links to the first conjunct,
 * then down all of them (a parser may hang "and France" on "Britain" rather than on the first); just
 * `h` when it has none.
 */
function conjuncts(p: ParsedSentence, h: number): number[] {
  let root = h;
  for (let steps = 0; p.words[root].deprel === 'conj' && p.words[root].head >= 0 && steps < 8; steps++) root = p.words[root].head;
  // a conjunct of a verb is a clause of its own ("met and agreed"), not a second party
  if (isPredicate(p.words[root])) return [h];
  const out = [root];
  for (let j = 0; j < out.length; j++) {
    for (let i = 0; i < p.words.length; i++) if (p.words[i].head === out[j] && p.words[i].deprel === 'conj' && !isPredicate(p.words[i])) out.push(i);
  }
  // a coordination has its "and" or "or" (cc) on a conjunct; without one, the parser has read an apposition
  // as one ("Pakistan, a key U.S. ally": U.S. is no second actor of Pakistan's act)
  const joined = out.length > 1 && p.words.some((w) => w.deprel === 'cc' && out.includes(w.head));
  return joined ? out : [h];
}

/** Plural pronouns, which stand for a whole coordination ("the US and Britain … their talks"). */
const PLURAL = new Set(['they', 'their', 'them', 'theirs']);

/** For a plural pronoun party, the nearest earlier mention of the same actor in the sentence: the conjunct it was resolved to. */
function plural(at: EventParty, ms: readonly Mention[], p: ParsedSentence): Mention | undefined {
  if (at.via !== 'pronoun') return undefined;
  // the parse's lemma of "their" and "them" is "they"
  const w = p.words.find((x) => x.start === at.span.start);
  if (!w || !PLURAL.has(w.lemma.toLowerCase())) return undefined;
  let best: Mention | undefined;
  for (const m of ms) if (m.end <= at.span.start && m.actor.code === at.code && m.kind !== 'pronoun') best = m;
  return best;
}

/**
 * Add to `out[first..]` (one parsed sentence's events, mentions `ms`) an event for each conjunct of
 * an event's source or target that names another coded actor, where the sentence has none for
 * that dyad and code yet; its rule is the event's with `+conj`.
 */
export function spreadConjuncts(out: CodedEvent[], first: number, p: ParsedSentence, ms: readonly Mention[]): void {
  const end = out.length;
  const has = (s: string, t: string, code: string) => {
    for (let k = first; k < out.length; k++) if (out[k].source.country === s && out[k].target?.country === t && out[k].code === code) return true;
    return false;
  };
  const mentionOf = (w: number) => ms.find((m) => m.actor.code !== '' && m.start <= p.words[w].start && p.words[w].end <= m.end);
  for (let k = first; k < end; k++) {
    const e = out[k];
    // a domestic event ("ethnic Russians in Latvia protested": Latvia's own) has no international parties to spread
    if (!e.target || e.negated || e.source.country === e.target.country) continue;
    for (const side of ['source', 'target'] as const) {
      const at: EventParty = e[side]!;
      if (at.span.start < p.start || at.span.end > p.end) continue;
      const h = headOf(p, plural(at, ms, p) ?? at.span);
      if (h < 0) continue;
      for (const w of conjuncts(p, h)) {
        const m = mentionOf(w);
        if (!m || m.actor.country === at.country) continue;
        const other = side === 'source' ? e.target : e.source;
        if (m.actor.country === other.country) continue;
        const np = party(m.actor, m, 'conjunct');
        const [s, t] = side === 'source' ? [np, e.target] : [e.source, np];
        if (has(s.country, t.country, e.code)) continue;
        const list = side === 'source' ? 'sources' : 'targets';
        out.push({ ...e, source: s, target: t, [list]: e[list].includes(m.actor.code) ? e[list] : [...e[list], m.actor.code], rule: `${e.rule}+conj` });
      }
    }
  }
}
