/**
 * A pair the text has just named, as one party: "the two men also discussed Syria" after a sentence
 * naming Trump and Putin, "both leaders had endorsed the need for a cease-fire", "the countries
 * agreed to stop". Where a verb of the sentence coded nothing for want of a named subject and the
 * phrase of `data/events/groups.json` stands right before it, the two act on each other, both ways,
 * for the acts two sides do together or against each other (`reciprocal_roots`).
 */
import type { Mention } from '../model/actor.js';
import type { CodedEvent } from '../model/event.js';
import { readDataJson } from '../data/read.js';
import { expectObject } from '../data/validate.js';
import { DataFileError } from '../model/errors.js';
import type { SentenceView } from './sentence.js';
import type { Ctx, Trigger } from './steps/context.js';
import { party, type Arguments } from './steps/2-arguments.js';
import { moodOf } from './steps/3-mood.js';
import { codesOf } from './steps/4-codes.js';

export interface GroupRules {
  /** the phrases, each as its lower-case words */
  phrases: readonly (readonly string[])[];
  reciprocalRoots: ReadonlySet<string>;
}

const FILE = 'data/events/groups.json';

/** Check the rules of `data/events/groups.json`. @example parseGroupRules(json).phrases[0] // ['both', 'countries'] */
export function parseGroupRules(json: unknown, file = FILE): GroupRules {
  const o = expectObject(file, json, ['$comment', 'phrases', 'reciprocal_roots']);
  const list = (k: string, re: RegExp) => {
    const v = o[k];
    if (!Array.isArray(v) || v.length === 0 || v.some((x) => typeof x !== 'string' || !re.test(x))) throw new DataFileError(file, `"${k}" must be a non-empty list of ${re}`);
    return v as string[];
  };
  const phrases = list('phrases', /^[a-z]+( [a-z]+)+$/).map((p) => Object.freeze(p.split(' ')));
  return Object.freeze({ phrases: Object.freeze(phrases), reciprocalRoots: new Set(list('reciprocal_roots', /^\d\d$/)) });
}

let builtin: GroupRules | undefined;

/** The built-in rules, read and checked once. @example loadGroupRules().reciprocalRoots.has('04') // true */
export function loadGroupRules(): GroupRules {
  return (builtin ??= parseGroupRules(readDataJson(FILE)));
}

/** How many sentences back the pair is looked for. */
const BACK = 2;
/** How many words (an adverb, an auxiliary: "also", "had") may stand between the phrase and the verb. */
const GAP = 2;

/**
 * The events of the triggers `trs` of sentence view `v` that coded nothing (`found[i]` empty) and
 * whose subject is a group phrase naming the pair last named before it.
 */
export function groupEvents(trs: readonly Trigger[], found: readonly (readonly CodedEvent[])[], v: SentenceView, c: Ctx, rules: GroupRules): CodedEvent[] {
  const out: CodedEvent[] = [];
  for (let i = 0; i < trs.length; i++) {
    const tr = trs[i];
    if (found[i].length > 0 || tr.code === null || tr.passive || !rules.reciprocalRoots.has(tr.code.slice(0, 2))) continue;
    const at = phraseBefore(v, tr.from, rules);
    if (at < 0) continue;
    const pair = lastPair(c, v.toks[at].start);
    if (!pair) continue;
    const [x, y] = pair.map((m) => party(m.actor, { start: v.toks[at].start, end: v.toks[tr.from - 1].end }, 'group'));
    const a: Arguments = { quote: undefined, qi: -1, srcTok: -1, tgtTok: -1, sources: [x], targets: [y], confidence: 0.5 };
    const mood = moodOf(tr, v, a, c.g);
    if (!mood || mood.negated) continue;
    for (const e of [...codesOf(tr, v, c, a, mood), ...codesOf(tr, v, c, { ...a, sources: [y], targets: [x] }, mood)]) {
      if (!out.some((o) => o.source.country === e.source.country && o.target?.country === e.target?.country && o.code === e.code)) out.push({ ...e, rule: `${e.rule}+group` });
    }
  }
  return out;
}

/** The token where a group phrase ends right before token `from` (up to GAP words between) starts, or −1. */
function phraseBefore(v: SentenceView, from: number, rules: GroupRules): number {
  for (let end = from; end >= Math.max(0, from - GAP); end--) {
    if (end < from && (v.mention[end] >= 0 || v.breaks[end])) return -1;
    for (const p of rules.phrases) {
      const s = end - p.length;
      if (s >= 0 && p.every((w, k) => v.words[s + k] === w)) return s;
    }
  }
  return -1;
}

/** The two different coded countries or organisations named last before offset `before`, within BACK sentences. */
function lastPair(c: Ctx, before: number): [Mention, Mention] | undefined {
  const s = c.sentences.findIndex((sp) => sp.end > before);
  const from = c.sentences[Math.max(0, s - BACK)].start;
  let first: Mention | undefined;
  for (let k = c.mentions.length - 1; k >= 0; k--) {
    const m = c.mentions[k];
    if (m.start >= before || m.actor.code === '' || m.kind === 'pronoun') continue;
    if (m.start < from) break;
    if (!first) first = m;
    else if (m.actor.country !== first.actor.country) return [m, first];
  }
  return undefined;
}

