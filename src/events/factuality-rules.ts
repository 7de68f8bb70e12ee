/** Loading the clause reading's word classes (`data/events/factuality.json`), checked like every data file. */
import { readDataJson } from '../data/read.js';
import { expectWordSets } from '../data/validate.js';
import type { FactualityRules } from './factuality.js';

const FILE = 'data/events/factuality.json';

const FIELDS: Record<keyof FactualityRules, string> = {
  climb: 'climb', nounClimb: 'noun_climb', conditionMarks: 'condition_marks', modalAuxes: 'modal_auxes', negators: 'negators',
  notYet: 'not_yet', notYetHeads: 'not_yet_heads', failureVerbs: 'failure_verbs', threatNouns: 'threat_nouns', planNouns: 'plan_nouns',
  attemptNouns: 'attempt_nouns', speculationVerbs: 'speculation_verbs', hedges: 'hedges', opinionWords: 'opinion_words',
  purposeVerbs: 'purpose_verbs', goalNouns: 'goal_nouns', directiveVerbs: 'directive_verbs', attemptVerbs: 'attempt_verbs',
  claimVerbs: 'claim_verbs', claimNouns: 'claim_nouns',
};

/** Check and freeze the word classes of `data/events/factuality.json`. @example parseFactualityRules(json).conditionMarks.has('if') // true */
export function parseFactualityRules(json: unknown, file = FILE): FactualityRules {
  return expectWordSets(file, json, FIELDS);
}

let builtin: FactualityRules | undefined;

/** The built-in word classes, read and checked once. @example loadFactualityRules().failureVerbs.has('fail') // true */
export function loadFactualityRules(): FactualityRules {
  return (builtin ??= parseFactualityRules(readDataJson(FILE)));
}
