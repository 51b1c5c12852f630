/**
 * `olive serve`: the app and API on http://127.0.0.1:5178 (HOST, PORT), the database from
 * DATABASE_URL or OLIVE_DATA_DIR, migrations applied first. SIGTERM or SIGINT stops
 * accepting, lets in-flight requests finish, closes the database and exits 0.
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from '../server/app.js';
import { MigrationError, type Store } from '../store/index.js';
import { databaseTarget, describeTarget, openTarget } from './database.js';
import { type CliIO, type Command, packageVersion, parseCommand, UsageError } from './usage.js';

const HELP = `Usage: olive serve [--host HOST] [--port PORT]

Runs Olive Branch: the web app at / and the API under /api/v1.

  --host HOST   address to listen on (default $HOST or 127.0.0.1)
  --port PORT   port to listen on, 0 for any free port (default $PORT or 5178)

Environment: OLIVE_DATA_DIR (default ./data) holds the SQLite database;
DATABASE_URL=postgres://… uses PostgreSQL instead; TRUST_PROXY=1 behind a reverse proxy.
`;

/** In-flight requests get this long after a stop signal before connections are cut. */
const DRAIN_MS = 10_000;

function parsePort(raw: string): number {
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65_535) {
    throw new UsageError(`port must be a whole number from 0 to 65535, not '${raw}'`);
  }
  return Number(raw);
}

/** The built web app: dist/web, two folders up from both src/cli and dist/cli. */
function webRoot(): string | null {
  const root = fileURLToPath(new URL('../../dist/web/', import.meta.url));
  return existsSync(`${root}index.html`) ? root : null;
}

function listen(app: ReturnType<typeof createApp>, hostname: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname, port }, () => resolve(server as Server)) as Server;
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        reject(new Error(`${hostname}:${port} is already in use: set PORT to another port`));
      else if (error.code === 'EACCES') reject(new Error(`not allowed to listen on ${hostname}:${port}`));
      else reject(error);
    });
  });
}

/** Resolves with the signal's name once SIGTERM or SIGINT arrives. */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', on);
      process.off('SIGINT', on);
      resolve(signal);
    };
    process.on('SIGTERM', on);
    process.on('SIGINT', on);
  });
}

async function shutdown(server: Server, store: Store): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const force = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
  await closed;
  clearTimeout(force);
  await store.close();
}

export const run: Command = async (argv: string[], io: CliIO) => {
  const args = parseCommand(argv, { host: { type: 'string' }, port: { type: 'string' } });
  if (args.flag('help')) {
    io.stdout.write(HELP);
    return 0;
  }
  const values = { host: args.text('host'), port: args.text('port') };
  const host = values.host ?? io.env.HOST ?? '127.0.0.1';
  const port = parsePort(values.port ?? io.env.PORT ?? '5178');
  const target = databaseTarget(io.env);

  const store = await openTarget(target, { create: true });
  try {
    const applied = await store.migrate();
    for (const m of applied) io.stdout.write(`applied migration ${m.id} (${m.name})\n`);
  } catch (error) {
    await store.close();
    if (error instanceof MigrationError) throw new Error(`refusing to start: ${error.message}`);
    throw error;
  }

  const root = webRoot();
  const app = createApp({
    store,
    config: { version: packageVersion(), trustProxy: io.env.TRUST_PROXY === '1', webRoot: root },
  });
  let server: Server;
  try {
    server = await listen(app, host, port);
  } catch (error) {
    await store.close();
    throw error;
  }
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  io.stdout.write(
    `Olive Branch ${packageVersion()} is running at http://${shownHost}:${actualPort}/ (${describeTarget(target)})\n`,
  );
  if (!root) io.stdout.write('The web app is not built yet: run `npm run build` to serve it at /.\n');

  const signal = await stopSignal();
  io.stdout.write(`${signal}: finishing open requests, then stopping\n`);
  await shutdown(server, store);
  io.stdout.write('stopped\n');
  return 0;
};
