import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCommand } from 'citty';
import { UsageError } from '../../model/errors.js';
import { createApp, isLoopback, listen } from '../../server/index.js';
import { isDashboard } from '../../server/static.js';
import { openStore } from '../../store/index.js';

/** The package's own built dashboard: dist/web beside dist/src (this file is dist/src/cli/commands/serve.js). */
const PACKAGED_WEB = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'web');

export default defineCommand({
  meta: {
    name: 'serve',
    description:
      'Serve the HTTP API (under /api, described at /openapi.json) and the dashboard over the store. ' +
      'Listens on loopback unless --host says otherwise; then write routes (POST /api/ingest) need the token. ' +
      'Prints "listening on http://HOST:PORT" once ready; Ctrl-C stops it.',
  },
  args: {
    db: { type: 'string', description: 'SQLite file (default: entente.db in the user data folder, or $ENTENTE_DB)' },
    host: { type: 'string', description: 'address to listen on; anything but loopback (e.g. 0.0.0.0) needs a token', default: '127.0.0.1' },
    port: { type: 'string', description: 'port to listen on; 0 picks any free port', default: '8080' },
    token: { type: 'string', description: 'bearer token the write routes require (prefer $ENTENTE_TOKEN: arguments show in the process list)' },
    web: { type: 'string', description: "the dashboard's built files, served at / (default: the package's dist/web when built)" },
  },
  async run({ args }) {
    const port = Number(args.port);
    if (!/^\d+$/.test(String(args.port)) || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, got "${args.port}"`);
    const host = String(args.host);
    const token = args.token ?? (process.env.ENTENTE_TOKEN || undefined);
    if (token !== undefined && token.trim() === '') throw new UsageError('--token is empty');
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
    const store = await openStore(args.db, process.env);
    let server;
    try {
      server = await listen(createApp(store, { token, webDir }), host, port);
    } catch (cause) {
      await store.close();
      throw new UsageError(`cannot listen on ${host}:${port}: ${(cause as Error).message}`);
    }
    process.stdout.write(`listening on ${server.url}\n`);
    process.stderr.write(`store ${store.location}; dashboard ${webDir ?? 'not built (API only)'}; write routes ${token ? 'need the token' : 'open (loopback only)'}\n`);
    await new Promise<void>((done) => {
      const stop = () => done();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    await store.close();
  },
});
