/**
 * The promises the API makes about who can see what: every route needs a session, no
 * account can reach another's records (guessed ids included), state changes need the CSRF
 * token, logins are throttled, sessions expire and can be revoked everywhere, a lock cannot
 * be bypassed through the API, and deleting an account leaves no row behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JourneySnapshot } from '../src/method/schema.js';
import { RESOURCES } from '../src/server/resources.js';
import { COLLECTION_NAMES, type CollectionName } from '../src/store/resources.js';
import { markedSnapshot, TEST_DATABASES, type TestStore } from '../src/store/testing.js';
import {
  type Client,
  client,
  PASSWORD,
  PROFILE,
  registered,
  type TestApp,
  testApp,
} from './server-helpers.js';

const MARKER = 'SECRETMARK';
const pathOf = (name: string) => RESOURCES.find((r) => r.name === name)!.path;

/** One record per collection, created through the API; returns the ids by collection. */
async function fillEveryCollection(c: Client): Promise<Record<CollectionName, string>> {
  const snapshot = markedSnapshot(MARKER) as JourneySnapshot & Record<string, unknown>;
  const put = await c.json('PUT', '/api/v1/profile', { version: 0, data: snapshot.profile });
  expect(put.status, JSON.stringify(put.body)).toBe(201);
  const ids = {} as Record<CollectionName, string>;
  // periods first: a break refers to one
  const order = [...COLLECTION_NAMES].sort(
    (a, b) => Number(b === 'noContactPeriods') - Number(a === 'noContactPeriods'),
  );
  for (const name of order) {
    const [first] = snapshot[name] as ({ id: string } & Record<string, unknown>)[];
    const { id: _id, ...data } = first!;
    if (name === 'contactBreaks') data.periodId = ids.noContactPeriods;
    // A re-opening needs a stop and the ex's own message first (issue 13): a stop stands in.
    if (name === 'exRequests') data.kind = 'stop-contact';
    const res = await c.json('POST', `/api/v1/${pathOf(name)}`, { data });
    expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(201);
    ids[name] = res.body.id;
  }
  return ids;
}

