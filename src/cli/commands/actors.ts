import { defineCommand } from 'citty';
import type { Article } from '../../model/article.js';
import { toInputSpan } from '../../model/source-map.js';
import { ARTICLE_ARGS, EXIT, eachArticle, parseMaxBytes, pathsOf } from '../shared.js';

/**
 * One JSON line per article, no store: every actor mention with its code, kind, rule, the mention
 * it resolves to, and offsets in both the clean text and the input.
 */
export default defineCommand({
  meta: {
    name: 'actors',
    description: `Find the actors each article mentions (names, titles, capitals, demonyms, pronouns), with CAMEO codes for the article's date, without storing. Exit code: ${EXIT.ok} done; ${EXIT.skipped} some inputs skipped; ${EXIT.usage} usage error.`,
  },
  args: ARTICLE_ARGS,
  async run({ args }) {
    await eachArticle(pathsOf(args, 'paths'), parseMaxBytes(args['max-bytes']), args.json, (a) => ({ id: a.id, file: a.origin, mentions: mentionRecords(a) }), (a) => {
      const mentions = mentionRecords(a);
      const lines = [`# ${a.meta.title?.value ?? a.origin} (${a.id}, ${a.meta.date?.value ?? 'no date'})`];
      for (const m of mentions) {
        const to = m.antecedent === undefined ? '' : ` → ${mentions[m.antecedent].text}`;
        lines.push(`  ${m.text.padEnd(30)} ${m.actor.code.padEnd(12)} ${m.kind.padEnd(11)} ${m.actor.name}${to}  [${m.rule}]`);
      }
      return lines.join('\n') + '\n';
    });
  },
});

/** Mentions as printed and served: the text, input offsets, and the actor's public fields. */
export function mentionRecords(a: Article) {
  return a.spans.mentions.map((m) => {
    const inp = toInputSpan(a.sourceMap, m);
    return {
      start: m.start,
      end: m.end,
      inputStart: inp.start,
      inputEnd: inp.end,
      text: a.text.slice(m.start, m.end),
      kind: m.kind,
      actor: { id: m.actor.id, code: m.actor.code, country: m.actor.country, roles: m.actor.roles, name: m.actor.name },
      rule: m.rule,
      antecedent: m.antecedent,
    };
  });
}
