/**
 * Locks only the ex can lift (issue 13), through the API as the person would use it:
 * writes, imports, settings and deletes never lift a lock that the ex's request, a block, a
 * court order or harm put in place; a re-opening counts only when it rests on a message the
 * ex started after their request; dates that cannot be true are refused with the field named.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, type TestStore } from '../src/store/testing.js';
import { type Client, PROFILE, registered, type TestApp, testApp } from './server-helpers.js';

const NO = { byEx: 'no', byUser: 'no' } as const;
const ALL_NO = {
  violence: NO,
  threats: NO,
  coerciveControl: NO,
  stalking: NO,
  exAskedNoContact: 'no',
  exBlockedUser: 'no',
  courtOrder: 'no',
};

/** The app's clock is 2026-03-01T12:00Z; the lock is put in place on 10 February. */
const LOCKED_AT = '2026-02-10T12:00:00Z';
const hoursFrom = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

type LockKind = 'violence' | 'threats' | 'blocked' | 'court' | 'asked' | 'stop-request';
const LOCK_REASON: Record<LockKind, string> = {
  violence: 'abuse',
  threats: 'threats',
  blocked: 'blocked',
  court: 'court_order',
  asked: 'no_contact_request',
  'stop-request': 'no_contact_request',
};
const fromTheEx = (kind: LockKind) => kind === 'asked' || kind === 'stop-request';

async function putLock(c: Client, kind: LockKind): Promise<void> {
  const answers: Record<string, unknown> = { ...ALL_NO };
  if (kind === 'violence') answers.violence = { byEx: 'yes', byUser: 'no' };
  if (kind === 'threats') answers.threats = { byEx: 'no', byUser: 'yes' };
  if (kind === 'blocked') answers.exBlockedUser = 'yes';
  if (kind === 'court') answers.courtOrder = 'yes';
  if (kind === 'asked') answers.exAskedNoContact = 'yes';
  const screening = await c.json('POST', '/api/v1/safety-screenings', {
    data: { answeredAt: LOCKED_AT, ...answers },
  });
  expect(screening.status).toBe(201);
  if (kind === 'stop-request') {
    const stop = await c.json('POST', '/api/v1/ex-requests', {
      data: { at: LOCKED_AT, kind: 'stop-contact' },
    });
    expect(stop.status).toBe(201);
  }
}

async function journey(a: TestApp, email: string, kind: LockKind): Promise<Client> {
  const c = await registered(a.app, email);
  expect((await c.json('PUT', '/api/v1/profile', { version: 0, data: PROFILE })).status).toBe(201);
  await c.json('POST', '/api/v1/no-contact-periods', {
    data: { startedOn: '2026-01-20', goalDays: 30, endedOn: null, endReason: null },
  });
  await c.json('POST', '/api/v1/check-ins', { data: { on: '2026-02-20', mood: 5, urge: 4, sleepHours: 7 } });
  await putLock(c, kind);
  return c;
}

async function lockHolds(c: Client, kind: LockKind): Promise<void> {
  const p = await c.json('GET', '/api/v1/plan');
  expect(p.status).toBe(200);
  expect(p.body.outreachLocked).toBe(true);
  expect(
    p.body.locks.some(
      (l: { reason: string; duration: string }) =>
        l.reason === LOCK_REASON[kind] && (l.duration === 'permanent' || l.duration === 'until-ex-reopens'),
    ),
  ).toBe(true);
}

/** What the person might try, as plain data so a failing case prints readably. */
const attempt = fc.oneof(
  fc.record({ op: fc.constant('screen-again' as const), unsure: fc.boolean() }),
  fc.record({ op: fc.constant('reopen' as const), hoursAfterLock: fc.integer({ min: -48, max: 400 }) }),
  fc.record({
    op: fc.constant('log-contact' as const),
    hoursAfterLock: fc.integer({ min: -200, max: 400 }),
    from: fc.constantFrom('user' as const, 'ex' as const),
  }),
  fc.record({ op: fc.constant('edit-contacts' as const) }),
  fc.record({
    op: fc.constant('delete' as const),
    what: fc.constantFrom('safety-screenings', 'ex-requests', 'contact-events', 'check-ins'),
  }),
  fc.record({
    op: fc.constant('settings' as const),
    maxUnansweredInARow: fc.integer({ min: 1, max: 9 }),
    noContactGoalDays: fc.integer({ min: 1, max: 400 }),
  }),
  fc.record({
    op: fc.constant('import' as const),
    how: fc.constantFrom('answers-to-no', 'drop-history', 'stop-to-reopen', 'future-dates', 'fake-reopen'),
  }),
  fc.record({ op: fc.constant('rewrite-screening' as const) }),
);
type Attempt = typeof attempt extends fc.Arbitrary<infer T> ? T : never;

