/**
 * Parser for PETRARCH-2 discard lists (`Phoenix.discards.txt`, openeventdata/petrarch2, MIT):
 * phrases that stop a sentence (or, with `+`, a whole story) from being coded — sports results,
 * historical years and the like. Read at run time by `entente code --dictionaries DIR`.
 *
 * The format (PETRreader.read_discard_list): one phrase per line, case-insensitive; a leading `+`
 * discards the story; a trailing `_` means the phrase must end at a word boundary, otherwise it
 * is a stem ("CHAMPION" also matches "CHAMPIONSHIP").
 */
import { contentLines, phraseWords, type ParseWarning } from './_lines.js';

/**
 * One discard phrase.
 * @example { phrase: 'manchester united', scope: 'story', wholeWord: false, line: 28 }
 */
export interface DiscardEntry {
  /** lower-case words joined by one space */
  phrase: string;
  scope: 'sentence' | 'story';
  /** true when the last word must be whole (`_`-final); false for a stem */
  wholeWord: boolean;
  line: number;
}

/**
 * Everything in a discard file, as plain data.
 * @example parseDiscardList('YEARS AGO\n').discards[0].phrase // 'years ago'
 */
export interface DiscardList {
  discards: DiscardEntry[];
  warnings: ParseWarning[];
}

/**
 * Parse a discard list.
 *
 * @example
 * parseDiscardList('+Manchester United   # pas\nYEARS AGO\nBATSMAN_\n').discards.map((d) => [d.phrase, d.scope, d.wholeWord])
 * // [['manchester united', 'story', false], ['years ago', 'sentence', false], ['batsman', 'sentence', true]]
 */
export function parseDiscardList(text: string): DiscardList {
  const list: DiscardList = { discards: [], warnings: [] };
  const seen = new Set<string>();
  for (const { line, text: s } of contentLines(text)) {
    const story = s.startsWith('+'); // "+ World Golf Championships" has a space after the +
    const body = story ? s.slice(1).trim() : s;
    const phrase = phraseWords(body).join(' ');
    if (phrase === '') { list.warnings.push({ line, message: 'empty discard phrase' }); continue; }
    const key = `${story}|${phrase}`;
    if (seen.has(key)) { list.warnings.push({ line, message: `"${phrase}" listed twice` }); continue; }
    seen.add(key);
    list.discards.push({ phrase, scope: story ? 'story' : 'sentence', wholeWord: body.endsWith('_'), line });
  }
  return list;
}
