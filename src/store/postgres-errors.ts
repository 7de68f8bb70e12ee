/* Telling the PostgreSQL server's failures apart, and naming a database without its password. */

/**
 * The connection string as it may be shown: no password, whether given before the host or as a
 * `password=` parameter.
 *
 * @example redactUrl('postgres://u:secret@db:5432/x?password=p') // 'postgres://u@db:5432/x'
 */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    u.searchParams.delete('password');
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, '@').replace(/([?&])password=[^&]*&?/, '$1').replace(/[?&]$/, '');
  }
}

/**
 * Errors that mean the server is not there (down, restarting, unreachable), as opposed to errors in
 * what was asked: the first are worth waiting out, the second are not.
 */
export function isConnectionError(e: unknown): boolean {
  const err = e as { code?: string; message?: string; cause?: unknown } | undefined;
  if (!err) return false;
  const code = String(err.code ?? '');
  if (/^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN)$/.test(code)) return true;
  // 08: connection exception; 57P01–57P03: the server is shutting down or starting up
  if (/^(08|57P0[123])/.test(code)) return true;
  if (/Connection terminated|connection error|not queryable|timeout exceeded when trying to connect|Connection closed/i.test(err.message ?? '')) return true;
  return err.cause !== undefined && err.cause !== e && isConnectionError(err.cause);
}

/** Serialisation failures and deadlocks: the transaction may simply be run again. */
export function isRetryableConflict(e: unknown): boolean {
  const code = (e as { code?: string } | undefined)?.code;
  return code === '40001' || code === '40P01';
}
