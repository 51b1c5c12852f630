/**
 * The server child of `npm run bench:server`: `node bench/lib/serve-child.js hello|app`
 * prints `PORT n` and serves on loopback until SIGTERM.
 *
 * Plain JavaScript on purpose: the app is imported from the built `dist/` (what `npm start`
 * runs), so the figures are the production code's, not tsx's on-the-fly transform. With
 * BENCH_SOURCE=src the parent starts this file under tsx and the app comes from `src/`.
 * With BENCH_PROCESSES=N (N > 1) it is a node:cluster primary whose N workers share the port,
 * as `olive serve --workers N` runs: the primary migrates, the workers serve.
 * BENCH_ABUSE=1 keeps the real registration limits (the abuse round floods them).
 * BENCH_STALLS=file writes every event-loop stall over 20 ms there at exit, as JSON lines
 * (start and end on the monotonic clock in µs, the clock of a --cpu-prof profile), so a
 * stall can be matched with the profile's samples.
 */
import cluster from 'node:cluster';
import { writeFileSync } from 'node:fs';

const stalls = [];
if (process.env.BENCH_STALLS) {
  let last = process.hrtime.bigint();
  setInterval(() => {
    const now = process.hrtime.bigint();
    if (now - last > 25_000_000n) stalls.push({ start: Number(last / 1000n), end: Number(now / 1000n) });
    last = now;
  }, 5).unref();
}
function writeStalls() {
  if (process.env.BENCH_STALLS)
    writeFileSync(process.env.BENCH_STALLS, stalls.map((s) => JSON.stringify(s)).join('\n'));
}

const kind = process.argv[2];
const root = process.env.BENCH_SOURCE === 'src' ? '../../src' : '../../dist';

async function openBenchStore() {
  const { openStore } = await import(`${root}/store/index.js`);
  const url = process.env.BENCH_PG_URL;
  // As `olive serve` opens it: SQLite checkpoints its WAL from a worker thread.
  const store = await openStore(
    url ? { url } : { dataDir: process.env.BENCH_DATA_DIR, backgroundCheckpoints: true },
  );
  await store.migrate();
  return store;
}

async function primary(processes) {
  if (kind === 'app') await (await openBenchStore()).close();
  let port = 0;
  let listening = 0;
  for (let i = 0; i < processes; i++) {
    cluster.fork().on('message', (message) => {
      port = message.port ?? port;
      if (++listening === processes) process.stdout.write(`PORT ${port}\n`);
    });
  }
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  });
}

async function serveOne() {
  const { serve } = await import('@hono/node-server');
  const { Hono } = await import('hono');
  let fetchHandler;
  if (kind === 'hello') {
    const app = new Hono();
    app.get('/', (c) => c.text('Hello, world'));
    fetchHandler = app.fetch;
  } else {
    const { createApp } = await import(`${root}/server/app.js`);
    fetchHandler = createApp({
      store: await openBenchStore(),
      log: () => {},
      config: {
        version: 'bench',
        trustProxy: false,
        webRoot: null,
        // Every process signs CSRF tokens with the same secret, as `olive serve` shares server.key.
        secret: Buffer.from('olive branch benchmark secret, never for real use'),
        // The load rounds create dozens of accounts from 127.0.0.1; the abuse round
        // (BENCH_ABUSE=1) keeps the real limits, since a registration flood is what it measures.
        ...(process.env.BENCH_ABUSE === '1'
          ? {}
          : { registrations: { perAddressPerHour: 1_000_000, totalPerHour: 1_000_000 } }),
      },
    }).fetch;
  }
  const server = serve({ fetch: fetchHandler, hostname: '127.0.0.1', port: 0 }, (info) => {
    if (cluster.isWorker) process.send?.({ port: info.port });
    else process.stdout.write(`PORT ${info.port}\n`);
  });
  process.on('SIGTERM', () => {
    writeStalls();
    server.close(() => process.exit(0));
  });
}

if (kind !== 'hello' && kind !== 'app') {
  process.stderr.write('usage: node bench/lib/serve-child.js hello|app\n');
  process.exit(64);
}
const processes = Number(process.env.BENCH_PROCESSES ?? 1);
if (processes > 1 && cluster.isPrimary) await primary(processes);
else await serveOne();
