/**
 * `npm run bench:server`: the HTTP server under load on loopback (issue 4, "Benchmark").
 *
 * The server runs in a child process (so the load generator does not steal its core): first
 * a bare Hono hello-world as the baseline, then the real app on SQLite (and on PostgreSQL
 * when BENCH_DATABASE_URL or TEST_DATABASE_URL is set) with one account holding a year of
 * data. autocannon drives each endpoint for a fixed time at 32 connections and the script
 * prints req/s, p50/p99 latency and each endpoint's ratio to hello-world. Then the same with
 * the servers (hello-world included) run as BENCH_WORKERS processes (default 2; 0 skips),
 * as `olive serve --workers N` runs. Then an abuse round (issue 14; BENCH_ABUSE=0 skips it):
 * /healthz and an ordinary request measured while hostile drafts, exports of a ~20 MB
 * journey and a registration flood run in parallel against the real limits. Never a test.
 *
 * The servers run the built `dist/` (what `npm start` runs; `npm run bench:server` builds
 * first), or `src/` under tsx with BENCH_SOURCE=src. The child is bench/lib/serve-child.js.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { emptySnapshot } from '../src/store/snapshot.js';

const CONNECTIONS = 32;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const PASSWORD = 'olive trees by the harbour';
const CHILD = fileURLToPath(new URL('./lib/serve-child.js', import.meta.url));

interface Result {
  name: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function startChild(
  kind: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; base: string }> {
  // BENCH_CPU_PROF=dir writes a V8 CPU profile of each server child there, to see where time goes.
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const loader = process.env.BENCH_SOURCE === 'src' ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...profile, ...loader, CHILD, kind], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { child, base };
}

async function stopChild(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** A few requests first, so caches and JIT are warm before the clock starts (as in real use). */
async function warm(options: autocannon.Options): Promise<void> {
  for (let i = 0; i < 30; i++) {
    const init: RequestInit = { method: options.method ?? 'GET' };
    if (options.headers) init.headers = options.headers;
    if (options.body) init.body = options.body;
    await (await fetch(options.url, init)).arrayBuffer();
  }
}

async function load(
  name: string,
  options: autocannon.Options & {
    setupRequest?: (req: autocannon.Request) => autocannon.Request;
    /** Called once per connection (autocannon supports it; its types do not list it). */
    setupClient?: (client: { setHeaders(headers: Record<string, string>): void }) => void;
  },
): Promise<Result> {
  await warm(options);
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: DURATION_S, ...options }, (error, r) => {
      if (error) return reject(error);
      resolve({
        name,
        reqPerSec: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.errors,
        non2xx: r.non2xx,
      });
    });
  });
}

/** A fresh account, registered with a profile, as a browser holds it (cookies, CSRF header). */
async function newAccount(base: string) {
  const cookies = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  const headers = () => ({
    cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    'x-csrf-token': cookies.get('olive_csrf') ?? '',
    'content-type': 'application/json',
  });
  keep(await fetch(`${base}/healthz`));
  const call = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, { method, headers: headers(), body: JSON.stringify(body) });
    keep(res);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  };
  await call('POST', '/api/v1/auth/register', {
    email: `bench-${Date.now()}-${Math.random().toString(36).slice(2)}@example.org`,
    password: PASSWORD,
    acknowledgeDataLoss: true,
  });
  await call('PUT', '/api/v1/profile', {
    version: 0,
    data: {
      userTimeZone: 'Europe/London',
      exTimeZone: 'America/New_York',
      exPreferredChannel: 'email',
      breakupOn: '2025-01-01',
      endedBy: 'ex',
      monthsTogether: 30,
    },
  });
  return { call, headers };
}

