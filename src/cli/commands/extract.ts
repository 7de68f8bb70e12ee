import { defineCommand } from 'citty';
import type { Article } from '../../model/article.js';
import { ARTICLE_ARGS, EXIT, eachArticle, parseMaxBytes, pathsOf } from '../shared.js';

/**
 * One JSON line per input, no store: `{file, id, title, source, date, url, language, text}` (an article in any language: `language` is `en`, `other` or `unknown`) or
 * `{file, skipped: {reason, detail}}`. `text` is the clean body, paragraphs separated by a blank line.
 */
export default defineCommand({
  meta: {
    name: 'extract',
    description: `Clean articles in any language and print their body and metadata (and the language found) without storing them. Exit code: ${EXIT.ok} all extracted; ${EXIT.skipped} some inputs skipped; ${EXIT.usage} usage error.`,
  },
  args: ARTICLE_ARGS,
  async run({ args }) {
    const record = (a: Article) => {
      const m = a.meta;
      return { file: a.origin, id: a.id, title: m.title?.value ?? null, source: m.source?.value ?? null, date: m.date?.value ?? null, url: m.url?.value ?? null, language: m.language?.value ?? null, text: a.text };
    };
    await eachArticle(pathsOf(args, 'paths'), parseMaxBytes(args['max-bytes']), args.json, record, (a) => {
      const r = record(a);
      return `# ${r.title ?? '(no title)'}\n${[r.source, r.date, r.url].filter(Boolean).join(' · ')}\n${r.file} · ${r.id}\n\n${r.text}\n\n`;
    });
  },
});
