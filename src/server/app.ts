/**
 * The Hono application: security headers and CSRF on everything, /healthz, the JSON API
 * under /api/v1, the OpenAPI document and docs page, and the web app at `/`. Pure wiring:
 * the store, the clock and randomness come in, so tests drive it with `app.request()`.
 */
import { Hono } from 'hono';
import {
  ConflictError,
  createSessionKeyCache,
  createSnapshotCache,
  DecryptError,
  DuplicateError,
  InvalidCursorError,
  NotFoundError,
  type Store,
} from '../store/index.js';
import { ARGON2_LIMIT, limitArgon2 } from './argon2-limit.js';
import { authRoutes } from './auth.js';
import type { AppEnv, Deps, ServerConfig } from './context.js';
import { createJobs, type Jobs } from './jobs.js';
import { keyRotationRoutes } from './key-rotation.js';
import { methodRoutes } from './method.js';
import { openApiRoutes } from './openapi.js';
import { HttpProblem, problem } from './problem.js';
import { resourceRoutes } from './resources.js';
import { csrf, hostCheck, securityHeaders } from './security.js';
import { serveWebApp } from './static.js';
import { refuseKnownFlood } from './throttle.js';
import { transferRoutes } from './transfer.js';

export interface CreateAppOptions {
  store: Store;
  config: ServerConfig;
  /** Injected clock; default the real one. */
  now?: () => Date;
  /** `n` random bytes; default WebCrypto. */
  random?: (n: number) => Uint8Array;
  /** The heavy-job runner (to close its pool at shutdown); default one from config.jobs. */
  jobs?: Jobs;
  /** Waits (a login from a busy address is slowed); default a real timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Where unexpected errors are reported (never to the client). Default console.error. */
  log?: (message: string) => void;
}

/** Without configuration the server answers only to loopback names. */
export const DEFAULT_ALLOWED_HOSTS = ['127.0.0.1', '::1', 'localhost'];

/** Turns anything thrown into a problem; store errors map to their HTTP meaning. */
function toProblem(error: unknown): HttpProblem | null {
  if (error instanceof HttpProblem) return error;
  if (error instanceof ConflictError) {
    return new HttpProblem(
      'conflict',
      error.actualVersion === null
        ? 'This record was deleted elsewhere in the meantime.'
        : `This record was changed elsewhere in the meantime (you have version ${error.expectedVersion}, it is now ${error.actualVersion}). Reload it and apply your change again.`,
    );
  }
  if (error instanceof NotFoundError) return new HttpProblem('not-found', 'No record with this id.');
  if (error instanceof InvalidCursorError) {
    return new HttpProblem('validation', 'cursor: not a cursor from this server', [
      { path: 'cursor', message: 'pass back the nextCursor of a previous page' },
    ]);
  }
  if (error instanceof DuplicateError) return new HttpProblem('conflict', 'This record already exists.');
  return null;
}

/**
 * Builds the app.
 *
 * @example
 * const app = createApp({ store, config: { version: '0.1.0', trustProxy: false, webRoot: null } });
 * const res = await app.request('/healthz'); // 200 { status: 'ok', … }
 */
export function createApp(options: CreateAppOptions): Hono<AppEnv> {
  const random = options.random ?? ((n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n)));
  const deps: Deps = {
    store: options.store,
    now: options.now ?? (() => new Date()),
    random,
    config: {
      ...options.config,
      accounts: limitArgon2(options.config.accounts ?? {}, options.config.argon2 ?? ARGON2_LIMIT),
    },
    secret: options.config.secret ?? random(32),
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    snapshots: createSnapshotCache(),
    jobs: options.jobs ?? createJobs(options.config.jobs),
    sessionKeys: createSessionKeyCache(),
  };
  const log = options.log ?? ((message: string) => console.error(message));
  const app = new Hono<AppEnv>();

  app.onError((error, c) => {
    const known = toProblem(error);
    if (known) return problem(c, known);
    // A ciphertext that does not authenticate is data damage, not the client's fault; say little.
    const name =
      error instanceof DecryptError ? 'DecryptError' : error instanceof Error ? error.name : 'Error';
    log(
      `olive serve: ${c.req.method} ${new URL(c.req.url).pathname} failed: ${name}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return problem(
      c,
      new HttpProblem('internal', 'The server could not complete this request. Nothing was lost; try again.'),
    );
  });

  const { trustProxy } = deps.config;
  app.use('*', securityHeaders({ trustProxy }));
  app.use('*', hostCheck({ allowedHosts: deps.config.allowedHosts ?? DEFAULT_ALLOWED_HOSTS, trustProxy }));
  // A client refused a new account moments ago is refused again before anything else runs
  // (the CSRF check included), after a pause: a registration flood then costs a lookup and a
  // timer per try, and each connection of it tries once a second.
  app.use('/api/v1/auth/register', async (c, next) => {
    await refuseKnownFlood(c, deps);
    await next();
  });
  app.use('*', csrf({ trustProxy, secret: deps.secret, random }));

  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await deps.store.healthcheck();
    } catch {
      throw new HttpProblem('unavailable', 'The database does not answer.');
    }
    return c.json({ status: 'ok', version: deps.config.version, database: deps.store.kind });
  });

  const api = new Hono<AppEnv>();
  api.use('*', async (c, next) => {
    // Private data is never cached; a handler may still say otherwise for its own answer.
    c.header('Cache-Control', 'no-store');
    await next();
  });
  api.route('/', authRoutes(deps));
  api.route('/', keyRotationRoutes(deps));
  api.route('/', resourceRoutes(deps));
  api.route('/', methodRoutes(deps));
  api.route('/', transferRoutes(deps));
  app.route('/api/v1', api);
  app.route('/api', openApiRoutes(deps));

  app.all('/api/*', () => {
    throw new HttpProblem('not-found', 'There is no such API route. See /api/docs.');
  });
  app.on(['GET', 'HEAD'], '*', (c) => serveWebApp(c, deps.config.webRoot));
  app.notFound((c) => problem(c, new HttpProblem('not-found', 'Not found.')));
  return app;
}
