import { defineCommand } from 'citty';
import { openStore } from '../../store/index.js';
import { forTerminal } from '../terminal-text.js';

export default defineCommand({
  meta: { name: 'list', description: 'List stored articles (id, date, source, title) and, with --skipped, the inputs that were skipped and why.' },
  args: {
    db: { type: 'string', description: 'SQLite file or postgres:// URL (default: entente.db in the user data folder, or $ENTENTE_DB)' },
    limit: { type: 'string', description: 'at most this many rows', default: '100' },
    skipped: { type: 'boolean', description: 'list skipped inputs with their reason instead', default: false },
    json: { type: 'boolean', description: 'one JSON line per row', default: false },
  },
  async run({ args }) {
    const store = await openStore(args.db, process.env, { readonly: true });
    try {
      const limit = Math.max(1, Number(args.limit) || 100);
      const rows = args.skipped ? await store.listSkipped({ limit }) : await store.listArticles({ limit });
      for (const r of rows) {
        if (args.json) process.stdout.write(JSON.stringify(r) + '\n');
        else if ('skipped' in r) process.stdout.write(forTerminal(`${r.reason.padEnd(15)} ${r.origin}: ${r.detail}`) + '\n');
        else process.stdout.write(`${r.id}  ${forTerminal(r.date ?? '—').padEnd(10)}  ${forTerminal(r.source ?? '—').slice(0, 20).padEnd(20)}  ${forTerminal(r.title ?? '(no title)')}\n`);
      }
      const s = await store.stats();
      if (!args.json) process.stderr.write(`${s.articles} articles, ${s.sentences} sentences, ${s.skipped} skipped inputs in ${store.location}\n`);
    } finally {
      await store.close();
    }
  },
});
