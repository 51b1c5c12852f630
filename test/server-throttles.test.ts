/**
 * Throttles that cannot be raced or turned against people (issue 14): parallel guesses are
 * counted before any hash runs, one person's typos never lock out another account behind
 * the same address, a browser that logged in before keeps working while a stranger is
 * locked out, forwarded headers are read from the proxy's end, every password check is
 * throttled, CSRF tokens belong to one session, and only this server's host names answer.
 */
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress } from '../src/server/throttle.js';
import { type Argon2, cryptoDeps } from '../src/store/index.js';
import { FAST_ACCOUNTS, TEST_DATABASES, type TestStore } from '../src/store/testing.js';
import {
  type Client,
  client,
  ORIGIN,
  PASSWORD,
  registered,
  type TestApp,
  testApp,
} from './server-helpers.js';

const WRONG = 'not the password at all';

describe.each(TEST_DATABASES)('password throttles on $name', (database) => {
  let t: TestStore;
  let a: TestApp;
  beforeAll(async () => {
    t = await database.open();
    a = testApp(t);
  });
  afterAll(() => t.dispose());

  const login = async (c: Client, email: string, password: string, headers: Record<string, string> = {}) =>
    (await c.request('POST', '/api/v1/auth/login', { email, password }, headers)).status;

  it('counts parallel guesses before hashing: only the free attempts reach the password check', async () => {
    await registered(a.app, 'race@example.org');
    const guesses = Array.from({ length: 40 }, (_, i) => `${WRONG} ${i}`);
    const statuses = await Promise.all(
      guesses.map((password) => login(client(a.app), 'race@example.org', password)),
    );
    const checked = statuses.filter((s) => s !== 429);
    expect(checked.length, statuses.join(' ')).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(35);
    // The right password, from a browser that never logged in, now has to wait too.
    expect(await login(client(a.app), 'race@example.org', PASSWORD)).toBe(429);
  });

  it("never locks another account out because of one account's failures from the same address", async () => {
    for (const name of ['t1', 't2', 't3', 't4', 't5']) {
      await registered(a.app, `${name}@example.org`);
      for (let i = 0; i < 5; i++) await login(client(a.app), `${name}@example.org`, WRONG);
    }
    // 25 failures from this address: it is slowed, never shut out.
    await registered(a.app, 'neighbour@example.org');
    const slowedBefore = a.slept.length;
    expect(await login(client(a.app), 'neighbour@example.org', PASSWORD)).toBe(200);
    expect(a.slept.length).toBeGreaterThan(slowedBefore);
    // The account that was guessed at is still protected from an unknown browser.
    expect(await login(client(a.app), 't1@example.org', WRONG)).toBe(429);
  });

  it('keeps a browser that logged in before working while a stranger locks the account out', async () => {
    const owner = await registered(a.app, 'owner@example.org');
    expect(owner.cookies.has('olive_device')).toBe(true);
    const stranger = client(a.app);
    const strangerStatuses: number[] = [];
    for (let i = 0; i < 8; i++) strangerStatuses.push(await login(stranger, 'owner@example.org', WRONG));
    expect(strangerStatuses).toContain(429);
    expect(await login(stranger, 'owner@example.org', PASSWORD)).toBe(429);
    expect(await login(owner, 'owner@example.org', PASSWORD)).toBe(200);
    // …and the owner's own browser has its own budget of mistakes.
    const ownerStatuses: number[] = [];
    for (let i = 0; i < 7; i++) ownerStatuses.push(await login(owner, 'owner@example.org', WRONG));
    expect(ownerStatuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(ownerStatuses).toContain(429);
  });

  it('throttles the password checks of a password change and an account deletion like a login', async () => {
    const c = await registered(a.app, 'checks@example.org');
    const change: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await c.request('POST', '/api/v1/auth/password', {
        currentPassword: `${WRONG} ${i}`,
        newPassword: 'a brand new passphrase',
      });
      change.push(res.status);
    }
    expect(change.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(change.at(-1)).toBe(429);
    const gone = await c.request('DELETE', '/api/v1/account', {
      password: PASSWORD,
      confirm: 'delete my account',
    });
    expect(gone.status).toBe(429);
    expect(Number(gone.headers.get('retry-after'))).toBeGreaterThan(0);
    a.clock.now = new Date(a.clock.now.getTime() + 20 * 60_000);
    const later = await c.request('DELETE', '/api/v1/account', {
      password: PASSWORD,
      confirm: 'delete my account',
    });
    expect(later.status).toBe(204);
  });

  it('throttles the app lock’s password check like a login, and says plainly when it is right', async () => {
    const c = await registered(a.app, 'lock@example.org');
    expect((await c.request('POST', '/api/v1/auth/check-password', { password: PASSWORD })).status).toBe(204);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await c.request('POST', '/api/v1/auth/check-password', { password: `${WRONG} ${i}` })).status,
      );
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.at(-1)).toBe(429);
    // Throttled means throttled: the right password waits too.
    expect((await c.request('POST', '/api/v1/auth/check-password', { password: PASSWORD })).status).toBe(429);
  });

  it('stores throttle keys that a dump cannot map back to an email or an address', async () => {
    const { createHash } = await import('node:crypto');
    const sha = (text: string) => createHash('sha256').update(text).digest('base64url');
    const rows = await t.rawQuery('select key_hash from login_throttle');
    expect(rows.length).toBeGreaterThan(0);
    const guessable = [
      sha('account:t1@example.org'),
      sha('address:local'),
      sha(sha('account:t1@example.org')),
    ];
    for (const row of rows) expect(guessable).not.toContain(row.key_hash);
  });
});

