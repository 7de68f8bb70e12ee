/**
 * The HTTP API over a store: `createApp` builds it (hono), `listen` serves it on Node.
 *
 * @example
 * const app = createApp(await openStore('entente.db', process.env), { token: process.env.ENTENTE_TOKEN });
 * const { url } = await listen(app, '127.0.0.1', 0);
 */
export { createApp } from './app.js';
export { listen, isLoopback, type Listening } from './listen.js';
export { serverOptions, DEFAULT_SERVER_OPTIONS, type ServerOptions } from './options.js';
export { openApiDocument, routeParams } from './openapi.js';
export { ApiError, type ErrorBody, type ErrorCode } from './errors.js';
