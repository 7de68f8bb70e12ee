/**
 * Spreading an event to the other side: a visit coded for the visitor is also the host's (CAMEO 042
 * → 043), a meeting announced holds both ways (036, "will meet", "is set to meet"), as the CAMEO
 * codebook defines these acts and the real-news guide codes them ("X and Y met" gives X→Y and
 * Y→X). The verb patterns code only some acts back (`mutual_codes`); this step codes the rules of
 * `data/events/spread.json` back, once per sentence and dyad, each in the moods its rule names.
 */
import type { CodedEvent, Modality } from '../model/event.js';
import { readDataJson } from '../data/read.js';
import { expectObject, expectWords, freezeMap } from '../data/validate.js';
import { DataFileError } from '../model/errors.js';
import { eventPlover, type EventDictionary } from './dictionary.js';

/** One rule: the code of the other side's act, by the code of the first side's. */
export interface SpreadRule {
  id: string;
  back: string;
  modalities: ReadonlySet<Modality>;
  /** parts of the event's rule (between its "+") that keep it from being spread: "offer", an intent one side offers alone */
  unless: ReadonlySet<string>;
}

export interface SpreadRules {
  /** by CAMEO code of an act coded one way, the rule that codes it back (and in which moods) */
  reciprocal: ReadonlyMap<string, SpreadRule>;
}

const FILE = 'data/events/spread.json';
const CODE = /^\d{2,4}$/;

/** Check and freeze the rules of `data/events/spread.json`. @example parseSpreadRules(json).reciprocal.get('042')?.back // '043' */
export function parseSpreadRules(json: unknown, file = FILE): SpreadRules {
  const o = expectObject(file, json, ['$comment', 'reciprocal']);
  if (!Array.isArray(o.reciprocal)) throw new DataFileError(file, '"reciprocal" must be a list of rules');
  const reciprocal = new Map<string, SpreadRule>();
  for (const r of o.reciprocal as unknown[]) {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) throw new DataFileError(file, '"reciprocal" holds a rule that is not an object');
    const x = r as Record<string, unknown>;
    for (const k of Object.keys(x)) if (k !== 'id' && k !== 'codes' && k !== 'back' && k !== 'modalities' && k !== 'unless') throw new DataFileError(file, `a rule has an unknown field "${k}"`);
    if (typeof x.id !== 'string' || !/^[a-z-]+$/.test(x.id)) throw new DataFileError(file, `a rule's "id" must be lower-case words joined by "-", got ${JSON.stringify(x.id)}`);
    // an empty "back" is the same code: the act is mutual
    if (typeof x.back !== 'string' || (x.back !== '' && !CODE.test(x.back))) throw new DataFileError(file, `rule ${x.id}: "back" must be a CAMEO code or "", got ${JSON.stringify(x.back)}`);
    const modalities = new Set<Modality>();
    for (const m of expectWords(file, x, 'modalities')) {
      if (m !== 'asserted' && m !== 'future' && m !== 'hypothetical' && m !== 'historical') throw new DataFileError(file, `rule ${x.id}: "${m}" is not a modality`);
      modalities.add(m);
    }
    const unless = new Set(x.unless === undefined ? [] : expectWords(file, x, 'unless'));
    for (const code of expectWords(file, x, 'codes')) {
      if (!CODE.test(code)) throw new DataFileError(file, `rule ${x.id}: "${code}" is not a CAMEO code`);
      if (reciprocal.has(code)) throw new DataFileError(file, `rule ${x.id}: code ${code} has a rule already`);
      reciprocal.set(code, { id: x.id, back: x.back || code, modalities, unless });
    }
  }
  return Object.freeze({ reciprocal: freezeMap(reciprocal) });
}

let builtin: SpreadRules | undefined;

/** The built-in rules, read and checked once. @example loadSpreadRules().reciprocal.has('057') // true */
export function loadSpreadRules(): SpreadRules {
  return (builtin ??= parseSpreadRules(readDataJson(FILE)));
}

/**
 * Add to `out[first..]` (one sentence's events) the other side's act of each reciprocal act coded
 * one way only: not where the sentence already codes that dyad in the same quad class (the verb's
 * own coding of the other side says more), and not for an act denied or only possible.
 */
export function spreadEvents(out: CodedEvent[], first: number, dict: EventDictionary, rules: SpreadRules): void {
  const end = out.length;
  const has = (s: string, t: string, quad: number | null) => {
    for (let k = first; k < out.length; k++) if (out[k].source.country === s && out[k].target?.country === t && out[k].quad === quad && !out[k].negated) return true;
    return false;
  };
  for (let k = first; k < end; k++) {
    const e = out[k];
    const r = rules.reciprocal.get(e.code);
    if (!r || !e.target || e.negated || !r.modalities.has(e.modality) || e.source.country === e.target.country) continue;
    if (r.unless.size > 0 && e.rule.split('+').some((part) => r.unless.has(part))) continue;
    const info = dict.cameo.get(r.back);
    if (!info || has(e.target.country, e.source.country, info.quad)) continue;
    const plover = eventPlover(dict, r.back);
    const { plover: _, ...rest } = e;
    out.push({
      ...rest,
      source: e.target,
      target: e.source,
      sources: e.targets,
      targets: e.sources,
      code: r.back,
      root: info.root,
      goldstein: info.goldstein,
      quad: info.quad,
      ...(plover ? { plover } : {}),
      rule: `${e.rule}+spread:${r.id}`,
    });
  }
}
