import { readFile } from 'node:fs/promises';
import { defineCommand } from 'citty';
import { UsageError } from '../../model/errors.js';
import { feedUrl, readFeedList, type FeedSource } from '../../feeds/index.js';
import { openStore, type Store } from '../../store/index.js';
import { forTerminal } from '../terminal-text.js';
import { EXIT_HELP } from '../shared.js';

const DB = { type: 'string', description: 'SQLite file or postgres:// URL (default: entente.db in the user data folder, or $ENTENTE_DB)' } as const;

/**
 * The feeds named on the command line: URLs, or files listing them (OPML, or one URL a line);
 * a bad URL or line is a usage error that names it.
 */
export async function feedsFrom(args: string[]): Promise<FeedSource[]> {
  const out: FeedSource[] = [];
  for (const a of args) {
    if (/^https?:\/\//i.test(a)) {
      const url = feedUrl(a);
      if (!url) throw new UsageError(`"${a}" is not a feed URL`);
      out.push({ url });
      continue;
    }
    let text: string;
    try {
      text = await readFile(a, 'utf8');
    } catch (e) {
      throw new UsageError(`"${a}" is neither an http(s) URL nor a readable feed list: ${(e as Error).message}`);
    }
    const list = readFeedList(text);
    if (list.problems.length) throw new UsageError(list.problems.map((p) => `${a}${p.line ? `:${p.line}` : ''}: ${p.detail}`).join('\n'));
    out.push(...list.feeds);
  }
  return out.filter((f, i) => out.findIndex((g) => g.url === f.url) === i);
}

async function withStore<T>(db: string | undefined, f: (store: Store) => Promise<T>, readonly = false): Promise<T> {
  const store = await openStore(db, process.env, { readonly });
  try {
    return await f(store);
  } finally {
    await store.close();
  }
}

const add = defineCommand({
  meta: { name: 'add', description: 'Follow feeds: URLs, or an OPML file or a text file with one URL a line (optionally followed by a name).' },
  args: {
    feeds: { type: 'positional', description: 'feed URLs or feed list files', required: true, valueHint: 'URL|FILE…' },
    title: { type: 'string', description: 'a name for the feed (one URL only)' },
    db: DB,
  },
  async run({ args }) {
    const feeds = await feedsFrom([String(args.feeds), ...args._.slice(1).map(String)]);
    if (args.title !== undefined && feeds.length !== 1) throw new UsageError('--title names one feed; give one URL with it');
    await withStore(args.db, async (store) => {
      let added = 0;
      for (const f of feeds) {
        const r = await store.putFeed(args.title !== undefined ? { ...f, title: args.title } : f);
        if (r === 'added') added++;
        process.stderr.write(forTerminal(`${r === 'added' ? 'added' : 'already followed'}: ${f.url}${f.title ? ` (${f.title})` : ''}`) + '\n');
      }
      process.stderr.write(`${added} added, ${feeds.length - added} already followed → ${store.location}\n`);
    });
  },
});

const remove = defineCommand({
  meta: { name: 'remove', description: 'Stop following feeds (their failures are forgotten; articles already stored stay).' },
  args: { feeds: { type: 'positional', description: 'feed URLs', required: true, valueHint: 'URL…' }, db: DB },
  async run({ args }) {
    const urls = [String(args.feeds), ...args._.slice(1).map(String)];
    await withStore(args.db, async (store) => {
      let missing = 0;
      for (const u of urls) {
        const gone = await store.removeFeed(feedUrl(u) ?? u);
        if (!gone) missing++;
        process.stderr.write(forTerminal(`${gone ? 'removed' : 'not followed'}: ${u}`) + '\n');
      }
      if (missing) process.exitCode = 3;
    });
  },
});

const list = defineCommand({
  meta: { name: 'list', description: "The feeds followed and each one's health: last poll, last success, last error, articles stored, failures." },
  args: { json: { type: 'boolean', description: 'one JSON line per feed', default: false }, db: DB },
  async run({ args }) {
    await withStore(
      args.db,
      async (store) => {
        const feeds = await store.listFeeds();
        for (const f of feeds) {
          if (args.json) {
            process.stdout.write(JSON.stringify(f) + '\n');
            continue;
          }
          const health = f.lastError ? `FAILING (${f.lastError.reason}: ${f.lastError.detail})` : f.lastSuccessAt ? 'ok' : 'not polled yet';
          process.stdout.write(
            forTerminal(`${f.url}${f.title ? `  ${f.title}` : ''}\n  ${health}; last poll ${f.lastPollAt ?? 'never'}, last success ${f.lastSuccessAt ?? 'never'}; ${f.articles} articles, ${f.failures} failures in ${f.polls} polls`) + '\n',
          );
        }
        if (!args.json && feeds.length === 0) process.stderr.write(`no feeds followed in ${store.location} (entente feeds add URL)\n`);
      },
      true,
    );
  },
});

const failures = defineCommand({
  meta: { name: 'failures', description: 'What could not be fetched or read, newest first: the feed, the URL, the reason and what happened.' },
  args: {
    feed: { type: 'string', description: "only this feed's failures" },
    limit: { type: 'string', description: 'at most this many', default: '100' },
    json: { type: 'boolean', description: 'one JSON line per failure', default: false },
    db: DB,
  },
  async run({ args }) {
    const limit = Number(args.limit);
    if (!Number.isInteger(limit) || limit <= 0) throw new UsageError(`--limit must be a positive whole number, got "${args.limit}"`);
    await withStore(
      args.db,
      async (store) => {
        for (const f of await store.listFetchFailures({ ...(args.feed ? { feed: feedUrl(args.feed) ?? args.feed } : {}), limit })) {
          process.stdout.write(args.json ? JSON.stringify(f) + '\n' : forTerminal(`${f.at}  ${f.reason.padEnd(12)} ${f.url}${f.url === f.feed ? '' : `  (feed ${f.feed})`}\n  ${f.detail}`) + '\n');
        }
      },
      true,
    );
  },
});

export default defineCommand({
  meta: { name: 'feeds', description: `Manage the feeds \`entente watch\` follows: add, list, remove, failures. ${EXIT_HELP}` },
  subCommands: { add, list, remove, failures },
});
