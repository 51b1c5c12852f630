/**
 * `olive serve`: the app and API on http://127.0.0.1:5178 (HOST, PORT), the database from
 * DATABASE_URL or OLIVE_DATA_DIR, migrations applied first. SIGTERM or SIGINT stops
 * accepting, lets in-flight requests finish, closes the database and exits 0.
 *
 * `--workers N` runs N server processes sharing the port (node:cluster), to use more than
 * one core when hosting many people: the primary applies the migrations, starts the
 * workers, replaces one that crashes and passes a stop signal on. Nothing that matters
 * lives in one process's memory (sessions, limits and data are in the database), so any
 * worker can answer any request.
 */
import cluster, { type Worker } from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from '../server/app.js';
import { createJobs } from '../server/jobs.js';
import { MigrationError, type Store } from '../store/index.js';
import { databaseTarget, describeTarget, openTarget } from './database.js';
import { type CliIO, type Command, packageVersion, parseCommand, UsageError } from './usage.js';

const HELP = `Usage: olive serve [--host HOST] [--port PORT] [--workers N]

Runs Olive Branch: the web app at / and the API under /api/v1.

  --host HOST    address to listen on (default $HOST or 127.0.0.1)
  --port PORT    port to listen on, 0 for any free port (default $PORT or 5178)
  --workers N    server processes sharing the port, 1 to 64 or 'auto' for one per
                 core (default $OLIVE_WORKERS or 1: one is plenty for a household)

Environment: OLIVE_DATA_DIR (default ./data) holds the SQLite database and the
server secret (server.key); DATABASE_URL=postgres://… uses PostgreSQL instead;
TRUST_PROXY=N behind N reverse proxies (1 for one); OLIVE_ALLOWED_HOSTS=a.example,b.example
adds host names the server answers to (besides the listening address and localhost);
OLIVE_SERVER_SECRET (32 characters or more) replaces server.key, e.g. for several machines.
`;

/** In-flight requests get this long after a stop signal before connections are cut. */
const DRAIN_MS = 10_000;

const MAX_WORKERS = 64;
/** A worker that keeps crashing is not restarted forever: this many restarts a minute, then stop. */
const MAX_RESTARTS_PER_MINUTE = 5;

function parseWorkers(raw: string): number {
  if (raw === 'auto') return Math.min(MAX_WORKERS, availableParallelism());
  if (!/^\d{1,2}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_WORKERS) {
    throw new UsageError(`workers must be a whole number from 1 to ${MAX_WORKERS} or 'auto', not '${raw}'`);
  }
  return Number(raw);
}

function parsePort(raw: string): number {
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65_535) {
    throw new UsageError(`port must be a whole number from 0 to 65535, not '${raw}'`);
  }
  return Number(raw);
}

function parseTrustProxy(raw: string | undefined): number {
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return 0;
  if (raw === 'true') return 1;
  if (!/^\d{1,2}$/.test(raw)) {
    throw new UsageError(
      `TRUST_PROXY must be the number of reverse proxies in front (0 to 99), not '${raw}'`,
    );
  }
  return Number(raw);
}

/** The listening address, localhost, and OLIVE_ALLOWED_HOSTS (comma-separated). */
function allowedHosts(host: string, env: Record<string, string | undefined>): string[] {
  const extra = (env.OLIVE_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '');
  return [host.toLowerCase(), 'localhost', '127.0.0.1', '::1', ...extra];
}

/**
 * The server secret every process signs throttle keys, CSRF tokens and device cookies with:
 * OLIVE_SERVER_SECRET, or `server.key` in the data directory, created once (0600) by the
 * first process. Never in the database, so a dump alone cannot reverse a throttle key.
 */
