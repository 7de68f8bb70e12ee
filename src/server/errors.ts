import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ClientErrorStatusCode, ServerErrorStatusCode } from 'hono/utils/http-status';

/** The body of every error the API answers. @example { status: 404, code: 'not_found', message: 'no article "abc123"' } */
export interface ErrorBody {
  status: number;
  code: ErrorCode;
  message: string;
}

export type ErrorCode =
  | 'bad_parameter' | 'bad_request' | 'not_found' | 'unauthorized' | 'forbidden' | 'method_not_allowed' | 'payload_too_large'
  | 'unsupported_media_type' | 'busy' | 'internal';

/**
 * An error the API answers as it is, with its status and stable code; anything else thrown is a
 * bug and becomes a 500 whose message says nothing of the internals.
 *
 * @example throw new ApiError(404, 'not_found', 'no article "abc123"')
 */
export class ApiError extends Error {
  constructor(
    readonly status: ClientErrorStatusCode | ServerErrorStatusCode,
    readonly code: ErrorCode,
    message: string,
    /** headers the answer carries, as `Allow` with a 405 or `Retry-After` with a 503 */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** @example throw badParameter('quad must be 1, 2, 3 or 4, got "5"') */
export function badParameter(message: string): ApiError {
  return new ApiError(400, 'bad_parameter', message);
}

/**
 * The one place errors become responses (`app.onError` and `app.notFound`): known errors as they
 * are, hono's own (a malformed body) with their status, anything else logged and answered 500.
 *
 * @example app.onError((err, c) => errorResponse(err, c, console.error))
 */
export function errorResponse(err: unknown, c: Context, log: (message: string) => void): Response {
  let body: ErrorBody;
  if (err instanceof ApiError) body = { status: err.status, code: err.code, message: err.message };
  else if (err instanceof HTTPException && err.status < 500) body = { status: err.status, code: 'bad_request', message: err.message || 'bad request' };
  else {
    log(`entente serve: ${c.req.method} ${c.req.path} failed: ${(err as Error)?.stack ?? String(err)}`);
    body = { status: 500, code: 'internal', message: 'internal error: the server log has the details' };
  }
  if (body.status === 401) c.header('WWW-Authenticate', 'Bearer realm="entente"');
  if (err instanceof ApiError) for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
  return c.json(body, body.status as ClientErrorStatusCode | ServerErrorStatusCode);
}
