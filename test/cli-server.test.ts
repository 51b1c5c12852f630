/**
 * The server and data commands as real processes: `olive serve` answers, stops cleanly on
 * SIGTERM, survives SIGKILL mid-burst without losing an acknowledged write, refuses a
 * database newer than itself; backup → restore round-trips; export decrypts with the
 * password from stdin; bad arguments exit 64 with one line.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const ENTRY = ['--import', 'tsx', 'src/cli/entry.ts'];
const PASSWORD = 'olive trees by the harbour';
const dirs: string[] = [];
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'olive-cli-'));
  dirs.push(dir);
  return dir;
}

/** Runs `olive …` to completion. */
function olive(
  args: string[],
  env: Record<string, string>,
  stdin = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...ENTRY, ...args], {
      env: { ...process.env, DATABASE_URL: '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(stdin);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Running {
  child: ChildProcess;
  base: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `olive serve` on a free port and waits until it says where it listens. */
async function startServer(dataDir: string, extra: string[] = []): Promise<Running> {
  const child = spawn(process.execPath, [...ENTRY, 'serve', '--port', '0', ...extra], {
    env: { ...process.env, DATABASE_URL: '', OLIVE_DATA_DIR: dataDir, HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) {
        clearInterval(timer);
        resolve(match[1]!);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`server exited: ${output}`));
      }
    }, 50);
  });
  return { child, base, output: () => output, exited };
}

/** A browser-like HTTP client: keeps cookies, sends the CSRF header. */
function httpClient(base: string) {
  const cookies = new Map<string, string>();
  return async (method: string, path: string, body?: unknown) => {
    if (!cookies.has('olive_csrf')) {
      const res = await fetch(`${base}/healthz`);
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [k, v] = pair!.split('=');
        cookies.set(k!, v!);
      }
    }
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': cookies.get('olive_csrf') ?? '',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    return res;
  };
}

const PROFILE = {
  userTimeZone: 'Europe/London',
  exTimeZone: 'America/New_York',
  exPreferredChannel: 'email',
  breakupOn: '2026-01-15',
  endedBy: 'ex',
  monthsTogether: 30,
  exName: 'Robin the private',
};

async function registerWithProfile(base: string, email: string) {
  const call = httpClient(base);
  const reg = await call('POST', '/api/v1/auth/register', {
    email,
    password: PASSWORD,
    acknowledgeDataLoss: true,
  });
  expect(reg.status).toBe(201);
  expect((await call('PUT', '/api/v1/profile', { version: 0, data: PROFILE })).status).toBe(201);
  return call;
}

function day(n: number): string {
  return new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The pids of a primary's `olive serve` worker processes (Linux /proc; tsx's esbuild helper aside). */
function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after ")".
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('serve'))
        out.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