/** Logs in as a fresh account with a year of data; returns the headers a browser would send. */
async function seed(base: string): Promise<Record<string, string>> {
  const { call, headers } = await newAccount(base);
  const dayOf = (n: number) => new Date(Date.UTC(2025, 0, 2) + n * 86_400_000);
  for (let d = 0; d < 365; d++) {
    const on = dayOf(d).toISOString().slice(0, 10);
    await call('POST', '/api/v1/check-ins', {
      data: { on, mood: 3 + (d % 6), urge: 8 - (d % 7), sleepHours: 6 + (d % 3), note: `day ${d}` },
    });
    await call('POST', '/api/v1/habit-logs', { data: { on, habit: d % 2 ? 'exercise' : 'sleep' } });
  }
  for (let i = 0; i < 150; i++) {
    const at = new Date(dayOf(120 + i).getTime() + 19 * 3_600_000).toISOString();
    await call('POST', '/api/v1/contact-events', {
      data: {
        at,
        channel: 'email',
        direction: i % 2 ? 'ex-to-user' : 'user-to-ex',
        initiatedBy: i % 3 ? 'user' : 'ex',
        answered: true,
        answeredAt: new Date(Date.parse(at) + 3_600_000).toISOString(),
        tone: 'easy',
      },
    });
  }
  for (let i = 0; i < 40; i++) {
    await call('POST', '/api/v1/commitments', {
      data: {
        createdAt: dayOf(150 + i).toISOString(),
        text: `keep promise ${i}`,
        to: i % 2 ? 'ex' : 'user',
        dueOn: dayOf(160 + i)
          .toISOString()
          .slice(0, 10),
        status: i % 4 ? 'kept' : 'open',
        resolvedAt: i % 4 ? dayOf(161 + i).toISOString() : null,
      },
    });
  }
  const { 'content-type': _ct, ...rest } = headers();
  return rest;
}

const DRAFT =
  "Hi Sam, I hope your week has been kind to you. I've been thinking about how I handled things in the spring, " +
  'and I owe you a real apology: I kept checking your phone, and that told you I did not trust you. That was unfair. ' +
  "I've been working on it with a counsellor. You never have to answer this, and I will respect whatever you decide. " +
  'If you ever want to talk, I would be glad to. Either way, thank you for the years we had. Take care of yourself.';

async function benchApp(label: string, env: Record<string, string>, hello: number): Promise<Result[]> {
  const { child, base } = await startChild('app', env);
  try {
    const headers = await seed(base);
    const json = { ...headers, 'content-type': 'application/json' };
    const results: Result[] = [];
    const only = process.env.BENCH_ONLY;
    // BENCH_ONLY=analyze|plan|write runs one endpoint (with BENCH_CPU_PROF, to profile it alone);
    // BENCH_ONLY=session measures the floor every authenticated request pays (no database
    // work beyond the session check, no coach).
    if (only === 'session')
      results.push(
        await load(`${label} GET /api/v1/auth/session (the floor)`, {
          url: `${base}/api/v1/auth/session`,
          headers,
        }),
      );
    if (!only || only === 'analyze')
      results.push(
        await load(`${label} POST /api/v1/coach/analyze (500 chars)`, {
          url: `${base}/api/v1/coach/analyze`,
          method: 'POST',
          headers: json,
          body: JSON.stringify({ text: DRAFT, channel: 'email' }),
        }),
      );
    if (!only || only === 'plan')
      results.push(
        await load(`${label} GET /api/v1/plan (a year of data)`, { url: `${base}/api/v1/plan`, headers }),
      );
    // Habit logs have no one-per-day rule, so the same body can be written again and again.
    if (!only || only === 'write')
      results.push(
        await load(`${label} POST /api/v1/habit-logs (a write)`, {
          url: `${base}/api/v1/habit-logs`,
          method: 'POST',
          headers: json,
          body: JSON.stringify({ data: { on: '2025-12-30', habit: 'meditation', minutes: 15 } }),
        }),
      );
    // The same write from many people at once, one account per connection, as a hosted
    // server sees it: the single-account row above is the stress case, where 32 writes
    // for one person queue on that person's data version.
    if (!only || only === 'write') {
      const people = await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          const { headers } = await newAccount(base);
          return headers();
        }),
      );
      let next = 0;
      results.push(
        await load(`${label} POST /api/v1/habit-logs (${CONNECTIONS} accounts)`, {
          url: `${base}/api/v1/habit-logs`,
          method: 'POST',
          headers: people[0]!,
          setupClient: (client) => client.setHeaders(people[next++ % people.length]!),
          body: JSON.stringify({ data: { on: '2025-12-30', habit: 'meditation', minutes: 15 } }),
        }),
      );
    }
    for (const r of results) (r as Result & { ratio: number }).ratio = r.reqPerSec / hello;
    return results;
  } finally {
    await stopChild(child);
  }
}