describe.each(TEST_DATABASES)('API access control on $name', (database) => {
  let t: TestStore;
  let a: TestApp;
  let ana: Client;
  let ben: Client;
  let anaIds: Record<CollectionName, string>;

  beforeAll(async () => {
    t = await database.open();
    a = testApp(t);
    ana = await registered(a.app, 'ana@example.org');
    ben = await registered(a.app, 'ben@example.org');
    anaIds = await fillEveryCollection(ana);
  });
  afterAll(() => t.dispose());

  it('answers 401 problem+json on every private route without a session', async () => {
    const anonymous = client(a.app);
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/v1/auth/session'],
      ['POST', '/api/v1/auth/logout-everywhere'],
      ['POST', '/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: `${PASSWORD}!` }],
      ['POST', '/api/v1/auth/check-password', { password: PASSWORD }],
      ['DELETE', '/api/v1/account', { password: PASSWORD, confirm: 'delete my account' }],
      ['GET', '/api/v1/plan'],
      ['GET', '/api/v1/timing'],
      ['POST', '/api/v1/coach/analyze', { text: 'hello' }],
      ['POST', '/api/v1/coach/sent', { channel: 'text' }],
      ['GET', '/api/v1/export'],
      ['POST', '/api/v1/import', {}],
    ];
    for (const resource of RESOURCES) {
      const base = `/api/v1/${resource.path}`;
      routes.push(['GET', base]);
      if (resource.kind === 'singleton') {
        routes.push(['PUT', base, { version: 0, data: {} }], ['DELETE', base]);
      } else {
        const id = anaIds[resource.name as CollectionName];
        routes.push(
          ['POST', base, { data: {} }],
          ['GET', `${base}/${id}`],
          ['PUT', `${base}/${id}`, { version: 1, data: {} }],
          ['DELETE', `${base}/${id}`],
        );
      }
    }
    for (const [method, path, body] of routes) {
      const res = await anonymous.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.headers.get('content-type'), `${method} ${path}`).toMatch(/application\/problem\+json/);
      expect(await res.text()).not.toContain(MARKER);
      // errors carry the same protections as answers
      expect(res.headers.get('content-security-policy'), `${method} ${path}`).toContain(
        "frame-ancestors 'none'",
      );
      expect(res.headers.get('cache-control'), `${method} ${path}`).toBe('no-store');
    }
  });

  it("never lets one account read, list, change or delete another's records, guessed ids included", async () => {
    for (const name of COLLECTION_NAMES) {
      const base = `/api/v1/${pathOf(name)}`;
      const id = anaIds[name];
      const read = await ben.request('GET', `${base}/${id}`);
      expect(read.status, `GET ${name}`).toBe(404);
      const list = await ben.json('GET', base);
      expect(list.status).toBe(200);
      expect(
        list.body.items.map((r: { id: string }) => r.id),
        name,
      ).not.toContain(id);
      const update = await ben.request('PUT', `${base}/${id}`, { version: 1, data: {} });
      expect([400, 404, 405], `PUT ${name}`).toContain(update.status);
      const remove = await ben.request('DELETE', `${base}/${id}`);
      expect([404, 405], `DELETE ${name}`).toContain(remove.status);
      // and Ana still has it, unchanged
      const still = await ana.json('GET', `${base}/${id}`);
      expect(still.status, name).toBe(200);
      expect(still.body.version, name).toBe(1);
    }
    // singletons are per account: Ben sees his own (empty) profile, never Ana's
    const profile = await ben.json('GET', '/api/v1/profile');
    expect(profile.body).toEqual({ version: 0, data: null });
    // nor can anything of Ana's leak through export, plan or the coach
    for (const path of ['/api/v1/export', '/api/v1/plan']) {
      const res = await ben.request('GET', path);
      expect(await res.text(), path).not.toContain(MARKER);
    }
  });

  it('refuses state-changing requests without the CSRF token, and with a wrong one', async () => {
    const noHeader = client(a.app, { csrf: false });
    noHeader.cookies.clear();
    for (const [k, v] of ana.cookies) noHeader.cookies.set(k, v);
    const res = await noHeader.json('POST', '/api/v1/check-ins', {
      data: { on: '2026-02-20', mood: 5, urge: 5, sleepHours: 7 },
    });
    expect(res.status).toBe(403);
    expect(res.res.headers.get('content-type')).toMatch(/problem\+json/);
    const wrong = await ana.request(
      'POST',
      '/api/v1/check-ins',
      { data: { on: '2026-02-20', mood: 5, urge: 5, sleepHours: 7 } },
      { 'x-csrf-token': 'not-the-token' },
    );
    expect(wrong.status).toBe(403);
    // nothing was written
    const list = await ana.json('GET', '/api/v1/check-ins');
    expect(list.body.items.some((r: { data: { on: string } }) => r.data.on === '2026-02-20')).toBe(false);
  });

  it('answers bad input with a problem naming the field, never a stack trace, and loses nothing', async () => {
    const malformed = await ana.request('POST', '/api/v1/check-ins', '{"data": {', {});
    expect(malformed.status).toBe(400);
    const malformedBody = await malformed.json();
    expect(malformedBody.detail).toBeTruthy();
    expect(JSON.stringify(malformedBody)).not.toMatch(/at .*\.ts:\d+/);

    const unknown = await ana.json('POST', '/api/v1/check-ins', {
      data: { on: '2026-02-21', mood: 5, urge: 5, sleepHours: 7, sneaky: true },
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body.errors)).toContain('sneaky');

    const outOfRange = await ana.json('POST', '/api/v1/check-ins', {
      data: { on: '2026-02-21', mood: 11, urge: 5, sleepHours: 7 },
    });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.errors[0].path).toBe('data.mood');

    const huge = await ana.request('POST', '/api/v1/check-ins', {
      data: { on: '2026-02-21', mood: 5, urge: 5, sleepHours: 7, note: 'x'.repeat(300_000) },
    });
    expect(huge.status).toBe(413);

    const oddUnicode = await ana.json('POST', '/api/v1/check-ins', {
      data: { on: '2026-02-22', mood: 5, urge: 5, sleepHours: 7, note: 'a\u0000b\uD800c\u202Ed\u200B 💔' },
    });
    expect([201, 400]).toContain(oddUnicode.status);
    const stillThere = await ana.json('GET', `/api/v1/check-ins/${anaIds.checkIns}`);
    expect(stillThere.status).toBe(200);
  });

  it('refuses wrong types, impossible dates and deep nesting; stores SQL-looking text literally', async () => {
    const base = '/api/v1/check-ins';
    const before = (await ana.json('GET', base)).body.items.length;
    const bad: [string, unknown][] = [
      ['wrong type', { data: { on: '2026-03-01', mood: 'five', urge: 5, sleepHours: 7 } }],
      ['impossible date', { data: { on: '2026-02-30', mood: 5, urge: 5, sleepHours: 7 } }],
      ['not a date', { data: { on: "2026-03-01' OR 1=1 --", mood: 5, urge: 5, sleepHours: 7 } }],
      ['array body', [1, 2, 3]],
      ['deep nesting', JSON.parse(`${'{"data":'.repeat(2000)}1${'}'.repeat(2000)}`)],
    ];
    for (const [what, body] of bad) {
      const res = await ana.json('POST', base, body);
      expect(res.status, what).toBeGreaterThanOrEqual(400);
      expect(res.status, what).toBeLessThan(500);
      expect(res.res.headers.get('content-type'), what).toMatch(/problem\+json/);
    }
    expect((await ana.json('GET', base)).body.items.length).toBe(before);

    const sqlish = "Robert'); DROP TABLE records; -- 💔";
    const created = await ana.json('POST', base, {
      data: { on: '2026-03-02', mood: 5, urge: 5, sleepHours: 7, note: sqlish },
    });
    expect(created.status).toBe(201);
    const read = await ana.json('GET', `${base}/${created.body.id}`);
    expect(read.body.data.note).toBe(sqlish);
    expect((await ana.json('GET', base)).body.items.length).toBe(before + 1);
  });

  it('answers 409 when an update was based on an old version (no lost update)', async () => {
    const base = '/api/v1/check-ins';
    const created = await ana.json('POST', base, {
      data: { on: '2026-02-23', mood: 4, urge: 6, sleepHours: 6 },
    });
    expect(created.status).toBe(201);
    const first = await ana.json('PUT', `${base}/${created.body.id}`, {
      version: 1,
      data: { on: '2026-02-23', mood: 6, urge: 6, sleepHours: 6 },
    });
    expect(first.status).toBe(200);
    const stale = await ana.json('PUT', `${base}/${created.body.id}`, {
      version: 1,
      data: { on: '2026-02-23', mood: 2, urge: 6, sleepHours: 6 },
    });
    expect(stale.status).toBe(409);
    const now = await ana.json('GET', `${base}/${created.body.id}`);
    expect(now.body.data.mood).toBe(6);
  });
});

