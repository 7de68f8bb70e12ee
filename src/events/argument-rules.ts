/** Loading the argument check's settings (`data/events/arguments.json`), checked like every data file. */
import { readDataJson } from '../data/read.js';
import { expectWordSets } from '../data/validate.js';
import type { ArgumentRules } from './argument-check.js';

const FILE = 'data/events/arguments.json';

/** Check and freeze the settings of `data/events/arguments.json`. @example parseArgumentRules(json).placeCases.has('in') // true */
export function parseArgumentRules(json: unknown, file = FILE): ArgumentRules {
  return expectWordSets(file, json, {
    placeCases: 'place_cases',
    placeRoots: 'place_roots',
    placeVerbs: 'place_verbs',
    originCases: 'origin_cases',
    originRoots: 'origin_roots',
    sayingVerbs: 'saying_verbs',
    unchecked: 'unchecked',
    relativePronouns: 'relative_pronouns',
  });
}

let builtin: ArgumentRules | undefined;

/** The built-in settings, read and checked once. @example loadArgumentRules().originCases.has('from') // true */
export function loadArgumentRules(): ArgumentRules {
  return (builtin ??= parseArgumentRules(readDataJson(FILE)));
}