function print(results: Result[], hello: number): void {
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(
    `\n${pad('endpoint', 58)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)}  vs hello`,
  );
  for (const r of results) {
    const bad = r.errors + r.non2xx ? `  (${r.errors} errors, ${r.non2xx} non-2xx)` : '';
    console.log(
      `${pad(r.name, 58)} ${r.reqPerSec.toFixed(0).padStart(8)} ${r.p50.toFixed(1).padStart(7)} ${r.p99
        .toFixed(1)
        .padStart(7)}  ${((100 * r.reqPerSec) / hello).toFixed(0).padStart(5)} %${bad}`,
    );
  }
}

/** Hello-world and the app endpoints, each server run as `processes` processes. */
async function round(processes: number): Promise<Result[]> {
  const env = { BENCH_PROCESSES: String(processes) };
  const suffix = processes > 1 ? `, ${processes} processes` : '';
  const helloChild = await startChild('hello', env);
  const hello = await load(`Hono hello-world (baseline${suffix})`, { url: `${helloChild.base}/` });
  await stopChild(helloChild.child);
  const results: Result[] = [hello];
  const dataDir = mkdtempSync(join(tmpdir(), 'olive-bench-'));
  try {
    const label = (db: string) => (processes > 1 ? `${db}×${processes}` : db);
    results.push(
      ...(await benchApp(
        label('sqlite'),
        { ...env, BENCH_DATA_DIR: dataDir, BENCH_PG_URL: '' },
        hello.reqPerSec,
      )),
    );
    const pg = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (pg)
      results.push(...(await benchApp(label('postgres'), { ...env, BENCH_PG_URL: pg }, hello.reqPerSec)));
    else if (processes === 1)
      console.log('(PostgreSQL skipped: set BENCH_DATABASE_URL=postgres://… to include it)');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  print(results, hello.reqPerSec);
  return results;
}

function printTargets(title: string, results: Result[], sqlite: string): void {
  const hello = results[0]!;
  const analyze = results.find((r) => r.name === `${sqlite} POST /api/v1/coach/analyze (500 chars)`);
  const plan = results.find((r) => r.name.startsWith(`${sqlite} GET /api/v1/plan`));
  if (!analyze || !plan) return;
  const worstP99 = Math.max(...results.slice(1).map((r) => r.p99));
  const targets = [
    [
      `analyze ≥ 50 % of hello-world req/s`,
      analyze.reqPerSec / hello.reqPerSec >= 0.5,
      `${((100 * analyze.reqPerSec) / hello.reqPerSec).toFixed(0)} %`,
    ],
    [
      `p99 < 25 ms at ${CONNECTIONS} connections, every endpoint`,
      worstP99 < 25,
      `worst ${worstP99.toFixed(1)} ms`,
    ],
    [
      'plan ≥ 1,000 req/s on SQLite',
      plan.reqPerSec >= 1000,
      `${plan.reqPerSec.toFixed(0)} req/s (${(plan.reqPerSec / 1000).toFixed(2)}× target)`,
    ],
  ] as const;
  console.log(`\nTargets, ${title}`);
  for (const [name, pass, detail] of targets) console.log(`  ${pass ? 'PASS' : 'MISS'} ${name}: ${detail}`);
}

// ---------------------------------------------------------------------------
// abuse round (issue 14)

const ABUSE_SECONDS = Number(process.env.BENCH_ABUSE_SECONDS ?? 15);
/** A long, hostile draft at the coach's length limit: the coach's worst case. */
const HOSTILE_DRAFT = (() => {
  const lines = [
    'Answer me right now or I will come to your house tonight.',
    'You owe me after everything, you never listened and you never will.',
    'I know where you are and who you are with, so do not ignore me again!!!',
    'If you block me I will just make another account and keep writing.',
  ];
  let text = '';
  for (let i = 0; text.length < 99_000; i++) text += `${lines[i % lines.length]} `;
  return text.slice(0, 99_000);
})();

/** A journey of 100,000 contacts with short notes, as import JSON (about 20 MB). */
function bigJourney(): string {
  const start = Date.UTC(2020, 1, 1);
  const contactEvents = Array.from({ length: 100_000 }, (_, i) => ({
    id: `c${i}`,
    at: new Date(start + i * 600_000).toISOString(),
    channel: 'email',
    direction: i % 2 ? 'ex-to-user' : 'user-to-ex',
    initiatedBy: 'user',
    answered: true,
    answeredAt: new Date(start + i * 600_000 + 60_000).toISOString(),
    tone: 'easy',
    note: `message ${i}: we talked about the weekend`,
  }));
  const snapshot = emptySnapshot(
    {
      userTimeZone: 'Europe/London',
      exTimeZone: 'America/New_York',
      exPreferredChannel: 'email',
      breakupOn: '2020-01-01',
      endedBy: 'ex',
      monthsTogether: 30,
    },
    '2020-01-01T00:00:00.000Z',
  );
  return JSON.stringify({ ...snapshot, contactEvents });
}

/** Runs `once` over and over from `lanes` loops until `until`; counts answers by status. */
async function hammer(
  lanes: number,
  until: number,
  once: (lane: number, i: number) => Promise<number>,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let i = 0; Date.now() < until; i++) {
        let outcome: string;
        try {
          outcome = String(await once(lane, i));
        } catch (error) {
          outcome = (error as Error).name === 'TimeoutError' ? 'client timeout' : 'error';
        }
        counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
      }
    }),
  );
  return counts;
}

