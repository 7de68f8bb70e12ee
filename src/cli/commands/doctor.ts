import { defineCommand } from 'citty';
import { UsageError } from '../../model/errors.js';
import { checkSqliteFile, defaultDbPath } from '../../store/index.js';
import { EXIT } from '../shared.js';

export default defineCommand({
  meta: {
    name: 'doctor',
    description:
      'Check a SQLite database in full (PRAGMA integrity_check: every page, index and constraint, and the foreign keys) and report; reads only. ' +
      `Exit code: ${EXIT.ok} sound; ${EXIT.corrupt} damaged (the problems are listed); ${EXIT.environment} no such database or no access; ${EXIT.usage} usage error.`,
  },
  args: {
    db: { type: 'string', description: 'the SQLite file (default: entente.db in the user data folder, or $ENTENTE_DB)' },
    json: { type: 'boolean', description: 'one JSON object on standard output', default: false },
  },
  async run({ args }) {
    const path = args.db ?? defaultDbPath(process.env);
    if (/^postgres(ql)?:\/\//.test(path)) throw new UsageError('doctor checks a SQLite file; PostgreSQL checks its own pages (see its amcheck extension)');
    const check = checkSqliteFile(path);
    const ok = check.problems.length === 0;
    if (args.json) process.stdout.write(JSON.stringify({ db: path, ok, ...check }) + '\n');
    else if (ok) {
      const r = check.rows!;
      process.stdout.write(`ok: ${path} is sound (schema version ${check.schemaVersion}; ${r.articles} articles, ${r.quotes} quotes, ${r.events} events, ${r.skipped} skipped inputs)\n`);
    } else {
      process.stdout.write(`damaged: ${path}\n${check.problems.map((p) => `  ${p}\n`).join('')}`);
      process.stdout.write('restore it from a backup, or ingest the inputs again into a new file\n');
    }
    process.exitCode = ok ? EXIT.ok : EXIT.corrupt;
  },
});
