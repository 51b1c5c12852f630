import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptySnapshot } from '../src/store/index.js';
import { TEST_DATABASES, type TestStore } from '../src/store/testing.js';
import { client, PASSWORD, PROFILE, registered, type TestApp, testApp } from './server-helpers.js';

describe.each(TEST_DATABASES)('the API on $name', (database) => {
  let t: TestStore;
  let a: TestApp;
  beforeAll(async () => {
    t = await database.open();
    a = testApp(t);
  });
  afterAll(() => t.dispose());

  it('answers /healthz with the version and the database kind, with security headers', async () => {
    const res = await a.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: '0.0.0-test', database: database.name });
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
  });

  it('registers, keeps the session in an HttpOnly SameSite=Strict cookie, and reports it', async () => {
    const c = client(a.app);
    const res = await c.request('POST', '/api/v1/auth/register', {
      email: 'Ana@Example.org',
      password: PASSWORD,
      acknowledgeDataLoss: true,
    });
    expect(res.status).toBe(201);
    const cookie = res.headers.getSetCookie().find((l) => l.startsWith('olive_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/); // plain http on loopback
    const session = await c.json('GET', '/api/v1/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.user.email).toBe('ana@example.org');
  });

  it('refuses weak passwords with the reason on the field, and registration without the data-loss acknowledgement', async () => {
    const c = client(a.app);
    const short = await c.json('POST', '/api/v1/auth/register', {
      email: 'b@example.org',
      password: 'short',
      acknowledgeDataLoss: true,
    });
    expect(short.status).toBe(400);
    expect(short.res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(short.body.errors[0]).toMatchObject({ path: 'password' });
    expect(short.body.detail).toMatch(/at least 10 characters/);
    const common = await c.json('POST', '/api/v1/auth/register', {
      email: 'b@example.org',
      password: 'Password123',
      acknowledgeDataLoss: true,
    });
    expect(common.body.detail).toMatch(/most common/);
    const noAck = await c.json('POST', '/api/v1/auth/register', {
      email: 'b@example.org',
      password: PASSWORD,
    });
    expect(noAck.status).toBe(400);
    expect(noAck.body.errors[0].path).toBe('acknowledgeDataLoss');
  });

  it('treats fullwidth lookalikes as the same email, and refuses emails with hidden characters', async () => {
    await registered(a.app, 'dora@example.org');
    const c = client(a.app);
    const lookalike = await c.json('POST', '/api/v1/auth/register', {
      email: 'ＤＯＲＡ@ＥＸＡＭＰＬＥ.org',
      password: PASSWORD,
      acknowledgeDataLoss: true,
    });
    expect(lookalike.status).toBe(400);
    expect(lookalike.body.type).toMatch(/registration-refused/);
    const login = await c.json('POST', '/api/v1/auth/login', {
      email: 'ＤＯＲＡ@Example.ORG',
      password: PASSWORD,
    });
    expect(login.status).toBe(200);
    expect(login.body.user.email).toBe('dora@example.org');
    for (const email of ['dora\u0000@example.org', 'dora\u202E@example.org', 'do\u200Dra@example.org']) {
      const hidden = await c.json('POST', '/api/v1/auth/register', {
        email,
        password: PASSWORD,
        acknowledgeDataLoss: true,
      });
      expect(hidden.status, JSON.stringify(email)).toBe(400);
      expect(hidden.body.errors[0]).toMatchObject({ path: 'email' });
      expect(hidden.body.detail).toMatch(/control or direction characters/);
    }
  });

  it('stops adding records at the most an import accepts, so the export always imports again', async () => {
    const c = await registered(a.app, 'traveller@example.org');
    const snapshot = emptySnapshot(
      PROFILE as Parameters<typeof emptySnapshot>[0],
      '2026-02-01T00:00:00.000Z',
    );
    snapshot.timeZoneChanges = Array.from({ length: 1000 }, (_, i) => ({
      id: `tz${i}`,
      at: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
      who: 'user' as const,
      timeZone: i % 2 ? 'Europe/Paris' : 'Europe/London',
    }));
    expect((await c.json('POST', '/api/v1/import', snapshot)).status).toBe(200);
    const more = await c.json('POST', '/api/v1/time-zone-changes', {
      data: { at: '2026-02-20T10:00:00Z', who: 'user', timeZone: 'Asia/Tokyo' },
    });
    expect(more.status).toBe(409);
    expect(more.body.detail).toMatch(/1,000/);
    const exported = await c.request('GET', '/api/v1/export');
    expect(exported.status).toBe(200);
    const again = await c.json('POST', '/api/v1/import', await exported.text());
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.imported.timeZoneChanges).toBe(1000);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    await registered(a.app, 'carla@example.org');
    const c = client(a.app);
    const wrong = await c.json('POST', '/api/v1/auth/login', {
      email: 'carla@example.org',
      password: 'not the password at all',
    });
    const unknown = await c.json('POST', '/api/v1/auth/login', {
      email: 'nobody@example.org',
      password: 'not the password at all',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('creates, lists newest first with a cursor, reads, updates with versions and deletes check-ins', async () => {
    const c = await registered(a.app, 'dina@example.org');
    const ids: string[] = [];
    for (const day of ['2026-02-01', '2026-02-03', '2026-02-02']) {
      const r = await c.json('POST', '/api/v1/check-ins', {
        data: { on: day, mood: 5, urge: 4, sleepHours: 7, note: `note ${day}` },
      });
      expect(r.status).toBe(201);
      expect(r.body.version).toBe(1);
      expect(r.body.data).toEqual({ on: day, mood: 5, urge: 4, sleepHours: 7, note: `note ${day}` });
      ids.push(r.body.id);
    }
    const first = await c.json('GET', '/api/v1/check-ins?limit=2');
    expect(first.body.items.map((i: { data: { on: string } }) => i.data.on)).toEqual([
      '2026-02-03',
      '2026-02-02',
    ]);
    const second = await c.json(
      'GET',
      `/api/v1/check-ins?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(second.body.items.map((i: { data: { on: string } }) => i.data.on)).toEqual(['2026-02-01']);
    expect(second.body.nextCursor).toBeNull();

    const one = await c.json('GET', `/api/v1/check-ins/${ids[0]}`);
    const updated = await c.json('PUT', `/api/v1/check-ins/${ids[0]}`, {
      version: 1,
      data: { ...one.body.data, mood: 8 },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.version).toBe(2);
    // A second tab still holding version 1 loses: 409, and nothing is overwritten.
    const stale = await c.json('PUT', `/api/v1/check-ins/${ids[0]}`, {
      version: 1,
      data: { ...one.body.data, mood: 1 },
    });
    expect(stale.status).toBe(409);
    expect((await c.json('GET', `/api/v1/check-ins/${ids[0]}`)).body.data.mood).toBe(8);

    expect((await c.json('DELETE', `/api/v1/check-ins/${ids[0]}?version=1`)).status).toBe(409);
    expect((await c.json('DELETE', `/api/v1/check-ins/${ids[0]}?version=2`)).status).toBe(204);
    expect((await c.json('GET', `/api/v1/check-ins/${ids[0]}`)).status).toBe(404);
  });

  it('refuses a second check-in for the same day, and overlapping no-contact periods', async () => {
    const c = await registered(a.app, 'eva@example.org');
    expect(
      (
        await c.json('POST', '/api/v1/check-ins', {
          data: { on: '2026-02-01', mood: 5, urge: 4, sleepHours: null },
        })
      ).status,
    ).toBe(201);
    const again = await c.json('POST', '/api/v1/check-ins', {
      data: { on: '2026-02-01', mood: 6, urge: 4, sleepHours: null },
    });
    expect(again.status).toBe(409);
    expect(again.body.errors[0].path).toBe('data.on');

    const p1 = await c.json('POST', '/api/v1/no-contact-periods', {
      data: { startedOn: '2026-01-16', goalDays: 30, endedOn: null, endReason: null },
    });
    expect(p1.status).toBe(201);
    const p2 = await c.json('POST', '/api/v1/no-contact-periods', {
      data: { startedOn: '2026-02-01', goalDays: 30, endedOn: null, endReason: null },
    });
    expect(p2.status).toBe(409);
    const brk = await c.json('POST', '/api/v1/contact-breaks', {
      data: { periodId: 'nope', at: '2026-02-01T10:00:00Z', initiatedBy: 'user', channel: 'text' },
    });
    expect(brk.status).toBe(400);
    expect(brk.body.errors[0].path).toBe('data.periodId');
  });

  it('keeps singletons with versions: create with 0, replace with the current version', async () => {
    const c = await registered(a.app, 'fay@example.org');
    expect((await c.json('GET', '/api/v1/profile')).body).toEqual({ version: 0, data: null });
    const created = await c.json('PUT', '/api/v1/profile', { version: 0, data: PROFILE });
    expect(created.status).toBe(201);
    expect(created.body.version).toBe(1);
    expect((await c.json('PUT', '/api/v1/profile', { version: 0, data: PROFILE })).status).toBe(409);
    const replaced = await c.json('PUT', '/api/v1/profile', {
      version: 1,
      data: { ...PROFILE, monthsTogether: 31 },
    });
    expect(replaced.body.data.monthsTogether).toBe(31);
  });

  it('keeps safety history append-only: no update, no delete', async () => {
    const c = await registered(a.app, 'gia@example.org');
    const no = { byEx: 'no', byUser: 'no' };
    const r = await c.json('POST', '/api/v1/safety-screenings', {
      data: {
        answeredAt: '2026-02-01T10:00:00Z',
        violence: no,
        threats: no,
        coerciveControl: no,
        stalking: no,
        exAskedNoContact: 'no',
        exBlockedUser: 'no',
        courtOrder: 'yes',
      },
    });
    expect(r.status).toBe(201);
    expect([404, 405]).toContain((await c.json('DELETE', `/api/v1/safety-screenings/${r.body.id}`)).status);
    expect((await c.json('GET', `/api/v1/safety-screenings/${r.body.id}`)).status).toBe(200);
  });

  it('logs out, and the old cookie no longer works', async () => {
    const c = await registered(a.app, 'hana@example.org');
    const old = c.cookies.get('olive_session')!;
    expect((await c.json('POST', '/api/v1/auth/logout')).status).toBe(204);
    const res = await a.app.request('/api/v1/auth/session', { headers: { cookie: `olive_session=${old}` } });
    expect(res.status).toBe(401);
  });
});
