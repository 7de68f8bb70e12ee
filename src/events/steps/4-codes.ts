/**
 * Step 4, codes: the events of a trigger whose parties and mood are known. Each source paired with
 * each target (an act with no one acted on only where PLOVER needs no recipient), an act announced
 * recoded (03x intent, 13x threat, a refusal as rejection), the other side's act for a reverse or
 * mutual pattern, and CAMEO and PLOVER coding, date and evidence attached.
 */
import type { CodedEvent, EventParty, Modality } from '../../model/event.js';
import type { Quote } from '../../model/quote.js';
import type { Span } from '../../model/span.js';
import { eventPlover, type EventDictionary } from '../dictionary.js';
import type { EventGrammar } from '../grammar.js';
import type { Mood } from '../mood.js';
import type { SentenceView } from '../sentence.js';
import { resolveEventDate, type SentenceDate } from '../when.js';
import { countryParty, type Arguments } from './2-arguments.js';
import type { Ctx, Trigger } from './context.js';

/** The coded events of trigger `tr`, with parties `a` and mood `mood`. */
export function codesOf(tr: Trigger, v: SentenceView, c: Ctx, a: Arguments, mood: Mood): CodedEvent[] {
  const { g } = c;
  const { quote, qi, sources, targets, confidence } = a;
  const out: CodedEvent[] = [];
  const sentenceSpan = { start: v.span.start, end: v.span.end };
  const trigger = { start: v.toks[tr.from].start, end: v.toks[Math.max(tr.from, tr.to - 1)].end };
  const when = dateOf(v, c, trigger, mood.modality);
  // with no one else to act on, the act stands alone: only for entente's patterns (written for such acts: "declared a ceasefire"),
  // not for a reverse coding, nor when the pattern's own slot named its own side; PETRARCH's patterns expect a target
  // or for PETRARCH's that code a domestic act that took place ("workers stopped work": a strike against their own government)
  const mayStandAlone = tr.patterned && tr.target === undefined && (tr.rule.startsWith('en:') || homeAct(c, tr.code, mood));
  const emit = (code: string, rule: string, src: EventParty[], tgt: EventParty[], alone = false) => {
    // the pattern's own PLOVER coding, for its forward code (not a reverse or mutual one)
    const own = code === tr.code && rule === tr.rule ? tr.plover : undefined;
    for (const s of src) {
      let paired = false;
      for (const t of tgt) {
        // one actor is not both sides, nor is a country's government acting on the bare country
        let to = t;
        if (t.via !== 'domestic-group' && t.via !== 'place' && t.via !== 'ethnic-home' && s.via !== 'ethnic-home' && s.via !== 'attack-place' && (s.code === t.code || (s.country === t.country && (s.code === s.country || t.code === t.country)))) {
          // "the British government outlawed a group in Northern Ireland": a government acting on a place of its own country named as such acts at home, for the types coded domestic
          const home = t.via === 'name' && t.code === t.country && s.code !== s.country ? domestic(c, code, s, own?.event) : undefined;
          if (!home) continue;
          to = home;
        }
        paired = true;
        const e = coded(c, code, rule, s, to, src, tgt, mood, tr.nominal === true, quote, qi, confidence, v.index, sentenceSpan, trigger, when, own);
        if (e) out.push(e);
      }
      // an act with no one else acted on is an event only for PLOVER types that need no recipient ("Hizbollah declared a ceasefire")
      if (paired || !alone || !undirected(c.dict, code, own?.event)) continue;
      const e = coded(c, code, rule, s, domestic(c, code, s, own?.event), src, tgt, mood, tr.nominal === true, quote, qi, confidence * 0.8, v.index, sentenceSpan, trigger, when, own);
      if (e) out.push(e);
    }
  };
  if (tr.code !== null) emit(tr.code, tr.rule, sources, targets, mayStandAlone);
  // the act took place (a refusal is negated too): only then does the other side act back or with it
  const happened = mood.modality === 'asserted' && !mood.negated && !mood.threat;
  // the other side's act ("receives peacekeepers"): not when refused, threatened, announced or denied
  // an act paired with itself ("fought with", "shared evidence with", "established ties with") is the subject's,
  // as PLOVER codes it; only the acts that hold both ways (talks, calls) are coded back
  if (tr.reverse !== undefined && targets.length > 0) {
    if (happened && (tr.reverse !== tr.code || g.mutualCodes.has(tr.reverse))) emit(tr.reverse, `${tr.rule}:reverse`, targets, sources);
  }
  // "Peru telephoned Chile", "held talks with": a consultation holds both ways (a bare "discussed X" may have a topic for object)
  // (a bare verb only in a form with "with", "met with": its object is then a party, not a topic)
  else if (tr.code !== null && (tr.patterned || withForm(v, tr)) && targets !== sources && targets.length > 0 && g.mutualCodes.has(tr.code) && happened) emit(tr.code, `${tr.rule}:mutual`, targets, sources);
  return out;
}

/** Whether a trigger's verb form ends in "with" ("met with", "talked with"). */
function withForm(v: SentenceView, tr: Trigger): boolean {
  return tr.to - tr.from > 1 && v.words[tr.to - 1] === 'with';
}

/** Whether a PETRARCH pattern's act may stand alone, done at home: one of `domesticAloneTypes` that took place (not announced, refused or denied). */
function homeAct(c: Ctx, code: string | null, mood: Mood): boolean {
  const type = code === null ? undefined : c.dict.cameoToPlover.get(code)?.event;
  return type !== undefined && c.g.domesticAloneTypes.has(type) && mood.modality === 'asserted' && !mood.negated && !mood.threat && !mood.refusal;
}

