import { defineCommand, renderUsage, runCommand } from 'citty';
import { EntenteError, UsageError } from '../model/errors.js';
import { ENVIRONMENT_CODES, storeError } from '../store/index.js';
import { EXIT } from './shared.js';

const VERSION = '0.1.0';

export const main = defineCommand({
  meta: { name: 'entente', version: VERSION, description: 'Reads news and maps international relations: who said what, who did what to whom, and when.' },
  subCommands: {
    ingest: () => import('./commands/ingest.js').then((m) => m.default),
    extract: () => import('./commands/extract.js').then((m) => m.default),
    show: () => import('./commands/show.js').then((m) => m.default),
    list: () => import('./commands/list.js').then((m) => m.default),
    actors: () => import('./commands/actors.js').then((m) => m.default),
    quotes: () => import('./commands/quotes.js').then((m) => m.default),
    events: () => import('./commands/events.js').then((m) => m.default),
    relations: () => import('./commands/relations.js').then((m) => m.default),
    export: () => import('./commands/export.js').then((m) => m.default),
    code: () => import('./commands/code.js').then((m) => m.default),
    parse: () => import('./commands/parse.js').then((m) => m.default),
    worker: () => import('./commands/worker.js').then((m) => m.default),
    status: () => import('./commands/status.js').then((m) => m.default),
    doctor: () => import('./commands/doctor.js').then((m) => m.default),
    serve: () => import('./commands/serve.js').then((m) => m.default),
    feeds: () => import('./commands/feeds.js').then((m) => m.default),
    watch: () => import('./commands/watch.js').then((m) => m.default),
    alerts: () => import('./commands/alerts.js').then((m) => m.default),
    corrections: () => import('./commands/corrections.js').then((m) => m.default),
  },
});

/**
 * Runs the CLI and turns every failure into a message and a documented exit code, in one place:
 * usage errors print the usage and exit 2, known errors print their message and exit 1 (4 when
 * the machine refused: a full disk, a read-only or missing database; 5 for a damaged database),
 * anything else is a bug and prints its stack.
 */
export async function runCli(argv: string[]): Promise<void> {
  // `entente … | head`: a reader that has seen enough closes the pipe; that is not an error
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    throw e;
  });
  const [cmd, parent] = await resolve(argv);
  try {
    if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(plain(await renderUsage(cmd, parent), process.stdout) + '\n');
      if (argv.length === 0) process.exitCode = EXIT.usage;
      return;
    }
    if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
      process.stdout.write(VERSION + '\n');
      return;
    }
    await runCommand(main, { rawArgs: argv });
  } catch (error) {
    // citty does not export its CLIError class; its argument errors carry that name
    if ((error as Error)?.name === 'CLIError' || error instanceof UsageError) {
      process.stderr.write(plain(await renderUsage(cmd, parent), process.stderr) + '\n\n');
      process.stderr.write(`error: ${(error as Error).message.replace(/^\[entente\] /, '')}\n`);
      process.exitCode = EXIT.usage;
    } else if (error instanceof EntenteError || storeError(error, 'the database')) {
      const known = error instanceof EntenteError ? error : storeError(error, 'the database')!;
      process.stderr.write(`error: ${known.message.replace(/^\[entente\] /, '')}\n`);
      process.exitCode = exitCodeOf(known);
    } else {
      process.stderr.write(`entente: unexpected error (a bug; please report it):\n${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = EXIT.fatal;
    }
  }
}

/** A known error's exit code: the machine's refusals and a damaged database have their own. */
function exitCodeOf(error: EntenteError): number {
  if (error.code === 'E_STORE_CORRUPT') return EXIT.corrupt;
  if (error.code === 'E_STORE_MISSING' || (ENVIRONMENT_CODES as readonly string[]).includes(error.code)) return EXIT.environment;
  return EXIT.fatal;
}

type Cmd = Parameters<typeof renderUsage>[0];

/** Usage without colour codes when it goes to a file or a pipe, or when NO_COLOR is set. */
function plain(text: string, out: NodeJS.WriteStream): string {
  return out.isTTY && !process.env.NO_COLOR ? text : text.replace(/\x1b\[[0-9;]*m/g, '');
}

/** The (sub)command that argv names, for its usage text: `feeds add` as well as `ingest`. */
async function resolve(argv: string[]): Promise<[Cmd, Cmd | undefined]> {
  let [cmd, parent]: [Cmd, Cmd | undefined] = [main, undefined];
  for (const name of argv.filter((a) => !a.startsWith('-'))) {
    const subs = (cmd.subCommands ?? {}) as Record<string, Cmd | (() => Promise<Cmd>)>;
    const sub = subs[name];
    if (!sub) break;
    [cmd, parent] = [typeof sub === 'function' ? await sub() : sub, cmd];
  }
  return [cmd, parent];
}
