import { EntenteError } from '../model/errors.js';

/**
 * The codes of the errors that come from the machine, not from entente: the disk, the file
 * system, the database file. The CLI gives each its own exit code.
 */
export const ENVIRONMENT_CODES = ['E_DISK_FULL', 'E_READ_ONLY', 'E_NO_ACCESS', 'E_BAD_PATH', 'E_IO'] as const;

/** SQLite's result codes (better-sqlite3's `code`, extended codes included) and Node's errno codes, by kind. */
const KINDS: { code: string; test: RegExp; say: (where: string) => string }[] = [
  { code: 'E_DISK_FULL', test: /^(SQLITE_FULL|ENOSPC|EDQUOT|53100)$/, say: (w) => `the disk holding ${w} is full: free some space and run the command again` },
  {
    code: 'E_READ_ONLY',
    test: /^(SQLITE_READONLY.*|EROFS)$/,
    say: (w) => `${w} is read-only (the file, its folder or the file system): reading commands still work; to write, give entente write access or another --db`,
  },
  { code: 'E_NO_ACCESS', test: /^(EACCES|EPERM|SQLITE_PERM|SQLITE_AUTH)$/, say: (w) => `no permission to use ${w}: check its owner and mode, or give another --db` },
  {
    code: 'E_BAD_PATH',
    test: /^(ENOTDIR|EEXIST|EISDIR|ENAMETOOLONG|ELOOP|SQLITE_CANTOPEN.*)$/,
    say: (w) => `cannot create or open ${w}: a part of the path is a file where a folder should be, or the path is not a usable file name: check --db`,
  },
  { code: 'E_STORE_CORRUPT', test: /^(SQLITE_CORRUPT.*|SQLITE_NOTADB)$/, say: (w) => `${w} is damaged or is not an entente database: run \`entente doctor --db ${w}\`; restore it from a backup, or ingest again into a new file` },
  { code: 'E_IO', test: /^(SQLITE_IOERR.*|EIO)$/, say: (w) => `the system could not read or write ${w} (an input/output error): check the disk` },
];

/**
 * The error the machine gave (a full disk, a read-only or damaged file, a path through a file),
 * as an `EntenteError` that names `location` and says what to do; undefined for any other error
 * (a bug stays a bug). The cause chain is followed, so a wrapped error is recognised too.
 *
 * @example storeError(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }), 'x.db')?.code // 'E_DISK_FULL'
 */
export function storeError(error: unknown, location: string): EntenteError | undefined {
  if (error instanceof EntenteError && ([...ENVIRONMENT_CODES, 'E_STORE_CORRUPT'] as string[]).includes(error.code)) return error;
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    const kind = typeof code === 'string' ? KINDS.find((k) => k.test.test(code)) : undefined;
    if (kind) return new EntenteError(kind.code, `${kind.say(location)} (${e.message})`, { cause: error });
  }
  return undefined;
}