describe.each(TEST_DATABASES)('registration limits and proxies on $name', (database) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await database.open();
  });
  afterAll(() => t.dispose());

  const register = (c: Client, email: string, headers: Record<string, string> = {}) =>
    c.request(
      'POST',
      '/api/v1/auth/register',
      { email, password: PASSWORD, acknowledgeDataLoss: true },
      headers,
    );

  it('limits new accounts per address and in all, and counts them again an hour later', async () => {
    const a = testApp(t, '2026-03-01T12:00:00Z', {
      registrations: { perAddressPerHour: 3, totalPerHour: 4 },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await register(client(a.app), `flood${i}@example.org`)).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const refused = await register(client(a.app), 'flood9@example.org');
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await refused.json()).detail).toMatch(/Too many new accounts/);
    // A refused client is refused at once, before its body is even read.
    const garbage = await client(a.app).request('POST', '/api/v1/auth/register', { nonsense: true });
    expect(garbage.status).toBe(429);
    a.clock.now = new Date(a.clock.now.getTime() + 61 * 60_000);
    expect((await register(client(a.app), 'later@example.org')).status).toBe(201);
  });

  it('queues password hashing behind a small limit instead of running a flood of them at once', async () => {
    const real = await cryptoDeps();
    let running = 0;
    let most = 0;
    const counted = <T>(work: () => Promise<T>) => {
      running++;
      most = Math.max(most, running);
      return work().finally(() => running--);
    };
    const argon2: Argon2 = {
      hash: (p, o) => counted(() => real.argon2.hash(p, o)),
      verify: (h, p) => counted(() => real.argon2.verify(h, p)),
      hashRaw: (p, o) => counted(() => real.argon2.hashRaw(p, o)),
    };
    const a = testApp(t, '2026-03-03T12:00:00Z', {
      accounts: { ...FAST_ACCOUNTS, deps: { ...real, argon2 } },
      argon2: { concurrent: 2, maxWaiting: 100 },
    });
    const statuses = await Promise.all(
      Array.from(
        { length: 12 },
        async (_, i) => (await register(client(a.app), `queue${i}@example.org`)).status,
      ),
    );
    expect(statuses.every((s) => s === 201)).toBe(true);
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(2);
  });

  it("reads the client's address from the proxy's end of X-Forwarded-For, not the client's", async () => {
    const a = testApp(t, '2026-03-02T12:00:00Z', {
      trustProxy: 1,
      registrations: { perAddressPerHour: 2, totalPerHour: 100 },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const spoofed = { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.9` };
      statuses.push((await register(client(a.app), `spoof${i}@example.org`, spoofed)).status);
    }
    expect(statuses).toEqual([201, 201, 429, 429]);
    // Another client behind the same proxy is counted on its own.
    const other = await register(client(a.app), 'other@example.org', { 'x-forwarded-for': '203.0.113.10' });
    expect(other.status).toBe(201);
  });

  it('picks the entry the nearest trusted proxy wrote, by hop count', async () => {
    const app = new Hono();
    app.get('/:hops', (c) => c.text(clientAddress(c, Number(c.req.param('hops')))));
    const headers = { 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.0.0.2' };
    const read = async (hops: number) => (await app.request(`/${hops}`, { headers })).text();
    expect(await read(1)).toBe('10.0.0.2');
    expect(await read(2)).toBe('198.51.100.7');
    expect(await read(9)).toBe('6.6.6.6');
    expect(await read(0)).toBe('local');
  });
});

describe.each(TEST_DATABASES)('hosts, CSRF and HSTS on $name', (database) => {
  let t: TestStore;
  let a: TestApp;
  beforeAll(async () => {
    t = await database.open();
    a = testApp(t);
  });
  afterAll(() => t.dispose());

  it('refuses a host name it was not configured for (DNS rebinding), and answers its own', async () => {
    for (const [method, path] of [
      ['GET', '/healthz'],
      ['POST', '/api/v1/auth/register'],
      ['POST', '/api/v1/auth/login'],
    ] as const) {
      const res = await a.app.request(`http://rebind.example:5178${path}`, { method });
      expect(res.status, path).toBe(421);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
    expect((await a.app.request('http://localhost:5178/healthz')).status).toBe(200);
    const configured = testApp(t, undefined, { allowedHosts: ['olive.example', '0.0.0.0'] });
    expect((await configured.app.request('http://olive.example/healthz')).status).toBe(200);
    expect((await configured.app.request('http://192.168.1.20:5178/healthz')).status).toBe(200);
    expect((await configured.app.request('http://rebind.example/healthz')).status).toBe(421);
  });

  it('refuses a CSRF token that belongs to another session, even sent as a matching pair', async () => {
    const ana = await registered(a.app, 'ana@example.org');
    const ben = await registered(a.app, 'ben@example.org');
    const planted = client(a.app);
    planted.cookies.set('olive_session', ana.cookies.get('olive_session')!);
    planted.cookies.set('olive_csrf', ben.cookies.get('olive_csrf')!);
    const res = await planted.request('POST', '/api/v1/auth/logout-everywhere');
    expect(res.status).toBe(403);
    expect((await ana.request('GET', '/api/v1/auth/session')).status).toBe(200);
    // The token issued before login no longer counts once the session exists.
    const fresh = client(a.app);
    await fresh.request('GET', '/healthz');
    const anonymousToken = fresh.cookies.get('olive_csrf')!;
    await fresh.request('POST', '/api/v1/auth/login', { email: 'ana@example.org', password: PASSWORD });
    expect(fresh.cookies.get('olive_csrf')).not.toBe(anonymousToken);
    const stale = await fresh.request('POST', '/api/v1/auth/logout-everywhere', undefined, {
      'x-csrf-token': anonymousToken,
      cookie: `olive_session=${fresh.cookies.get('olive_session')}; olive_csrf=${anonymousToken}`,
    });
    expect(stale.status).toBe(403);
  });

  it('sends Strict-Transport-Security over https only (a trusted proxy may say so)', async () => {
    const https = await a.app.request('https://127.0.0.1/healthz');
    expect(https.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect((await a.app.request(`${ORIGIN}/healthz`)).headers.get('strict-transport-security')).toBeNull();
    const spoofed = await a.app.request(`${ORIGIN}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.headers.get('strict-transport-security')).toBeNull();
    const proxied = testApp(t, undefined, { trustProxy: 1 });
    const behind = await proxied.app.request(`${ORIGIN}/healthz`, {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(behind.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });
});
