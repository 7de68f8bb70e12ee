import { defineCommand } from 'citty';
import { UsageError } from '../../model/errors.js';
import { AGENT_TOKEN, userAgent } from '../../fetch/index.js';
import { openStore } from '../../store/index.js';
import { parseEvery, watchRound, type RoundSummary } from '../../watch/index.js';
import { appendAlertLines, loadCusumParams, postAlerts } from '../../alerts/index.js';
import type { StoredAlert } from '../../store/index.js';
import { forTerminal } from '../terminal-text.js';
import { EXIT, EXIT_HELP, parseMaxBytes, parseThreads } from '../shared.js';
import { feedsFrom } from './feeds.js';

export default defineCommand({
  meta: {
    name: 'watch',
    description:
      'Follow news feeds (RSS, Atom, RDF, JSON Feed, news sitemaps): poll them, fetch each new article politely (robots.txt, a per-site rate, ' +
      'conditional requests) and store it as `entente ingest` would. Without FEEDS, the feeds of `entente feeds add`. Its state lives in the ' +
      'store: a watcher stopped or killed resumes where it was, and a URL already stored is never fetched again. Ctrl-C or SIGTERM stops ' +
      'after what is in flight. ' + EXIT_HELP,
  },
  args: {
    feeds: { type: 'positional', description: 'feed URLs, an OPML file or a text file with one feed URL a line', required: false, valueHint: 'FEEDS.txt|feeds.opml|URL…' },
    every: { type: 'string', description: 'time between rounds: 30s, 15m, 2h …', default: '15m' },
    once: { type: 'boolean', description: 'one round, then exit (for cron)', default: false },
    contact: { type: 'string', description: 'how a site owner reaches you (an e-mail or a URL), sent in the User-Agent (or $ENTENTE_CONTACT); required' },
    db: { type: 'string', description: 'SQLite file or postgres:// URL (default: entente.db in the user data folder, or $ENTENTE_DB)' },
    rate: { type: 'string', description: 'requests a second to one site, at most', default: '1' },
    connections: { type: 'string', description: 'requests in flight to one site, at most', default: '2' },
    timeout: { type: 'string', description: 'time for one whole answer: 30s, 2m …', default: '30s' },
    'max-bytes': { type: 'string', description: 'largest page or feed read, in bytes', default: String(10 << 20) },
    threads: { type: 'string', description: 'analysis threads beside the fetching one: a number or auto; 0 analyses inline (a watcher mostly waits on the network)', default: '0' },
    quiet: { type: 'boolean', description: 'print only the summary of each round', default: false },
    json: { type: 'boolean', description: 'each round\'s summary as one JSON line on standard output', default: false },
    alerts: { type: 'boolean', description: 'after each round, look for turns in the relations its events touch (--no-alerts: do not)', default: true },
    webhook: { type: 'string', description: 'POST each new alert as JSON to this URL', valueHint: 'URL' },
    'alerts-jsonl': { type: 'string', description: 'append each new alert as a JSON line to this file', valueHint: 'FILE' },
  },
  async run({ args }) {
    const contact = (args.contact ?? process.env.ENTENTE_CONTACT ?? '').trim();
    if (!contact) throw new UsageError('watch needs a contact for its User-Agent, so site owners can reach you: --contact you@example.org or $ENTENTE_CONTACT');
    const every = parseEvery(args.every);
    const timeoutMs = parseEvery(args.timeout);
    const perSecond = Number(args.rate);
    if (!(perSecond > 0 && perSecond <= 100)) throw new UsageError(`--rate must be a number of requests a second above 0 and at most 100, got "${args.rate}"`);
    const concurrency = Number(args.connections);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) throw new UsageError(`--connections must be a whole number from 1 to 16, got "${args.connections}"`);
    const maxBytes = parseMaxBytes(args['max-bytes']);
    const threads = parseThreads(args.threads, 1);
    const webhook = args.webhook;
    if (webhook !== undefined && !/^https?:\/\/[^\s]+$/i.test(webhook)) throw new UsageError(`--webhook must be an http:// or https:// URL, got "${webhook}"`);
    // the detector's parameters are checked before the first request: a bad data file stops here
    const cusum = args.alerts ? loadCusumParams() : undefined;
    const named = args.feeds !== undefined ? await feedsFrom([String(args.feeds), ...args._.slice(1).map(String)]) : undefined;
    const store = await openStore(args.db, process.env);
    const log = (line: string) => {
      if (!args.quiet && !args.json) process.stderr.write(forTerminal(`watch: ${line}`) + '\n');
    };
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    let failedAny = false;
    try {
      for (let round = 1; ; round++) {
        // without a list, the stored feeds, read again each round (feeds added meanwhile are followed)
        const feeds = named ?? (await store.listFeeds()).map((f) => ({ url: f.url, ...(f.title ? { title: f.title } : {}) }));
        if (feeds.length === 0) throw new UsageError(`no feeds to watch: give FEEDS (a file or URLs), or add them with \`entente feeds add\` (to ${store.location})`);
        const started = performance.now();
        log(`round ${round}: ${feeds.length} feeds`);
        const sum = await watchRound(feeds, {
          store,
          threads,
          signal: stop.signal,
          log,
          fetch: { userAgent: userAgent(contact), agentToken: AGENT_TOKEN, perSecond, concurrency, timeoutMs, maxBytes },
          alerts: cusum,
          onAlerts: (alerts) => deliver(alerts, webhook, args['alerts-jsonl'], log),
        });
        report(round, sum, (performance.now() - started) / 1000, store.location, args.json);
        failedAny ||= sum.failed + sum.failedFeeds + sum.skipped > 0;
        if (args.once || stop.signal.aborted) break;
        log(`next round in ${args.every}`);
        await sleep(every, stop.signal);
        if (stop.signal.aborted) break;
      }
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await store.close().catch(() => {});
    }
    process.exitCode = args.once && failedAny ? EXIT.skipped : EXIT.ok;
  },
});