describe.each(TEST_DATABASES)('sessions and accounts on $name', (database) => {
  let t: TestStore;
  let a: TestApp;
  beforeAll(async () => {
    t = await database.open();
    a = testApp(t);
  });
  afterAll(() => t.dispose());

  const login = async (email: string, password = PASSWORD) => {
    const c = client(a.app);
    const res = await c.request('POST', '/api/v1/auth/login', { email, password });
    return { c, res };
  };

  it('throttles repeated failed logins with growing delays, then lets the owner back in', async () => {
    await registered(a.app, 'throttle@example.org');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push((await login('throttle@example.org', 'wrong password 123')).res.status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses).toContain(429);
    const blocked = await login('throttle@example.org');
    expect(blocked.res.status).toBe(429);
    expect(Number(blocked.res.headers.get('retry-after'))).toBeGreaterThan(0);
    a.clock.now = new Date(a.clock.now.getTime() + 20 * 60_000);
    expect((await login('throttle@example.org')).res.status).toBe(200);
  });

  it('ends a session after a week without use', async () => {
    const c = await registered(a.app, 'idle@example.org');
    expect((await c.request('GET', '/api/v1/auth/session')).status).toBe(200);
    a.clock.now = new Date(a.clock.now.getTime() + 8 * 24 * 3_600_000);
    expect((await c.request('GET', '/api/v1/auth/session')).status).toBe(401);
    expect((await login('idle@example.org')).res.status).toBe(200);
  });

  it('logs out everywhere: every other session stops working too', async () => {
    const phone = await registered(a.app, 'everywhere@example.org');
    const { c: laptop } = await login('everywhere@example.org');
    expect((await laptop.request('GET', '/api/v1/auth/session')).status).toBe(200);
    expect((await phone.request('POST', '/api/v1/auth/logout-everywhere')).status).toBe(204);
    expect((await laptop.request('GET', '/api/v1/auth/session')).status).toBe(401);
    expect((await phone.request('GET', '/api/v1/auth/session')).status).toBe(401);
  });

  it('changes the password: data still readable, old password refused, other sessions ended', async () => {
    const main = await registered(a.app, 'change@example.org');
    const { c: other } = await login('change@example.org');
    await main.json('PUT', '/api/v1/profile', { version: 0, data: { ...PROFILE, exName: 'Sam Private' } });
    const newPassword = 'a new and longer passphrase';
    const changed = await main.request('POST', '/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword,
    });
    expect(changed.status).toBe(204);
    expect((await other.request('GET', '/api/v1/auth/session')).status).toBe(401);
    expect((await login('change@example.org')).res.status).toBe(401);
    const fresh = await login('change@example.org', newPassword);
    expect(fresh.res.status).toBe(200);
    const profile = await fresh.c.json('GET', '/api/v1/profile');
    expect(profile.body.data.exName).toBe('Sam Private');
  });

  it('deletes an account with every row it owned, after the typed confirmation and password', async () => {
    const c = await registered(a.app, 'leaving@example.org');
    await fillEveryCollection(c);
    const session = await c.json('GET', '/api/v1/auth/session');
    const userId: string = session.body.user.id;
    const notConfirmed = await c.json('DELETE', '/api/v1/account', { password: PASSWORD, confirm: 'yes' });
    expect(notConfirmed.status).toBe(400);
    const wrongPassword = await c.json('DELETE', '/api/v1/account', {
      password: 'not my password at all',
      confirm: 'delete my account',
    });
    expect(wrongPassword.status).toBe(400);
    const before = await t.rawQuery(`select count(*) as n from entries where user_id = '${userId}'`);
    expect(Number(before[0]!.n)).toBeGreaterThanOrEqual(COLLECTION_NAMES.length);

    const gone = await c.request('DELETE', '/api/v1/account', {
      password: PASSWORD,
      confirm: 'delete my account',
    });
    expect(gone.status).toBe(204);
    for (const table of ['users', 'sessions', 'entries', 'records', 'singletons']) {
      const column = table === 'users' ? 'id' : 'user_id';
      const rows = await t.rawQuery(`select count(*) as n from ${table} where ${column} = '${userId}'`);
      expect(Number(rows[0]!.n), table).toBe(0);
    }
    expect((await c.request('GET', '/api/v1/auth/session')).status).toBe(401);
    expect((await login('leaving@example.org')).res.status).toBe(401);
  });
});