const show = (counts: Map<string, number>) =>
  [...counts]
    .sort()
    .map(([status, n]) => `${n}× ${status}`)
    .join(', ') || 'none';

async function abuseRound(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'olive-bench-abuse-'));
  const { child, base } = await startChild('app', {
    BENCH_PROCESSES: '1',
    BENCH_DATA_DIR: dataDir,
    BENCH_PG_URL: '',
    BENCH_ABUSE: '1',
  });
  try {
    // Three people: one with an ordinary year-less journey, one writing hostile drafts, one
    // whose 100,000-contact journey is exported again and again.
    const ordinary = await newAccount(base);
    const hostile = await newAccount(base);
    const hoarder = await newAccount(base);
    const journey = bigJourney();
    const imported = await fetch(`${base}/api/v1/import`, {
      method: 'POST',
      headers: hoarder.headers(),
      body: journey,
    });
    if (imported.status !== 200) throw new Error(`import: ${imported.status} ${await imported.text()}`);
    // The load average says how quiet the machine was: on two shared cores, other work moves p99 more than anything here.
    console.log(
      `
Abuse round (${ABUSE_SECONDS} s, one process, SQLite, loopback): journey of ${(journey.length / 1e6).toFixed(1)} MB imported; load average ${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} cores`,
    );
    const { 'content-type': _a, ...ordinaryGet } = ordinary.headers();
    const { 'content-type': _b, ...hoarderGet } = hoarder.headers();
    await warm({ url: `${base}/api/v1/check-ins`, headers: ordinaryGet });

    const until = Date.now() + ABUSE_SECONDS * 1000;
    // BENCH_ABUSE_PARTS=drafts,exports,flood (the default: all three) picks the attackers.
    const parts = new Set((process.env.BENCH_ABUSE_PARTS ?? 'drafts,exports,flood').split(','));
    const none = Date.now();
    const budget = () => AbortSignal.timeout(30_000);
    const drafts = hammer(4, parts.has('drafts') ? until : none, async () => {
      const res = await fetch(`${base}/api/v1/coach/analyze`, {
        method: 'POST',
        headers: hostile.headers(),
        body: JSON.stringify({ text: HOSTILE_DRAFT, channel: 'text' }),
        signal: budget(),
      });
      await res.arrayBuffer();
      return res.status;
    });
    const exports = hammer(2, parts.has('exports') ? until : none, async () => {
      const res = await fetch(`${base}/api/v1/export`, { headers: hoarderGet, signal: budget() });
      await res.arrayBuffer();
      return res.status;
    });
    // Each flood request first fetches a CSRF cookie, as a script would.
    const flood = hammer(32, parts.has('flood') ? until : none, async (lane, i) => {
      const first = await fetch(`${base}/healthz`);
      const csrf = /olive_csrf=([^;]+)/.exec(first.headers.get('set-cookie') ?? '')?.[1] ?? '';
      const res = await fetch(`${base}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `olive_csrf=${csrf}`, 'x-csrf-token': csrf },
        body: JSON.stringify({
          email: `flood-${lane}-${i}-${Date.now()}@example.org`,
          password: PASSWORD,
          acknowledgeDataLoss: true,
        }),
        signal: budget(),
      });
      await res.arrayBuffer();
      return res.status;
    });
    const duration = Math.max(1, ABUSE_SECONDS - 2);
    const [healthz, everyday] = await Promise.all([
      new Promise<autocannon.Result>((resolve, reject) =>
        autocannon({ url: `${base}/healthz`, connections: 2, duration }, (e, r) =>
          e ? reject(e) : resolve(r),
        ),
      ),
      new Promise<autocannon.Result>((resolve, reject) =>
        autocannon(
          { url: `${base}/api/v1/check-ins`, headers: ordinaryGet, connections: 2, duration },
          (e, r) => (e ? reject(e) : resolve(r)),
        ),
      ),
    ]);
    const [draftCounts, exportCounts, floodCounts] = await Promise.all([drafts, exports, flood]);
    const line = (name: string, r: autocannon.Result) =>
      `  ${name.padEnd(44)} p50 ${r.latency.p50.toFixed(1).padStart(6)} ms  p99 ${r.latency.p99
        .toFixed(1)
        .padStart(
          6,
        )} ms  max ${r.latency.max.toFixed(0).padStart(5)} ms  ${r.requests.total} answered, ${r.non2xx} non-2xx, ${r.errors} errors`;
    console.log(line('GET /healthz', healthz));
    console.log(line('GET /api/v1/check-ins (an ordinary person)', everyday));
    console.log(`  hostile 99,000-character drafts (4 lanes): ${show(draftCounts)}`);
    console.log(`  20 MB journey exports (2 lanes):           ${show(exportCounts)}`);
    console.log(`  registration flood (32 lanes):             ${show(floodCounts)}`);
    const pass = healthz.latency.p99 <= 50 && healthz.non2xx + healthz.errors === 0;
    const served = everyday.non2xx + everyday.errors === 0 && everyday.requests.total > 0;
    console.log(
      `  ${pass ? 'PASS' : 'MISS'} /healthz p99 ≤ 50 ms under abuse: ${healthz.latency.p99.toFixed(1)} ms`,
    );
    console.log(
      `  ${served ? 'PASS' : 'MISS'} ordinary requests answered: ${everyday.requests.total} (${everyday.non2xx} non-2xx)`,
    );
  } finally {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.env.BENCH_ONLY === 'abuse') return abuseRound();
  console.log(`bench:server: ${CONNECTIONS} connections, ${DURATION_S} s per endpoint, loopback only`);
  // One process, as `npm start` runs; then BENCH_WORKERS processes (default 2, 0 to skip),
  // as `olive serve --workers N` runs for hosting, hello-world measured the same way.
  const one = await round(1);
  const workers = Number(process.env.BENCH_WORKERS ?? 2);
  const many = workers > 1 && !process.env.BENCH_ONLY ? await round(workers) : [];
  printTargets('one process', one, 'sqlite');
  if (many.length > 0) printTargets(`${workers} processes`, many, `sqlite×${workers}`);
  if (process.env.BENCH_ABUSE !== '0' && !process.env.BENCH_ONLY) await abuseRound();
}

await main();