async function attemptIt(c: Client, kind: LockKind, a: Attempt): Promise<void> {
  switch (a.op) {
    case 'screen-again': {
      const answers = a.unsure
        ? { ...ALL_NO, exAskedNoContact: 'unsure', violence: { byEx: 'unsure', byUser: 'no' } }
        : ALL_NO;
      await c.json('POST', '/api/v1/safety-screenings', {
        data: { answeredAt: '2026-03-01T11:00:00Z', ...answers },
      });
      return;
    }
    case 'reopen':
      await c.json('POST', '/api/v1/ex-requests', {
        data: { at: hoursFrom(LOCKED_AT, a.hoursAfterLock), kind: 'reopen-contact' },
      });
      return;
    case 'log-contact': {
      // A message the ex started after their own request is the ex's act, not the person's.
      const afterRequest = a.hoursAfterLock > 0;
      const from = a.from === 'ex' && fromTheEx(kind) && afterRequest ? 'user' : a.from;
      await c.json('POST', '/api/v1/contact-events', {
        data: {
          at: hoursFrom(LOCKED_AT, a.hoursAfterLock),
          channel: 'text',
          direction: from === 'user' ? 'user-to-ex' : 'ex-to-user',
          initiatedBy: from,
          answered: false,
          answeredAt: null,
          tone: 'warm',
        },
      });
      return;
    }
    case 'edit-contacts': {
      const list = await c.json('GET', '/api/v1/contact-events');
      for (const item of list.body.items) {
        const before = Date.parse(item.data.at) < Date.parse(LOCKED_AT);
        if (fromTheEx(kind) && !before) continue;
        await c.json('PUT', `/api/v1/contact-events/${item.id}`, {
          version: item.version,
          data: { ...item.data, direction: 'ex-to-user', initiatedBy: 'ex' },
        });
      }
      return;
    }
    case 'delete': {
      const list = await c.json('GET', `/api/v1/${a.what}`);
      for (const item of list.body.items) await c.json('DELETE', `/api/v1/${a.what}/${item.id}`);
      return;
    }
    case 'settings': {
      const current = await c.json('GET', '/api/v1/settings');
      await c.json('PUT', '/api/v1/settings', {
        version: current.body.version,
        data: { maxUnansweredInARow: a.maxUnansweredInARow, noContactGoalDays: a.noContactGoalDays },
      });
      return;
    }
    case 'rewrite-screening': {
      const list = await c.json('GET', '/api/v1/safety-screenings');
      for (const item of list.body.items) {
        await c.json('PUT', `/api/v1/safety-screenings/${item.id}`, { version: item.version, data: ALL_NO });
      }
      return;
    }
    case 'import': {
      const exported = (await c.json('GET', '/api/v1/export')).body;
      const file = structuredClone(exported);
      if (a.how === 'answers-to-no') {
        file.safetyScreenings = file.safetyScreenings.map((s: { id: string; answeredAt: string }) => ({
          id: s.id,
          answeredAt: s.answeredAt,
          ...ALL_NO,
        }));
      } else if (a.how === 'drop-history') {
        file.safetyScreenings = [];
        file.exRequests = [];
      } else if (a.how === 'stop-to-reopen') {
        for (const r of file.exRequests) r.kind = 'reopen-contact';
        for (const s of file.safetyScreenings) s.exAskedNoContact = 'no';
      } else if (a.how === 'future-dates') {
        for (const s of file.safetyScreenings) s.answeredAt = '2036-01-01T00:00:00Z';
      } else {
        // A re-opening resting on a made-up message "from the ex" after the request.
        file.contactEvents.push({
          id: 'made-up',
          at: hoursFrom(LOCKED_AT, 24),
          channel: 'text',
          direction: 'ex-to-user',
          initiatedBy: 'ex',
          answered: false,
          answeredAt: null,
          tone: 'warm',
        });
        file.exRequests.push({ id: 'made-up-reopen', at: hoursFrom(LOCKED_AT, 25), kind: 'reopen-contact' });
      }
      await c.json('POST', '/api/v1/import', file);
      return;
    }
  }
}