describe.each(TEST_DATABASES)('locks hold through the API on $name', (database) => {
  let t: TestStore;
  let a: TestApp;
  beforeAll(async () => {
    t = await database.open();
    a = testApp(t);
  });
  afterAll(() => t.dispose());

  it('stops drafts and refuses "I sent it" after a stop request, until the ex re-opens contact', async () => {
    const c = await registered(a.app, 'lock@example.org');
    expect((await c.json('PUT', '/api/v1/profile', { version: 0, data: PROFILE })).status).toBe(201);
    const draft = { text: 'Hi, I hope your week is going well.', channel: 'text' };
    const open = await c.json('POST', '/api/v1/coach/analyze', draft);
    expect(open.status).toBe(200);
    expect(open.body.report.verdict).not.toBe('stop');

    const stop = await c.json('POST', '/api/v1/ex-requests', {
      data: { at: '2026-02-20T12:00:00Z', kind: 'stop-contact', channel: 'text' },
    });
    expect(stop.status).toBe(201);
    const locked = await c.json('POST', '/api/v1/coach/analyze', draft);
    expect(locked.body.report.verdict).toBe('stop');
    expect(locked.body.report.findings.some((f: { category: string }) => f.category === 'locked')).toBe(true);
    // the client cannot talk the server out of it
    const claimOpen = await c.json('POST', '/api/v1/coach/analyze', {
      ...draft,
      context: { outreachLocked: false },
    });
    expect([400, 200]).toContain(claimOpen.status);
    if (claimOpen.status === 200) expect(claimOpen.body.report.verdict).toBe('stop');
    const sent = await c.json('POST', '/api/v1/coach/sent', { channel: 'text' });
    expect(sent.status).toBe(423);
    expect(sent.body.detail).toMatch(/\S/);
    const events = await c.json('GET', '/api/v1/contact-events');
    expect(events.body.items).toHaveLength(0);
    // a stop request cannot be deleted away
    const remove = await c.request('DELETE', `/api/v1/ex-requests/${stop.body.id}`);
    expect(remove.status).not.toBe(204);

    // The person alone cannot re-open; the ex writing first can.
    const alone = await c.json('POST', '/api/v1/ex-requests', {
      data: { at: '2026-02-25T12:00:00Z', kind: 'reopen-contact', channel: 'text' },
    });
    expect(alone.status).toBe(409);
    const exWrote = await c.json('POST', '/api/v1/contact-events', {
      data: {
        at: '2026-02-25T11:00:00Z',
        channel: 'text',
        direction: 'ex-to-user',
        initiatedBy: 'ex',
        answered: false,
        answeredAt: null,
        tone: 'warm',
      },
    });
    expect(exWrote.status).toBe(201);
    const reopen = await c.json('POST', '/api/v1/ex-requests', {
      data: { at: '2026-02-25T12:00:00Z', kind: 'reopen-contact', channel: 'text' },
    });
    expect(reopen.status).toBe(201);
    const after = await c.json('POST', '/api/v1/coach/sent', { channel: 'text' });
    expect(after.status).toBe(201);
  });
});