function serverSecret(env: Record<string, string | undefined>, dataDir: string): Uint8Array {
  const given = env.OLIVE_SERVER_SECRET;
  if (given !== undefined && given !== '') {
    if (given.length < 32) throw new UsageError('OLIVE_SERVER_SECRET must have at least 32 characters');
    return Buffer.from(given, 'utf8');
  }
  const file = join(dataDir, 'server.key');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const text = readFileSync(file, 'utf8').trim();
  if (text.length < 32) throw new Error(`${file} is damaged: delete it and start again (logins stay valid)`);
  return Buffer.from(text, 'utf8');
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

/** What a worker tells the primary once it listens. */
interface ListeningMessage {
  type: 'olive:listening';
  port: number;
}

function isListening(message: unknown): message is ListeningMessage {
  return (message as ListeningMessage | null)?.type === 'olive:listening';
}

export const run: Command = async (argv: string[], io: CliIO) => {
  const args = parseCommand(argv, {
    host: { type: 'string' },
    port: { type: 'string' },
    workers: { type: 'string' },
  });
  if (args.flag('help')) {
    io.stdout.write(HELP);
    return 0;
  }
  const values = { host: args.text('host'), port: args.text('port'), workers: args.text('workers') };
  const host = values.host ?? io.env.HOST ?? '127.0.0.1';
  const port = parsePort(values.port ?? io.env.PORT ?? '5178');
  const workers = parseWorkers(values.workers ?? io.env.OLIVE_WORKERS ?? '1');
  parseTrustProxy(io.env.TRUST_PROXY);
  const target = databaseTarget(io.env);
  // Created by the first process, before any worker needs it.
  serverSecret(io.env, target.dataDir);

  if (cluster.isWorker) return serveOne(io, target, host, port, 'worker');

  // A single process serves from the store it migrates with, so it opens it as a server does.
  const store = await openTarget(target, { create: true, backgroundCheckpoints: workers === 1 });
  try {
    const applied = await store.migrate();
    for (const m of applied) io.stdout.write(`applied migration ${m.id} (${m.name})\n`);
  } catch (error) {
    await store.close();
    if (error instanceof MigrationError) throw new Error(`refusing to start: ${error.message}`);
    throw error;
  }
  if (workers === 1) return serveOne(io, target, host, port, 'single', store);
  await store.close();
  return servePrimary(io, target, host, workers);
};

/**
 * One server process: listens, then serves until SIGTERM or SIGINT. `single` announces
 * itself; a cluster `worker` tells the primary its port instead.
 */
async function serveOne(
  io: CliIO,
  target: ReturnType<typeof databaseTarget>,
  host: string,
  port: number,
  role: 'single' | 'worker',
  opened?: Store,
): Promise<number> {
  const store = opened ?? (await openTarget(target, { create: false, backgroundCheckpoints: true }));
  const root = webRoot();
  const jobs = createJobs();
  const app = createApp({
    store,
    jobs,
    config: {
      version: packageVersion(),
      trustProxy: parseTrustProxy(io.env.TRUST_PROXY),
      allowedHosts: allowedHosts(host, io.env),
      secret: serverSecret(io.env, target.dataDir),
      webRoot: root,
    },
  });
  let server: Server;
  try {
    server = await listen(app, host, port);
  } catch (error) {
    await Promise.all([store.close(), jobs.close()]);
    throw error;
  }
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  if (role === 'worker')
    process.send?.({ type: 'olive:listening', port: actualPort } satisfies ListeningMessage);
  else announce(io, host, actualPort, target, 1);

  const signal = await stopSignal();
  if (role === 'single') io.stdout.write(`${signal}: finishing open requests, then stopping\n`);
  await shutdown(server, store);
  await jobs.close();
  if (role === 'single') io.stdout.write('stopped\n');
  // A worker's channel to the primary would keep it alive: close it, and the process ends.
  else cluster.worker?.disconnect();
  return 0;
}

function announce(
  io: CliIO,
  host: string,
  port: number,
  target: ReturnType<typeof databaseTarget>,
  workers: number,
): void {
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const processes = workers > 1 ? `, ${workers} worker processes` : '';
  io.stdout.write(
    `Olive Branch ${packageVersion()} is running at http://${shownHost}:${port}/ (${describeTarget(target)}${processes})\n`,
  );
  if (!webRoot()) io.stdout.write('The web app is not built yet: run `npm run build` to serve it at /.\n');
}

/**
 * The cluster's primary: starts `count` workers, announces the port once all listen,
 * replaces a worker that dies unexpectedly (within limits), and on SIGTERM or SIGINT
 * passes the signal to every worker and waits for them to drain. Exits 0 after a clean
 * stop, 1 if workers keep crashing or one fails to start.
 */
function servePrimary(
  io: CliIO,
  target: ReturnType<typeof databaseTarget>,
  host: string,
  count: number,
): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    let announced = false;
    let exitCode = 0;
    const listening = new Set<Worker>();
    const restarts: number[] = [];

    const stopAll = (signal: NodeJS.Signals, code: number) => {
      if (stopping) return;
      stopping = true;
      exitCode = code;
      io.stdout.write(`${signal}: finishing open requests, then stopping\n`);
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    };

    const start = () => {
      const worker = cluster.fork();
      worker.on('message', (message: unknown) => {
        if (!isListening(message)) return;
        listening.add(worker);
        if (!announced && listening.size === count) {
          announced = true;
          announce(io, host, message.port, target, count);
        }
      });
    };

    cluster.on('exit', (worker, code, signal) => {
      listening.delete(worker);
      if (!stopping) {
        const now = Date.now();
        restarts.push(now);
        while (restarts.length > 0 && restarts[0]! < now - 60_000) restarts.shift();
        io.stderr.write(`a worker stopped unexpectedly (${signal ?? `exit ${code}`})\n`);
        if (!announced || restarts.length > MAX_RESTARTS_PER_MINUTE) {
          io.stderr.write('workers keep failing: stopping\n');
          stopAll('SIGTERM', 1);
        } else start();
      }
      if (stopping && Object.keys(cluster.workers ?? {}).length === 0) {
        io.stdout.write('stopped\n');
        resolve(exitCode);
      }
    });

    // The primary only passes the signal on; workers drain their own requests. (A terminal's
    // Ctrl-C reaches the workers too, and they stop the same way.)
    stopSignal().then((signal) => stopAll(signal, 0));
    for (let i = 0; i < count; i++) start();
  });
}