/** Whether CAMEO `root` is that of an intent code (03) the grammar recodes announced acts into. */
function intentRoot(g: EventGrammar, root: string): boolean {
  for (const x of g.intentCodes.values()) if (x.startsWith(root)) return true;
  return false;
}

/** Whether the PLOVER type of CAMEO `code` may stand without a recipient (`requires_recipient: false`). */
function undirected(dict: EventDictionary, code: string, type = dict.cameoToPlover.get(code)?.event): boolean {
  return type !== undefined && dict.plover.events.get(type)?.requires_recipient === false;
}

/**
 * The recipient of an act whose target is not named, for the PLOVER types `domesticTypes` lists: the
 * source's own country ("thousands demonstrated in the capital" is a protest against their own
 * government), as CAMEO codes domestic events; undefined otherwise.
 */
function domestic(c: Ctx, code: string, s: EventParty, type = c.dict.cameoToPlover.get(code)?.event): EventParty | undefined {
  if (!type || !c.g.domesticTypes.has(type) || !/^[A-Z]{3}$/.test(s.country)) return undefined;
  return countryParty(s.country, s.span, 'domestic');
}

/**
 * The sentence's own date for the act ("on Christmas day", "last week"), unless a clause break
 * stands between it and the trigger: "accused the EU … since Russia's invasion in February" is
 * not dated February. A background clause without a date of its own has none (see `coded`).
 */
function dateOf(v: SentenceView, c: Ctx, trigger: Span, modality: Modality): SentenceDate | undefined {
  const when = resolveEventDate(c.text, v.span, c.date, { trigger, future: modality === 'future', words: c.dateWords });
  if (!when) return undefined;
  const [a, b] = when.span.start < trigger.start ? [when.span.end, trigger.start] : [trigger.end, when.span.start];
  for (let k = 0; k < v.toks.length; k++) if (v.toks[k].start >= a && v.toks[k].end <= b && v.breaks[k]) return undefined;
  return when;
}

function coded(
  c: Ctx,
  code0: string,
  rule0: string,
  s: EventParty,
  t: EventParty | undefined,
  src: EventParty[],
  tgt: EventParty[],
  mood: Mood,
  nominal: boolean,
  quote: Quote | undefined,
  qi: number,
  confidence: number,
  sentence: number,
  sentenceSpan: Span,
  trigger: Span,
  when: SentenceDate | undefined,
  plover?: { event: string; mode?: string },
): CodedEvent | undefined {
  let code = code0;
  let rule = rule0;
  let { negated } = mood;
  const { modality } = mood;
  const root = code.slice(0, 2);
  const g = c.g;
  const own = quote?.speakerActor?.country === s.country;
  // outside a quote by the actor itself, only a verb's act is announced ("will send"); "there will be no more projects" is not
  const announced = own || !nominal;
  if (mood.refusal && g.rejectCodes.has(root)) {
    // "refused to meet", "declined to lift the curfew": a rejection that happened, not an act that did not
    code = g.rejectCodes.get(root)!;
    rule += '+refusal';
    negated = false;
  } else if (mood.threat && !negated && root !== '13') {
    // "threatened to cut off supplies": the threat is the event, whatever the act threatened
    code = g.threatCodes.get(root) ?? '130';
    rule += '+threat';
  } else if ((modality === 'future' && announced) || (modality === 'hypothetical' && own)) {
    // an act announced ("will provide", "agreed to allow", "is ready to send") is, in CAMEO, a
    // statement of intent or a threat; one announced as not to be done ("will not accept") a rejection
    const intent = g.intentCodes.get(root);
    const threat = g.threatCodes.get(root);
    // an intent already (03, "will not accept refugees") is as much an act announced
    if (negated && (intent !== undefined || intentRoot(g, root)) && g.rejectCodes.has(root)) { code = g.rejectCodes.get(root)!; rule += '+refusal'; negated = false; }
    else if (negated) { /* a hostile act announced as not to be done is no event */ }
    // an intent one side offers ("ready to meet") is marked so, as its own alone (spread.json's `unless`)
    else if (intent) { code = intent; rule += mood.offer ? '+intent+offer' : '+intent'; }
    else if (threat) { code = threat; rule += '+threat'; }
  }
  // the parse's clause rules that decided the mood, so the evidence says why
  if (mood.clause) rule += `+${mood.clause}`;
  const info = c.dict.cameo.get(code);
  if (!info) return undefined;
  const e: CodedEvent = {
    start: trigger.start,
    end: trigger.end,
    source: s,
    ...(t ? { target: t } : {}),
    sources: src.map((p) => p.code),
    targets: tgt.map((p) => p.code),
    code,
    root: info.root,
    goldstein: info.goldstein,
    quad: info.quad,
    negated,
    modality,
    sentence,
    sentenceSpan,
    confidence: Math.round(confidence * 100) / 100,
    rule,
  };
  const p = eventPlover(c.dict, code);
  // the pattern's own PLOVER coding holds while the act is coded as the pattern codes it (not recoded as intent, threat or refusal)
  if (plover && code === code0) e.plover = { event: plover.event, mode: plover.mode ?? null, context: p ? p.context : [] };
  else if (p) e.plover = p;
  if (when) {
    e.date = when.date;
    e.dateBy = 'sentence';
    e.dateSpan = when.span;
  } else if (c.date && modality !== 'historical') {
    e.date = c.date;
    e.dateBy = 'article';
  }
  if (qi >= 0) e.quote = qi;
  return e;
}