function report(round: number, s: RoundSummary, seconds: number, location: string, json: boolean): void {
  if (json) {
    process.stdout.write(JSON.stringify({ round, ...s, seconds: Number(seconds.toFixed(2)), db: location }) + '\n');
    return;
  }
  const reasons = Object.entries(s.failuresByReason).map(([r, n]) => `${r} ${n}`).join(', ');
  process.stderr.write(
    `round ${round}${s.interrupted ? ' (interrupted)' : ''}: ${s.feeds} feeds (${s.notModified} not modified, ${s.failedFeeds} failed), ` +
      `${s.fresh} new of ${s.entries} entries: ${s.stored} stored, ${s.unchanged} unchanged, ${s.skipped} skipped, ${s.failed} failed` +
      `${reasons ? ` (${reasons})` : ''}; ${s.dyads} dyads recomputed, ${s.alerts} new alerts in ${seconds.toFixed(1)} s → ${location}\n`,
  );
}

/** The round's new alerts to the webhook and the JSON-lines file; a failure is told, never fatal (the alerts are stored). */
async function deliver(alerts: StoredAlert[], webhook: string | undefined, jsonl: string | undefined, log: (line: string) => void): Promise<void> {
  if (webhook !== undefined) for (const failure of await postAlerts(webhook, alerts)) process.stderr.write(forTerminal(`watch: ${failure}`) + '\n');
  if (jsonl !== undefined) {
    try {
      await appendAlertLines(jsonl, alerts);
    } catch (e) {
      process.stderr.write(forTerminal(`watch: cannot append alerts to ${jsonl}: ${(e as Error).message}`) + '\n');
    }
  }
  log(`${alerts.length} new alerts${webhook ? ` posted to ${webhook}` : ''}${jsonl ? ` written to ${jsonl}` : ''}`);
}

/** Waits `ms`, or less when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((res) => {
    const t = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      res();
    }
  });
}
