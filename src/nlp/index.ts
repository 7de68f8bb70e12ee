/**
 * The nlp stage: sentences inside paragraphs, then tokens inside sentences, as spans into the
 * cleaned text; and the English check the ingest step uses to skip other languages.
 */
import type { Span } from '../model/span.js';
import { splitSentences } from './sentences.js';
import { tokenize } from './tokens.js';

export { splitSentences } from './sentences.js';
export { tokenize } from './tokens.js';
export { detectLanguage, type LanguageGuess } from './language.js';
export { abbreviations, parseAbbreviations, type Abbreviations, type AbbreviationKind } from './abbreviations.js';
export { languageProfiles, parseLanguageProfiles, type LanguageProfiles } from './language-profiles.js';

/**
 * Both span layers of the stage in one call.
 * @example
 * const text = 'Mr. Lavrov spoke. He left.';
 * segment(text, [{ start: 0, end: text.length }]).sentences.length // 2
 */
export function segment(text: string, paragraphs: readonly Span[]): { sentences: Span[]; tokens: Span[] } {
  const sentences = splitSentences(text, paragraphs);
  return { sentences, tokens: tokenize(text, sentences) };
}
