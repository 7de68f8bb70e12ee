import { defineCommand } from 'citty';
import { openStore } from '../../store/index.js';
import { UsageError } from '../../model/errors.js';
import type { Article } from '../../model/article.js';
import { toInputSpan } from '../../model/source-map.js';
import { forTerminal } from '../terminal-text.js';

export default defineCommand({
  meta: { name: 'show', description: 'Show one stored article: metadata with how each field was found, the clean body, captions, and what was removed and why.' },
  args: {
    id: { type: 'positional', description: 'article id, or an unambiguous prefix of at least 6 characters', required: true },
    db: { type: 'string', description: 'SQLite file or postgres:// URL (default: entente.db in the user data folder, or $ENTENTE_DB)' },
    json: { type: 'boolean', description: 'print the whole article record as JSON', default: false },
  },
  async run({ args }) {
    const store = await openStore(args.db, process.env, { readonly: true });
    let article: Article | undefined;
    try {
      article = await store.getArticle(String(args.id));
    } finally {
      await store.close();
    }
    if (!article) throw new UsageError(`no article "${String(args.id)}" in ${store.location} (ids: \`entente list\`)`);
    process.stdout.write(args.json ? JSON.stringify(article) + '\n' : forTerminal(render(article)));
  },
});

function render(a: Article): string {
  const out: string[] = [`id        ${a.id}`, `origin    ${a.origin}  (${a.format}, ${a.encoding})`];
  for (const [k, f] of Object.entries(a.meta)) {
    if (f) out.push(`${k.padEnd(9)} ${f.value}  [by ${f.by}${f.evidence ? `: ${clip(f.evidence, 90)}` : ''}${f.cut ? `; ${f.cut}` : ''}]`);
  }
  out.push(`sentences ${a.spans.sentences.length}, tokens ${a.spans.tokens.length}, paragraphs ${a.spans.paragraphs.length}`, '', '── body ──');
  a.spans.paragraphs.forEach((p, i) => {
    const inp = toInputSpan(a.sourceMap, p);
    out.push(`[¶${i + 1} · input ${inp.start}–${inp.end}] ${a.text.slice(p.start, p.end)}`, '');
  });
  if (a.spans.mentions.length) {
    out.push('── actors ──');
    a.spans.mentions.forEach((m, i) => {
      const to = m.antecedent === undefined ? '' : ` → #${m.antecedent} ${a.text.slice(a.spans.mentions[m.antecedent].start, a.spans.mentions[m.antecedent].end)}`;
      out.push(`#${String(i).padEnd(3)} ${a.text.slice(m.start, m.end).padEnd(28)} ${m.actor.code.padEnd(11)} ${m.kind.padEnd(11)} ${m.actor.name}${to}  [${m.rule}]`);
    });
    out.push('');
  }
  if (a.quotes.length) {
    out.push('── quotes ──');
    for (const q of a.quotes) {
      const who = `${q.speaker ?? '?'}${q.speakerActor ? ` (${q.speakerActor.code})` : ''}`;
      out.push(`${q.kind.padEnd(8)} ${who.padEnd(28)} ${(q.cue ?? '').padEnd(12)} ${clip(a.text.slice(q.start, q.end), 80)}${q.medium ? ` [via ${q.medium}]` : ''}  [${q.rule} ${q.confidence}]`);
    }
    out.push('');
  }
  if (a.captions.length) {
    out.push('── captions (kept apart) ──');
    for (const c of a.captions) out.push(`× ${c.copies}  ${c.text}${c.credit ? `  (${c.credit})` : ''}`);
    out.push('');
  }
  if (a.removed.length) {
    out.push('── removed ──');
    for (const r of a.removed) out.push(`${r.rule.padEnd(26)} ${r.reason}: ${clip(r.text, 100)}  [input ${r.inputStart}–${r.inputEnd}]`);
  }
  return out.join('\n') + '\n';
}

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}
