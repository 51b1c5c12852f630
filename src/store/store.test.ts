import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSnapshot } from '../method/schema.js';
import { registerAccount, type Unlocked } from './accounts.js';
import {
  ConflictError,
  DuplicateError,
  InvalidCursorError,
  NotFoundError,
  UnknownResourceError,
} from './errors.js';
import { createSnapshotCache, loadSnapshot, replaceSnapshot } from './snapshot.js';
import { FAST_ACCOUNTS, markedSnapshot, TEST_DATABASES, type TestStore } from './testing.js';
import type { Page } from './types.js';

describe.each(TEST_DATABASES)('store on $name', (database) => {
  let t: TestStore;
  let ana: Unlocked;
  let ben: Unlocked;

  beforeAll(async () => {
    t = await database.open();
    ana = await registerAccount(t.store, 'ana@example.org', 'ana passphrase 1', FAST_ACCOUNTS);
    ben = await registerAccount(t.store, 'ben@example.org', 'ben passphrase 1', FAST_ACCOUNTS);
  });
  afterAll(() => t.dispose());

  const checkIn = (on: string, mood = 5) => ({ on, mood, urge: 3, sleepHours: 7, note: `felt ${mood}` });

  /** The journal of a new account whose address starts with `name` (unique per call). */
  async function freshJournal(name: string) {
    const account = await registerAccount(
      t.store,
      `${name}-${globalThis.crypto.randomUUID()}@example.org`,
      `${name} passphrase`,
      FAST_ACCOUNTS,
    );
    return t.store.journal(account.user.id, account.dataKey);
  }

  describe('accounts', () => {
    it('finds an account by its normalised email and refuses a second one with the same email', async () => {
      expect((await t.store.findUserByEmail('ana@example.org'))?.id).toBe(ana.user.id);
      await expect(
        registerAccount(t.store, '  ANA@Example.org ', 'another passphrase', FAST_ACCOUNTS),
      ).rejects.toBeInstanceOf(DuplicateError);
      expect(await t.store.findUserByEmail('nobody@example.org')).toBeNull();
      expect(await t.store.getUser('00000000-0000-0000-0000-000000000000')).toBeNull();
    });

    it('reports its kind and answers the health check', async () => {
      expect(t.store.kind).toBe(database.name);
      await expect(t.store.healthcheck()).resolves.toBeUndefined();
    });
  });

  describe('sessions', () => {
    const base = { wrappedKey: 'v1:x:y', label: 'Firefox' };

    it('finds a live session, forgets an expired one, and revokes on request', async () => {
      const now = new Date('2026-03-01T10:00:00Z');
      await t.store.createSession({
        ...base,
        tokenHash: 's-live',
        userId: ana.user.id,
        expiresAt: new Date('2026-03-02T10:00:00Z'),
      });
      await t.store.createSession({
        ...base,
        tokenHash: 's-old',
        userId: ana.user.id,
        expiresAt: new Date('2026-03-01T09:00:00Z'),
      });
      const live = await t.store.findSession('s-live', now);
      expect(live?.userId).toBe(ana.user.id);
      // the user's data version comes with it, as the journal reports it
      expect(live?.dataVersion).toBe(await t.store.journal(ana.user.id, ana.dataKey).dataVersion());
      expect(await t.store.findSession('s-old', now)).toBeNull();
      // a later "now" past the expiry: gone
      expect(await t.store.findSession('s-live', new Date('2026-03-03T00:00:00Z'))).toBeNull();
      expect(await t.store.findSession('s-live', now)).toBeNull();
      expect(await t.store.revokeSession('s-live')).toBe(false);
    });

    it('slides the expiry on touch', async () => {
      const now = new Date('2026-03-01T10:00:00Z');
      await t.store.createSession({ ...base, tokenHash: 's-touch', userId: ana.user.id, expiresAt: now });
      await t.store.touchSession('s-touch', new Date('2026-03-05T00:00:00Z'));
      expect((await t.store.findSession('s-touch', now))?.expiresAt).toBe('2026-03-05T00:00:00.000Z');
      await t.store.revokeSession('s-touch');
    });

    it('logs out everywhere, optionally keeping the current session, and never touches another user', async () => {
      const later = new Date('2030-01-01T00:00:00Z');
      const now = new Date('2026-03-01T00:00:00Z');
      for (const tokenHash of ['a1', 'a2', 'a3']) {
        await t.store.createSession({ ...base, tokenHash, userId: ana.user.id, expiresAt: later });
      }
      await t.store.createSession({ ...base, tokenHash: 'b1', userId: ben.user.id, expiresAt: later });
      expect(await t.store.revokeAllSessions(ana.user.id, 'a2')).toBe(2);
      expect(await t.store.findSession('a1', now)).toBeNull();
      expect(await t.store.findSession('a2', now)).not.toBeNull();
      expect(await t.store.findSession('b1', now)).not.toBeNull();
      expect(await t.store.revokeAllSessions(ana.user.id)).toBe(1);
      expect(await t.store.revokeAllSessions(ben.user.id)).toBe(1);
    });

    it('purges expired sessions', async () => {
      await t.store.createSession({
        ...base,
        tokenHash: 'p1',
        userId: ben.user.id,
        expiresAt: new Date('2020-01-01T00:00:00Z'),
      });
      expect(await t.store.purgeExpiredSessions(new Date('2026-01-01T00:00:00Z'))).toBeGreaterThanOrEqual(1);
    });
  });

  describe('login throttle', () => {
    it('counts failures per key, applies the policy, and clears', async () => {
      const key = 'account:carl@example.org';
      expect((await t.store.getThrottle(key)).failures).toBe(0);
      const block = (failures: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, failures));
      await t.store.recordLoginFailure(key, (s) => block(s.failures));
      const second = await t.store.recordLoginFailure(key, (s) => block(s.failures));
      expect(second.failures).toBe(2);
      expect(second.blockedUntil).toBe('2026-01-01T00:00:02.000Z');
      expect(await t.store.getThrottle(key)).toMatchObject({
        failures: 2,
        blockedUntil: '2026-01-01T00:00:02.000Z',
      });
      expect((await t.store.getThrottle('address:10.0.0.1')).failures).toBe(0);
      await t.store.clearThrottle(key);
      expect((await t.store.getThrottle(key)).failures).toBe(0);
    });

    it('loses no failure when many arrive at once (several server processes share the count)', async () => {
      const key = 'address:192.0.2.7';
      await Promise.all(Array.from({ length: 20 }, () => t.store.recordLoginFailure(key)));
      expect((await t.store.getThrottle(key)).failures).toBe(20);
    });

    it('stores only a hash of the key, never the email or address', async () => {
      await t.store.recordLoginFailure('account:secret-person@example.org');
      const rows = await t.rawQuery('select * from login_throttle');
      expect(JSON.stringify(rows)).not.toContain('secret-person');
    });
  });

  describe('journal', () => {
    it('creates, reads, updates with a version check, and deletes a record', async () => {
      const journal = t.store.journal(ana.user.id, ana.dataKey);
      const created = await journal.create('checkIns', checkIn('2026-02-01'));
      expect(created.version).toBe(1);
      expect(created.data).toMatchObject({ id: created.id, on: '2026-02-01', note: 'felt 5' });
      expect((await journal.get('checkIns', created.id))?.data).toEqual(created.data);

      const updated = await journal.update('checkIns', created.id, checkIn('2026-02-01', 8), 1);
      expect(updated.version).toBe(2);
      expect((await journal.get('checkIns', created.id))?.data).toMatchObject({ mood: 8, id: created.id });

      // a second writer still holding version 1 loses, loudly
      const lost = journal.update('checkIns', created.id, checkIn('2026-02-01', 1), 1);
      await expect(lost).rejects.toBeInstanceOf(ConflictError);
      await expect(lost).rejects.toMatchObject({ expectedVersion: 1, actualVersion: 2 });
      await expect(journal.delete('checkIns', created.id, 1)).rejects.toBeInstanceOf(ConflictError);

      expect(await journal.delete('checkIns', created.id, 2)).toBe(true);
      expect(await journal.get('checkIns', created.id)).toBeNull();
      await expect(journal.update('checkIns', created.id, checkIn('2026-02-01'), 2)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect(await journal.delete('checkIns', created.id)).toBe(false);
    });

    it('stores odd Unicode exactly: lone surrogates, NUL, right-to-left marks, emoji sequences', async () => {
      const journal = t.store.journal(ana.user.id, ana.dataKey);
      const odd = 'a\uD800b\u0000c\u202Ed\uFEFF👩‍❤️‍👨 \uDFFF';
      const created = await journal.create('letters', {
        createdAt: '2026-02-01T10:00:00Z',
        title: odd,
        text: "'; drop table records; --",
        sealedUntilOn: null,
      });
      expect((await journal.get<{ title: string; text: string }>('letters', created.id))?.data).toMatchObject(
        {
          title: odd,
          text: "'; drop table records; --",
        },
      );
      await journal.delete('letters', created.id);
    });

    it('refuses resources the snapshot does not know, and cursors it did not make', async () => {
      const journal = t.store.journal(ana.user.id, ana.dataKey);
      await expect(journal.list('users')).rejects.toBeInstanceOf(UnknownResourceError);
      await expect(journal.create('profile', {})).rejects.toBeInstanceOf(UnknownResourceError);
      await expect(journal.getSingleton('checkIns')).rejects.toBeInstanceOf(UnknownResourceError);
      await expect(journal.list('checkIns', { cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(
        InvalidCursorError,
      );
      await expect(journal.list('checkIns', { cursor: '💔' })).rejects.toBeInstanceOf(InvalidCursorError);
    });

    it('refuses a second record with the same id', async () => {
      const journal = t.store.journal(ana.user.id, ana.dataKey);
      await journal.create('setbacks', { id: 'dup-1', on: '2026-02-02', kind: 'other', what: 'x' });
      await expect(
        journal.create('setbacks', { id: 'dup-1', on: '2026-02-03', kind: 'other', what: 'y' }),
      ).rejects.toBeInstanceOf(DuplicateError);
      await journal.delete('setbacks', 'dup-1');
    });

    it('keeps singletons with versions: first write must be version 0, later ones the current version', async () => {
      const journal = t.store.journal(ana.user.id, ana.dataKey);
      const first = await journal.putSingleton('settings', { noContactGoalDays: 45 });
      expect(first.version).toBe(1);
      await expect(journal.putSingleton('settings', { noContactGoalDays: 10 }, 0)).rejects.toBeInstanceOf(
        ConflictError,
      );
      const second = await journal.putSingleton('settings', { noContactGoalDays: 60 }, 1);
      expect(second.version).toBe(2);
      await expect(journal.putSingleton('settings', {}, 1)).rejects.toMatchObject({ actualVersion: 2 });
      expect((await journal.getSingleton('settings'))?.data).toEqual({ noContactGoalDays: 60 });
      expect(await journal.deleteSingleton('settings')).toBe(true);
      expect(await journal.getSingleton('settings')).toBeNull();
      expect(await journal.deleteSingleton('settings')).toBe(false);
    });

    it('bumps the data version on every write and only then', async () => {
      const journal = t.store.journal(ana.user.id, ana.dataKey);
      const before = await journal.dataVersion();
      const record = await journal.create('letters', {
        createdAt: '2026-02-01T10:00:00Z',
        title: 't',
        text: 'x',
        sealedUntilOn: null,
      });
      await journal.get('letters', record.id);
      await journal.list('letters');
      expect(await journal.dataVersion()).toBe(before + 1);
      await journal.delete('letters', record.id);
      expect(await journal.dataVersion()).toBe(before + 2);
    });

    it('bumps the data version with updates and singletons, never with a refused write', async () => {
      const journal = t.store.journal(ana.user.id, ana.dataKey);
      const letter = { createdAt: '2026-02-02T10:00:00Z', title: 't', text: 'x', sealedUntilOn: null };
      const record = await journal.create('letters', letter);
      let version = await journal.dataVersion();
      const expectVersion = async (bumps: number) => {
        version += bumps;
        expect(await journal.dataVersion()).toBe(version);
      };
      await journal.update('letters', record.id, { ...letter, text: 'y' }, 1);
      await expectVersion(1);
      await expect(journal.update('letters', record.id, letter, 1)).rejects.toBeInstanceOf(ConflictError);
      await expect(journal.delete('letters', record.id, 1)).rejects.toBeInstanceOf(ConflictError);
      expect(await journal.delete('letters', 'no-such-letter')).toBe(false);
      await expectVersion(0);
      await journal.putSingleton('reflection', { text: 'a' });
      await expectVersion(1);
      await expect(journal.putSingleton('reflection', { text: 'b' })).rejects.toBeInstanceOf(ConflictError);
      await expectVersion(0);
      await journal.putSingleton('reflection', { text: 'c' }, 1);
      await expectVersion(1);
      expect((await journal.getSingleton('reflection'))?.data).toEqual({ text: 'c' });
      expect(await journal.deleteSingleton('reflection')).toBe(true);
      expect(await journal.deleteSingleton('reflection')).toBe(false);
      await expectVersion(1);
      expect(await journal.delete('letters', record.id, 2)).toBe(true);
      await expectVersion(1);
    });

    it('keeps every one of many concurrent writes for one person, each with its own version bump', async () => {
      const journal = await freshJournal('burst');
      const before = await journal.dataVersion();
      const days = Array.from({ length: 24 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);
      await Promise.all(days.map((on, i) => journal.create('checkIns', checkIn(on, 1 + (i % 10)))));
      expect(await journal.dataVersion()).toBe(before + days.length);
      const stored = await journal.list<{ on: string }>('checkIns', { limit: 100 });
      expect(stored.items.map((r) => r.data.on).sort()).toEqual(days);
    });
  });

  describe('pagination', () => {
    it('lists newest first by the record date, in pages that together hold every record exactly once', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 0, maxLength: 25 }),
          fc.integer({ min: 1, max: 7 }),
          async (days, pageSize) => {
            const journal = await freshJournal('pager');
            // several records may share a day: the id breaks the tie, so the order stays total
            for (const day of days) {
              const at = new Date(Date.UTC(2026, 0, 1 + day, 12)).toISOString();
              await journal.create('contactEvents', {
                at,
                channel: 'email',
                direction: 'ex-to-user',
                initiatedBy: 'ex',
                answered: false,
                answeredAt: null,
                tone: 'neutral',
              });
            }
            const seen: { id: string; at: string }[] = [];
            let cursor: string | null = null;
            do {
              const page: Page<{ at: string }> = await journal.list<{ at: string }>('contactEvents', {
                limit: pageSize,
                cursor,
              });
              expect(page.items.length).toBeLessThanOrEqual(pageSize);
              seen.push(...page.items.map((r) => ({ id: r.id, at: r.data.at })));
              cursor = page.nextCursor;
            } while (cursor);
            expect(seen).toHaveLength(days.length);
            expect(new Set(seen.map((s) => s.id)).size).toBe(days.length);
            for (let i = 1; i < seen.length; i++) expect(seen[i - 1]!.at >= seen[i]!.at).toBe(true);
            await t.store.deleteUser(journal.userId);
          },
        ),
        { numRuns: 12 },
      );
    });

    it('orders instants with offsets as instants, not as text', async () => {
      const journal = await freshJournal('offsets');
      const event = (at: string) => ({ at, kind: 'reopen-contact' as const });
      // 20:30+02:00 is 18:30Z, earlier than 19:00Z although it reads later
      await journal.create('exRequests', event('2026-03-01T20:30:00+02:00'));
      await journal.create('exRequests', event('2026-03-01T19:00:00Z'));
      const page = await journal.list<{ at: string }>('exRequests');
      expect(page.items.map((r) => r.data.at)).toEqual(['2026-03-01T19:00:00Z', '2026-03-01T20:30:00+02:00']);
    });
  });

  describe('isolation between users', () => {
    it("gives no way to read, list, change or delete another user's records, even with their ids", async () => {
      const anaJournal = t.store.journal(ana.user.id, ana.dataKey);
      const benJournal = t.store.journal(ben.user.id, ben.dataKey);
      const secret = await anaJournal.create('letters', {
        createdAt: '2026-02-01T10:00:00Z',
        title: 'only mine',
        text: 'private',
        sealedUntilOn: null,
      });
      await anaJournal.putSingleton('outcome', { decidedAt: '2026-02-01T10:00:00Z', kind: 'moving-on' });

      expect(await benJournal.get('letters', secret.id)).toBeNull();
      expect((await benJournal.list('letters')).items).toEqual([]);
      await expect(benJournal.update('letters', secret.id, { title: 'hijack' }, 1)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect(await benJournal.delete('letters', secret.id)).toBe(false);
      expect(await benJournal.getSingleton('outcome')).toBeNull();
      // Ben writing a record with Ana's id creates Ben's own record, never touches Ana's
      await benJournal.create('letters', {
        id: secret.id,
        title: 'mine',
        text: 'b',
        createdAt: '2026-02-01T10:00:00Z',
      });
      expect((await anaJournal.get('letters', secret.id))?.data).toMatchObject({ title: 'only mine' });
      expect(await benJournal.delete('letters', secret.id)).toBe(true);
      expect(await anaJournal.get('letters', secret.id)).not.toBeNull();
    });

    it("cannot decrypt another user's rows with a different data key", async () => {
      const anaJournal = t.store.journal(ana.user.id, ana.dataKey);
      const record = await anaJournal.create('letters', {
        createdAt: '2026-02-01T10:00:00Z',
        title: 'x',
        text: 'y',
        sealedUntilOn: null,
      });
      // A journal for Ana's id built with Ben's key (a forged session) reads nothing useful:
      // it cannot even find the row (slots are keyed), nor open any other
      const forged = t.store.journal(ana.user.id, ben.dataKey);
      expect(await forged.get('letters', record.id)).toBeNull();
      await expect(forged.loadAll()).rejects.toThrow(/does not authenticate/);
      await expect(forged.list('letters')).rejects.toThrow(/does not authenticate/);
    });
  });

  describe('snapshot', () => {
    it('round-trips a whole journey through replace and load, as a valid snapshot', async () => {
      const journal = await freshJournal('journey');
      expect(await loadSnapshot(journal)).toBeNull();
      const snapshot = markedSnapshot('ROUNDTRIP');
      await replaceSnapshot(journal, snapshot);
      const loaded = await loadSnapshot(journal);
      expect(loaded).toEqual(snapshot);
      expect(parseSnapshot(loaded).ok).toBe(true);
    });

    it('loads seven years of daily check-ins whole and in order, and caches them frozen', async () => {
      const journal = await freshJournal('seven-years');
      const snapshot = markedSnapshot('LONG');
      const start = Date.UTC(2019, 0, 1);
      const years = Array.from({ length: 2_500 }, (_, day) => ({
        id: `day-${day}`,
        ...checkIn(new Date(start + day * 86_400_000).toISOString().slice(0, 10), (day % 10) + 1),
      }));
      snapshot.checkIns = [...years, ...snapshot.checkIns];
      await replaceSnapshot(journal, snapshot);
      expect(await loadSnapshot(journal)).toEqual(snapshot);
      const cached = await createSnapshotCache().load(journal);
      expect(cached?.checkIns).toHaveLength(snapshot.checkIns.length);
      expect(Object.isFrozen(cached?.checkIns[2_000])).toBe(true);
    });

    it('replaces all or nothing: a failing import leaves the old journey intact', async () => {
      const journal = await freshJournal('atomic');
      const original = markedSnapshot('ORIGINAL');
      await replaceSnapshot(journal, original);
      const broken = markedSnapshot('BROKEN');
      // two check-ins with one id: the second insert fails inside the transaction
      broken.checkIns.push({ ...broken.checkIns[0]!, on: '2026-01-20' });
      await expect(replaceSnapshot(journal, broken)).rejects.toBeInstanceOf(DuplicateError);
      expect(await loadSnapshot(journal)).toEqual(original);
    });

    it('serves a cached snapshot only while nothing changed in the database', async () => {
      const account = await registerAccount(t.store, 'cache@example.org', 'cache passphrase', FAST_ACCOUNTS);
      const cache = createSnapshotCache();
      await replaceSnapshot(t.store.journal(account.user.id, account.dataKey), markedSnapshot('CACHE'));
      const first = await cache.load(t.store.journal(account.user.id, account.dataKey));
      expect(await cache.load(t.store.journal(account.user.id, account.dataKey))).toBe(first);
      // a write through another journal object (as another server process would) is seen at once
      await t.store
        .journal(account.user.id, account.dataKey)
        .create('setbacks', { on: '2026-01-30', kind: 'other', what: 'new' });
      const after = await cache.load(t.store.journal(account.user.id, account.dataKey));
      expect(after?.setbacks).toHaveLength(2);
      expect(Object.isFrozen(after)).toBe(true);
    });

    it('with a version read earlier (with the session), answers as of then and sees later writes after', async () => {
      const account = await registerAccount(t.store, 'known@example.org', 'known passphrase', FAST_ACCOUNTS);
      const journal = () => t.store.journal(account.user.id, account.dataKey);
      const cache = createSnapshotCache();
      await replaceSnapshot(journal(), markedSnapshot('KNOWN'));
      const version = await journal().dataVersion();
      const first = await cache.load(journal(), version);
      expect(first?.setbacks).toHaveLength(1);
      expect(await cache.load(journal(), version)).toBe(first);
      await journal().create('setbacks', { on: '2026-01-30', kind: 'other', what: 'new' });
      // a request that read its version before the write still gets the state of that moment…
      expect(await cache.load(journal(), version)).toBe(first);
      // …and the next one, reading the version afresh, sees the write
      expect((await cache.load(journal(), await journal().dataVersion()))?.setbacks).toHaveLength(2);
      expect((await cache.load(journal()))?.setbacks).toHaveLength(2);
    });
  });

  describe('deleting an account', () => {
    it('removes every row that belonged to it and nothing of anyone else', async () => {
      const gone = await registerAccount(t.store, 'leaving@example.org', 'leaving passphrase', FAST_ACCOUNTS);
      const journal = t.store.journal(gone.user.id, gone.dataKey);
      await replaceSnapshot(journal, markedSnapshot('LEAVING'));
      await t.store.createSession({
        tokenHash: 'leaving-session',
        userId: gone.user.id,
        wrappedKey: 'v1:a:b',
        expiresAt: new Date('2030-01-01T00:00:00Z'),
      });
      await t.store.recordLoginFailure('account:leaving@example.org');
      const benBefore = await t.rawQuery(
        `select count(*) as n from entries where user_id = '${ben.user.id}'`,
      );

      expect(await t.store.deleteUser(gone.user.id)).toBe(true);
      for (const table of ['entries', 'records', 'singletons', 'sessions']) {
        const rows = await t.rawQuery(`select * from ${table} where user_id = '${gone.user.id}'`);
        expect(rows, table).toEqual([]);
      }
      expect(await t.rawQuery(`select * from users where id = '${gone.user.id}'`)).toEqual([]);
      expect((await t.store.getThrottle('account:leaving@example.org')).failures).toBe(0);
      expect(await t.rawQuery(`select count(*) as n from entries where user_id = '${ben.user.id}'`)).toEqual(
        benBefore,
      );
      expect(await t.store.deleteUser(gone.user.id)).toBe(false);
    });
  });
});