describe('olive serve --workers', () => {
  it('runs several processes on one port that share sessions and data, and stops them all on SIGTERM', async () => {
    const server = await startServer(tempDir(), ['--workers', '2']);
    expect(server.output()).toContain('2 worker processes');
    expect(server.output().match(/is running at/g)).toHaveLength(1);
    expect(childPids(server.child.pid!)).toHaveLength(2);
    // Requests are shared out between the workers: a session and the data written through
    // one must hold on the other, every time.
    const call = await registerWithProfile(server.base, 'workers@example.org');
    for (let i = 0; i < 6; i++) {
      const res = await call('POST', '/api/v1/check-ins', {
        data: { on: day(i), mood: 5, urge: 3, sleepHours: 7, note: `shared ${i}` },
      });
      expect(res.status).toBe(201);
      const list = (await (await call('GET', '/api/v1/check-ins?limit=50')).json()) as { items: unknown[] };
      expect(list.items).toHaveLength(i + 1);
    }
    // Writers in both processes at once: each waits its turn for the file, none fails.
    const statuses = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        call('POST', '/api/v1/check-ins', {
          data: { on: day(100 + i), mood: 4, urge: 2, sleepHours: 8, note: `together ${i}` },
        }).then((res) => res.status),
      ),
    );
    expect(statuses).toEqual(statuses.map(() => 201));
    const all = (await (await call('GET', '/api/v1/check-ins?limit=50')).json()) as { items: unknown[] };
    expect(all.items).toHaveLength(30);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('stopped');
  });

  it('replaces a worker that dies and keeps serving', async () => {
    const server = await startServer(tempDir(), ['--workers', '2']);
    const [victim] = childPids(server.child.pid!);
    process.kill(victim!, 'SIGKILL');
    await expect.poll(() => server.output(), { timeout: 10_000 }).toContain('a worker stopped unexpectedly');
    await expect
      .poll(() => childPids(server.child.pid!).filter((pid) => pid !== victim).length, { timeout: 15_000 })
      .toBe(2);
    const call = await registerWithProfile(server.base, 'phoenix@example.org');
    for (let i = 0; i < 6; i++) expect((await call('GET', '/api/v1/plan')).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('refuses a bad worker count with one line and exit 64', async () => {
    for (const bad of ['0', '65', 'many']) {
      const { code, stderr } = await olive(['serve', '--workers', bad], { OLIVE_DATA_DIR: tempDir() });
      expect(code).toBe(64);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain('workers must be');
    }
  });
});

describe('olive serve', () => {
  it('serves /healthz and the API, then finishes and exits 0 on SIGTERM', async () => {
    const server = await startServer(tempDir());
    const health = await fetch(`${server.base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'sqlite' });
    const call = await registerWithProfile(server.base, 'term@example.org');
    const plan = await call('GET', '/api/v1/plan');
    expect(plan.status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('stopped');
  });

  it('keeps every acknowledged write through a SIGKILL mid-burst, and the database stays intact', async () => {
    const dataDir = tempDir();
    const first = await startServer(dataDir);
    const call = await registerWithProfile(first.base, 'crash@example.org');
    const acknowledged: string[] = [];
    let stop = false;
    // Several writers at once, so the kill lands in the middle of transactions.
    const writers = [0, 1, 2, 3].map(async (w) => {
      for (let i = 0; !stop && i < 500; i++) {
        const on = day(w * 500 + i);
        try {
          const res = await call('POST', '/api/v1/check-ins', {
            data: { on, mood: 5, urge: 4, sleepHours: 7, note: `night ${on}` },
          });
          if (res.status === 201) acknowledged.push(on);
        } catch {
          return; // the connection died with the server
        }
      }
    });
    await new Promise((r) => setTimeout(r, 400 + Math.random() * 800));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await first.exited;
    expect(acknowledged.length).toBeGreaterThan(0);

    const db = new Database(join(dataDir, 'olive.db'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    const second = await startServer(dataDir);
    const again = httpClient(second.base);
    expect(
      (await again('POST', '/api/v1/auth/login', { email: 'crash@example.org', password: PASSWORD })).status,
    ).toBe(200);
    const stored = new Set<string>();
    let cursor: string | null = null;
    do {
      const res: Response = await again(
        'GET',
        `/api/v1/check-ins?limit=500${cursor ? `&cursor=${cursor}` : ''}`,
      );
      const page = (await res.json()) as {
        items: { data: { on: string; note: string } }[];
        nextCursor: string | null;
      };
      for (const item of page.items) {
        stored.add(item.data.on);
        expect(item.data.note).toBe(`night ${item.data.on}`);
      }
      cursor = page.nextCursor ? encodeURIComponent(page.nextCursor) : null;
    } while (cursor);
    for (const on of acknowledged) expect(stored.has(on), on).toBe(true);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('refuses to start on a database newer than the code, with a clear message', async () => {
    const dataDir = tempDir();
    expect((await olive(['migrate'], { OLIVE_DATA_DIR: dataDir })).code).toBe(0);
    const db = new Database(join(dataDir, 'olive.db'));
    db.prepare('insert into olive_migrations (id, name, applied_at) values (999, ?, ?)').run(
      'from the future',
      new Date().toISOString(),
    );
    db.close();
    const result = await olive(['serve', '--port', '0'], { OLIVE_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refusing to start: .*migration 999/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('olive migrate, backup, restore and export', () => {
  it('migrates once and then reports it is up to date', async () => {
    const env = { OLIVE_DATA_DIR: tempDir() };
    const first = await olive(['migrate'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/applied migration 1/);
    const second = await olive(['migrate'], env);
    expect(second.stdout).toMatch(/up to date/);
    const status = await olive(['migrate', '--status'], env);
    expect(status.stdout).toMatch(/migration (\d+) of \1 \(up to date\)/);
  });

  it('backs up a live database, restores it elsewhere, and the account still decrypts', async () => {
    const source = tempDir();
    const server = await startServer(source);
    const call = await registerWithProfile(server.base, 'keep@example.org');
    expect(
      (
        await call('POST', '/api/v1/check-ins', {
          data: { on: '2026-02-01', mood: 6, urge: 3, sleepHours: 7 },
        })
      ).status,
    ).toBe(201);
    const file = join(tempDir(), 'olive-backup.db');
    // taken while the server is running
    const backup = await olive(['backup', file], { OLIVE_DATA_DIR: source });
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/integrity ok/);
    // a backup holds what the database holds: only its owner may read it
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((await olive(['backup', file], { OLIVE_DATA_DIR: source })).code).toBe(64); // exists
    server.child.kill('SIGTERM');
    await server.exited;

    const target = tempDir();
    const restore = await olive(['restore', file], { OLIVE_DATA_DIR: target });
    expect(restore.code).toBe(0);
    expect(statSync(join(target, 'olive.db')).mode & 0o777).toBe(0o600);
    const exported = await olive(
      ['export', '--email', 'keep@example.org'],
      { OLIVE_DATA_DIR: target },
      `${PASSWORD}\n`,
    );
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const snapshot = JSON.parse(exported.stdout);
    expect(snapshot.profile.exName).toBe('Robin the private');
    expect(snapshot.checkIns).toHaveLength(1);

    // restoring over an existing database needs --force, and keeps the old one
    expect((await olive(['restore', file], { OLIVE_DATA_DIR: target })).code).toBe(64);
    const forced = await olive(['restore', file, '--force'], { OLIVE_DATA_DIR: target });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/kept at .*before-restore/);
    const kept = readdirSync(target).find((f) => f.includes('before-restore'))!;
    expect(statSync(join(target, kept)).mode & 0o777).toBe(0o600);
  });

  it('refuses a wrong password on export and a file that is not an Olive Branch backup', async () => {
    const dataDir = tempDir();
    const server = await startServer(dataDir);
    await registerWithProfile(server.base, 'wrong@example.org');
    server.child.kill('SIGTERM');
    await server.exited;
    const wrong = await olive(
      ['export', '--email', 'wrong@example.org'],
      { OLIVE_DATA_DIR: dataDir },
      'nope\n',
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr).toMatch(/not right/);

    const junk = join(tempDir(), 'junk.db');
    writeFileSync(junk, 'this is not a database at all');
    const restore = await olive(['restore', junk, '--force'], { OLIVE_DATA_DIR: dataDir });
    expect(restore.code).toBe(1);
    expect(restore.stderr.trim().split('\n')).toHaveLength(1);
    // the live database is untouched
    const exported = await olive(
      ['export', '--email', 'wrong@example.org'],
      { OLIVE_DATA_DIR: dataDir },
      `${PASSWORD}\n`,
    );
    expect(exported.code).toBe(0);
  });

  it('answers bad usage with exit 64 and one line', async () => {
    const env = { OLIVE_DATA_DIR: tempDir() };
    for (const args of [
      ['serve', '--port', 'eighty'],
      ['serve', '--nope'],
      ['backup'],
      ['restore', 'a', 'b'],
      ['export'],
      ['frobnicate'],
    ]) {
      const result = await olive(args, env);
      expect(result.code, args.join(' ')).toBe(64);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    const pg = await olive(['backup', 'x.db'], { ...env, DATABASE_URL: 'mysql://nope' });
    expect(pg.code).toBe(64);
    expect(pg.stderr).toMatch(/postgres:\/\//);
  });
});