describe.each(TEST_DATABASES.filter((d) => d.name === 'sqlite'))(
  'locks only the ex can lift, on $name',
  (database) => {
    let t: TestStore;
    let a: TestApp;
    let n = 0;
    beforeAll(async () => {
      t = await database.open();
      a = testApp(t);
    });
    afterAll(() => t.dispose());

    it('no sequence of writes, imports, settings changes or deletes by the person lifts one', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom<LockKind>('violence', 'threats', 'blocked', 'court', 'asked', 'stop-request'),
          fc.array(attempt, { minLength: 1, maxLength: 6 }),
          async (kind, attempts) => {
            const c = await journey(a, `p${++n}@example.org`, kind);
            for (const step of attempts) {
              await attemptIt(c, kind, step);
              await lockHolds(c, kind);
            }
            // "I sent it" stays refused whatever was tried.
            expect((await c.json('POST', '/api/v1/coach/sent', { channel: 'text' })).status).toBe(423);
          },
        ),
        { numRuns: 30 },
      );
    });

    it('keeps every stored screening as it was when an edited export is imported', async () => {
      const c = await journey(a, 'import-history@example.org', 'violence');
      const file = (await c.json('GET', '/api/v1/export')).body;
      file.safetyScreenings[0].violence = NO;
      const res = await c.json('POST', '/api/v1/import', file);
      expect(res.status).toBe(200);
      const stored = (await c.json('GET', '/api/v1/safety-screenings')).body.items;
      expect(stored).toHaveLength(2);
      expect(
        stored.some((s: { data: { violence: { byEx: string } } }) => s.data.violence.byEx === 'yes'),
      ).toBe(true);
      await lockHolds(c, 'violence');
    });

    it('refuses an import that would lift the lock, and keeps everything as it was', async () => {
      const c = await journey(a, 'import-refused@example.org', 'stop-request');
      const file = (await c.json('GET', '/api/v1/export')).body;
      file.contactEvents.push({
        id: 'ex-wrote',
        at: hoursFrom(LOCKED_AT, 24),
        channel: 'text',
        direction: 'ex-to-user',
        initiatedBy: 'ex',
        answered: false,
        answeredAt: null,
        tone: 'warm',
      });
      file.exRequests.push({ id: 'reopen', at: hoursFrom(LOCKED_AT, 25), kind: 'reopen-contact' });
      file.checkIns = [];
      const res = await c.json('POST', '/api/v1/import', file);
      expect(res.status).toBe(409);
      expect(res.body.detail).toMatch(/would lift a safety lock/);
      expect((await c.json('GET', '/api/v1/check-ins')).body.items).toHaveLength(1);
    });

    it('lets the ex re-open contact: their message first, then the re-opening', async () => {
      const c = await journey(a, 'reopen@example.org', 'stop-request');
      const early = await c.json('POST', '/api/v1/ex-requests', {
        data: { at: '2026-02-20T12:00:00Z', kind: 'reopen-contact' },
      });
      expect(early.status).toBe(409);
      expect(early.body.detail).toMatch(/Only your ex can re-open contact/);
      await lockHolds(c, 'stop-request');
      const message = await c.json('POST', '/api/v1/contact-events', {
        data: {
          at: '2026-02-25T18:00:00Z',
          channel: 'text',
          direction: 'ex-to-user',
          initiatedBy: 'ex',
          answered: false,
          answeredAt: null,
          tone: 'warm',
        },
      });
      expect(message.status).toBe(201);
      const reopen = await c.json('POST', '/api/v1/ex-requests', {
        data: { at: '2026-02-25T18:30:00Z', kind: 'reopen-contact' },
      });
      expect(reopen.status).toBe(201);
      expect((await c.json('GET', '/api/v1/plan')).body.outreachLocked).toBe(false);
      // Deleting the ex's message after the fact takes the ground away: locked again.
      expect((await c.json('DELETE', `/api/v1/contact-events/${message.body.id}`)).status).toBe(204);
      await lockHolds(c, 'stop-request');
    });

    it('refuses dates that cannot be true, naming the field', async () => {
      const c = await journey(a, 'dates@example.org', 'court');
      const future = await c.json('POST', '/api/v1/safety-screenings', {
        data: { answeredAt: '2036-01-01T00:00:00Z', ...ALL_NO },
      });
      expect(future.status).toBe(400);
      expect(future.body.errors[0]).toMatchObject({ path: 'data.answeredAt' });
      expect(future.body.errors[0].message).toMatch(/in the future/);
      const far = await c.json('POST', '/api/v1/ex-requests', {
        data: { at: '9999-01-01T00:00:00Z', kind: 'stop-contact' },
      });
      expect(far.status).toBe(400);
      const checkIn = await c.json('POST', '/api/v1/check-ins', {
        data: { on: '2099-01-01', mood: 5, urge: 4, sleepHours: 7 },
      });
      expect(checkIn.status).toBe(400);
      expect(checkIn.body.errors[0].message).toMatch(/2099-01-01 has not happened yet/);
      const period = await c.json('POST', '/api/v1/no-contact-periods', {
        data: { startedOn: '2026-04-01', goalDays: 30, endedOn: null, endReason: null },
      });
      expect(period.status).toBe(400);
      const beforeBreakup = await c.json('POST', '/api/v1/no-contact-periods', {
        data: { startedOn: '2025-12-01', goalDays: 30, endedOn: '2025-12-20', endReason: 'stopped' },
      });
      expect(beforeBreakup.status).toBe(400);
      expect(beforeBreakup.body.errors[0].message).toMatch(/before the breakup/);
      const profile = await c.json('GET', '/api/v1/profile');
      const breakup = await c.json('PUT', '/api/v1/profile', {
        version: profile.body.version,
        data: { ...PROFILE, breakupOn: '2027-01-01' },
      });
      expect(breakup.status).toBe(400);
      expect(breakup.body.errors[0].path).toBe('data.breakupOn');
      const sent = await c.json('POST', '/api/v1/coach/sent', {
        channel: 'text',
        at: '2030-01-01T00:00:00Z',
      });
      expect([400, 423]).toContain(sent.status);
      const file = (await c.json('GET', '/api/v1/export')).body;
      file.checkIns.push({ id: 'late', on: '2099-01-01', mood: 5, urge: 4, sleepHours: 7 });
      const imported = await c.json('POST', '/api/v1/import', file);
      expect(imported.status).toBe(400);
      expect(imported.body.errors[0].path).toMatch(/^checkIns\[\d+\]\.on$/);
    });

    it('"I sent it" during a no-contact period says so first, then counts as a break', async () => {
      const c = await registered(a.app, 'sent-during@example.org');
      expect((await c.json('PUT', '/api/v1/profile', { version: 0, data: PROFILE })).status).toBe(201);
      await c.json('POST', '/api/v1/safety-screenings', {
        data: { answeredAt: '2026-02-01T10:00:00Z', ...ALL_NO },
      });
      await c.json('POST', '/api/v1/no-contact-periods', {
        data: { startedOn: '2026-02-20', goalDays: 30, endedOn: null, endReason: null },
      });
      const first = await c.json('POST', '/api/v1/coach/sent', { channel: 'text' });
      expect(first.status).toBe(409);
      expect(first.body.detail).toMatch(/day 9 of 30.*counts as a break/);
      expect((await c.json('GET', '/api/v1/contact-events')).body.items).toHaveLength(0);
      const confirmed = await c.json('POST', '/api/v1/coach/sent', {
        channel: 'text',
        acknowledgeNoContact: true,
      });
      expect(confirmed.status).toBe(201);
      a.clock.now = new Date('2026-03-02T12:00:00Z');
      const p = (await c.json('GET', '/api/v1/plan')).body;
      expect(p.metrics.noContact).toMatchObject({ breaks: 1, currentStreak: 1 });
      a.clock.now = new Date('2026-03-01T12:00:00Z');
    });

    it('disables "I sent it" while crisis language is recent, and puts help in the plan', async () => {
      const c = await registered(a.app, 'crisis@example.org');
      expect((await c.json('PUT', '/api/v1/profile', { version: 0, data: PROFILE })).status).toBe(201);
      await c.json('POST', '/api/v1/safety-screenings', {
        data: { answeredAt: '2026-02-01T10:00:00Z', ...ALL_NO },
      });
      await c.json('POST', '/api/v1/check-ins', {
        data: { on: '2026-02-28', mood: 1, urge: 8, sleepHours: 3, note: 'I want to kill myself tonight' },
      });
      const p = (await c.json('GET', '/api/v1/plan')).body;
      expect(p.crisis).toBe(true);
      expect(p.nextSteps[0].id).toBe('crisis-support');
      expect(p.help.lines.length).toBeGreaterThan(0);
      expect(p.gates.find((g: { id: string }) => g.id === 'reconnect').facts).toContain(
        'reach out for support first; your ex can wait',
      );
      const sent = await c.json('POST', '/api/v1/coach/sent', {
        channel: 'text',
        acknowledgeNoContact: true,
      });
      expect(sent.status).toBe(423);
      expect(sent.body.detail).toMatch(/your ex can wait/);
    });
  },
);
