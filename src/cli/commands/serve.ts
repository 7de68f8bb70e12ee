import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCommand } from 'citty';
import { EntenteError, UsageError } from '../../model/errors.js';
import { createAnalyzer, defaultThreads } from '../../pipeline/index.js';
import { createApp, DEFAULT_SERVER_OPTIONS, isLoopback, listen } from '../../server/index.js';
import { isDashboard } from '../../server/static.js';
import { openStore } from '../../store/index.js';

/** A token shorter than this is guessed too easily to guard a store open to a network. */
const MIN_TOKEN = 16;

/** The package's own built dashboard: dist/web beside dist/src (this file is dist/src/cli/commands/serve.js). */
const PACKAGED_WEB = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'web');

export default defineCommand({
  meta: {
    name: 'serve',
    description:
      'Serve the HTTP API (under /api, described at /openapi.json) and the dashboard over the store. ' +
      'Listens on loopback unless --host says otherwise; then every route of the API needs the token (reads too, unless --public-read). ' +
      'On loopback it answers only requests addressed to a loopback name, and takes writes from no other web page. ' +
      'Prints "listening on http://HOST:PORT" once ready; Ctrl-C stops it.',
  },
  args: {
    db: { type: 'string', description: 'SQLite file (default: entente.db in the user data folder, or $ENTENTE_DB)' },
    host: { type: 'string', description: 'address to listen on; anything but loopback (e.g. 0.0.0.0) needs a token', default: '127.0.0.1' },
    port: { type: 'string', description: 'port to listen on; 0 picks any free port', default: '8787' },
    token: { type: 'string', description: `bearer token the write routes require, at least ${MIN_TOKEN} characters (prefer $ENTENTE_TOKEN: arguments show in the process list)` },
    'public-read': { type: 'boolean', description: 'with --host beyond loopback: let anyone who can reach the server read (writes still need the token)', default: false },
    web: { type: 'string', description: "the dashboard's built files, served at / (default: the package's dist/web when built)" },
  },
  async run({ args }) {
    const port = Number(args.port);
    if (!/^\d+$/.test(String(args.port)) || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, got "${args.port}"`);
    const host = String(args.host);
    const token = args.token ?? (process.env.ENTENTE_TOKEN || undefined);
    if (token !== undefined && token.trim() === '') throw new UsageError('--token is empty');
    if (token !== undefined && token.length < MIN_TOKEN) {
      throw new UsageError(`--token (or $ENTENTE_TOKEN) has ${token.length} characters; it must have at least ${MIN_TOKEN} (e.g. the output of "openssl rand -hex 16")`);
    }
    if (!isLoopback(host) && token === undefined) {
      throw new UsageError(
        `refusing to listen on ${host} without a token: anyone who can reach it could write to the store. ` +
          'Give one with --token or $ENTENTE_TOKEN (write routes then need "Authorization: Bearer <token>"), or leave --host at 127.0.0.1.',
      );
    }
    let webDir: string | undefined;
    if (args.web !== undefined) {
      webDir = resolve(args.web);
      if (!isDashboard(webDir)) throw new UsageError(`--web ${args.web}: no index.html there; build the dashboard first or name its folder`);
    } else if (isDashboard(PACKAGED_WEB)) webDir = PACKAGED_WEB;
    const exposed = !isLoopback(host);
    const publicRead = Boolean(args['public-read']);
    if (publicRead && !exposed) throw new UsageError('--public-read is for a server exposed beyond loopback (--host 0.0.0.0); on loopback reads are open already');
    const store = await openStore(args.db, process.env);
    const analyzer = createAnalyzer(Math.max(1, defaultThreads()), undefined, { timeoutMs: DEFAULT_SERVER_OPTIONS.analyzeTimeoutMs });
    let server;
    try {
      server = await listen(createApp(store, { token, webDir, exposed, publicRead, analyzer }), host, port);
    } catch (cause) {
      await analyzer.close();
      await store.close();
      // the port is taken or the address is not this machine's: not a usage error, a fatal one
      throw new EntenteError('E_LISTEN', `cannot listen on ${host}:${port}: ${(cause as Error).message}`);
    }
    process.stdout.write(`listening on ${server.url}\n`);
    const access = !exposed ? `write routes ${token ? 'need the token' : 'open (loopback only)'}` : publicRead ? 'reads public, writes need the token' : 'every API route needs the token';
    process.stderr.write(`store ${store.location}; dashboard ${webDir ?? 'not built (API only)'}; ${access}\n`);
    await new Promise<void>((done) => {
      const stop = () => done();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    await analyzer.close();
    await store.close();
  },
});
