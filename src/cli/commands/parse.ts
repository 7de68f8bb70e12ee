import { defineCommand } from 'citty';
import { UsageError } from '../../model/errors.js';
import type { Article } from '../../model/article.js';
import { analyze, selectStages } from '../../pipeline/index.js';
import { DEFAULT_MAX_BYTES, readItems } from '../../ingest/index.js';
import { parseSentences, type ParsedSentence } from '../../syntax/index.js';
import { EXIT, parseMaxBytes, pathsOf } from '../shared.js';
import { forTerminal } from '../terminal-text.js';

/** Cleaning, sentences and tokens only: parsing needs no actors, quotes or events, nor an English check. */
const TEXT_STAGES = ['clean', 'sentences', 'tokens', 'identity'];
const FORMATS = ['conllu', 'json'] as const;

/**
 * Every sentence of each input, cleaned as `extract` cleans it, tagged and parsed: CoNLL-U (the
 * word's offsets in the cleaned text in MISC) or one JSON line per sentence. No store.
 */
export default defineCommand({
  meta: {
    name: 'parse',
    description:
      'Print the part-of-speech tags, lemmas and dependency tree of every sentence, without storing: CoNLL-U (MISC: Start=…|End=… offsets in the cleaned text, SpaceAfter=No) ' +
      'or JSON lines {file, id, sentence, start, end, text, words:[{form, lemma, upos, head, deprel, start, end}]} (head: index in words, -1 for the root). ' +
      `Exit code: ${EXIT.ok} done; ${EXIT.skipped} some inputs skipped (each named on standard error); ${EXIT.usage} usage error.`,
  },
  args: {
    paths: { type: 'positional', description: 'files, folders, globs or - (standard input): plain text, HTML, Markdown or JSON lines', required: true, valueHint: 'FILE…' },
    format: { type: 'string', description: 'conllu or json', default: 'conllu', valueHint: 'conllu|json' },
    'max-bytes': { type: 'string', description: 'skip any single input larger than this many bytes', default: String(DEFAULT_MAX_BYTES) },
  },
  async run({ args }) {
    const format = String(args.format);
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be conllu or json, got "${format}"`);
    const stages = selectStages(TEXT_STAGES);
    let skipped = 0;
    for await (const item of readItems(pathsOf(args, 'paths'), { maxBytes: parseMaxBytes(args['max-bytes']) })) {
      const a = 'skipped' in item ? item : analyze(item, stages);
      if ('skipped' in a) {
        skipped++;
        process.stderr.write(forTerminal(`skipped ${a.origin}: ${a.reason}: ${a.detail}`) + '\n');
        continue;
      }
      const parsed = parseSentences(a.text, a.spans.sentences, a.spans.tokens);
      process.stdout.write(format === 'json' ? parsed.map((s) => JSON.stringify(sentenceRecord(a, s)) + '\n').join('') : conllu(a, parsed));
    }
    process.exitCode = skipped > 0 ? EXIT.skipped : EXIT.ok;
  },
});

/** A sentence as a JSON line. */
function sentenceRecord(a: Article, s: ParsedSentence) {
  return {
    file: a.origin,
    id: a.id,
    sentence: s.sentence,
    start: s.start,
    end: s.end,
    text: a.text.slice(s.start, s.end),
    words: s.words.map((w) => ({ form: a.text.slice(w.start, w.end), lemma: w.lemma, upos: w.upos, head: w.head, deprel: w.deprel, start: w.start, end: w.end })),
  };
}

/** The article's sentences in CoNLL-U; `sent_id` is the article id and the sentence's number from 1. */
function conllu(a: Article, parsed: readonly ParsedSentence[]): string {
  const lines = [`# newdoc id = ${a.id}`, `# file = ${oneLine(a.origin)}`];
  for (const s of parsed) {
    lines.push(`# sent_id = ${a.id}-${s.sentence + 1}`, `# text = ${oneLine(a.text.slice(s.start, s.end))}`);
    s.words.forEach((w, i) => {
      const misc = `Start=${w.start}|End=${w.end}${s.words[i + 1]?.start === w.end ? '|SpaceAfter=No' : ''}`;
      lines.push([i + 1, a.text.slice(w.start, w.end), w.lemma, w.upos, '_', '_', w.head + 1, w.deprel, '_', misc].join('\t'));
    });
    lines.push('');
  }
  return lines.join('\n') + '\n';
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
