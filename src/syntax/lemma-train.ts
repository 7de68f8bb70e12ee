/**
 * Learns the lemma tables (`lemma.ts`) from a treebank's words: per UPOS tag, the suffix rules
 * that best turn a word into its lemma (counted over distinct words, so that a frequent irregular
 * verb weighs no more than a rare regular one: unseen words resemble the rare ones), then the words
 * whose most frequent lemma those rules miss. Deterministic: ties go to the alphabetically first.
 */
import type { ConlluToken } from './conllu.js';
import { spelling } from './bridge.js';
import { editOf, guess, MAX_SUFFIX, type LemmaEdit } from './lemma.js';

/** The tags whose lemmas make the known lemmas (nouns, verbs, adjectives, adverbs). */
const OPEN_CLASSES = ['NOUN', 'VERB', 'ADJ', 'ADV'];
/**
 * A lemma is known (a rule's output worth preferring) when seen this often: a rarer one, like "wag"
 * (twice), would turn "waging" into "wag"; unseen dev words 0.902 right with 3, 0.904 with 1.
 */
const MIN_KNOWN_TOKENS = 3;
/** A rule is kept when it was seen on at least this many distinct words (1 is best for unseen dev words: 0.890 against 0.888 with 2). */
const MIN_RULE_WORDS = 1;

/** The tables as the lemma file writes them: UPOS → form → lemma, UPOS → suffix → "strip:add". */
export interface LemmaJson {
  known: string[];
  words: Record<string, Record<string, string>>;
  rules: Record<string, Record<string, string>>;
}

/**
 * @example learnLemmas(readConllu('en_ewt-ud-train.conllu')).words.VERB.met // 'meet'
 */
export function learnLemmas(sentences: readonly (readonly ConlluToken[])[]): LemmaJson {
  const counts = new Map<string, Map<string, Map<string, number>>>();
  for (const s of sentences) {
    for (const w of s) {
      if (w.upos === 'PROPN' || w.lemma === '_') continue;
      const form = spelling(w.form).toLowerCase(), lemma = spelling(w.lemma).toLowerCase();
      const byForm = getOr(counts, w.upos, () => new Map<string, Map<string, number>>());
      const byLemma = getOr(byForm, form, () => new Map<string, number>());
      byLemma.set(lemma, (byLemma.get(lemma) ?? 0) + 1);
    }
  }
  const lemmaCount = new Map<string, number>();
  for (const upos of OPEN_CLASSES) for (const byLemma of counts.get(upos)?.values() ?? []) for (const [lemma, c] of byLemma) lemmaCount.set(lemma, (lemmaCount.get(lemma) ?? 0) + c);
  const known = new Set<string>();
  for (const [lemma, c] of lemmaCount) if (c >= MIN_KNOWN_TOKENS) known.add(lemma);
  const out: LemmaJson = { known: [...known].sort(), words: {}, rules: {} };
  for (const upos of [...counts.keys()].sort()) {
    const best = new Map<string, string>();
    for (const [form, byLemma] of counts.get(upos)!) best.set(form, argmax(byLemma));
    const rules = learnRules(best);
    const words: Record<string, string> = {};
    for (const form of [...best.keys()].sort()) {
      const lemma = best.get(form)!;
      // words seen once are kept: rare irregulars ("forbade") and EWT's corrected typos ("accomodating") alike
      if (guess(rules, known, form, upos) !== lemma) words[form] = lemma;
    }
    out.words[upos] = words;
    const written: Record<string, string> = {};
    for (const suffix of [...rules.keys()].sort()) written[suffix] = `${rules.get(suffix)!.strip}:${rules.get(suffix)!.add}`;
    out.rules[upos] = written;
  }
  return out;
}

/** Suffix → edit, keeping a suffix only where its edit differs from what its shorter suffixes give. */
function learnRules(best: ReadonlyMap<string, string>): Map<string, LemmaEdit> {
  const votes = new Map<string, Map<string, number>>();
  for (const [form, lemma] of best) {
    const e = editOf(form, lemma);
    const key = `${e.strip}:${e.add}`;
    for (let k = e.strip; k <= Math.min(MAX_SUFFIX, form.length - 1); k++) {
      const byEdit = getOr(votes, form.slice(form.length - k), () => new Map<string, number>());
      byEdit.set(key, (byEdit.get(key) ?? 0) + 1);
    }
  }
  const rules = new Map<string, LemmaEdit>();
  // shorter suffixes first, so each longer one is compared with the rule it would otherwise get
  const suffixes = [...votes.keys()].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  for (const suffix of suffixes) {
    const byEdit = votes.get(suffix)!;
    let total = 0;
    for (const n of byEdit.values()) total += n;
    if (suffix !== '' && total < MIN_RULE_WORDS) continue;
    const key = argmax(byEdit);
    if (suffix !== '' && byEdit.get(key)! < MIN_RULE_WORDS) continue;
    const inherited = inheritedEdit(rules, suffix);
    if (inherited === key) continue;
    const [strip, add] = [Number(key.slice(0, key.indexOf(':'))), key.slice(key.indexOf(':') + 1)];
    rules.set(suffix, { strip, add });
  }
  return rules;
}

/** The edit a suffix gets from its longest shorter suffix with a rule ("0:" when none). */
function inheritedEdit(rules: ReadonlyMap<string, LemmaEdit>, suffix: string): string {
  for (let k = suffix.length - 1; k >= 0; k--) {
    const e = rules.get(suffix.slice(suffix.length - k));
    if (e) return `${e.strip}:${e.add}`;
  }
  return '0:';
}

function argmax(m: ReadonlyMap<string, number>): string {
  let bestKey = '', bestN = -1;
  for (const [k, n] of m) if (n > bestN || (n === bestN && k < bestKey)) { bestKey = k; bestN = n; }
  return bestKey;
}

function getOr<K, V>(m: Map<K, V>, k: K, make: () => V): V {
  let v = m.get(k);
  if (v === undefined) m.set(k, (v = make()));
  return v;
}
