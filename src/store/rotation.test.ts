/**
 * "Rotate my encryption key": every record moves to a fresh data key in one transaction.
 * The person keeps reading everything with the same password and the same browser session;
 * the old key opens nothing any more; a rotation that fails half-way changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, registerAccount, resumeSession, rotateDataKey, verifyLogin } from './accounts.js';
import { DecryptError, KeyChangedError } from './errors.js';
import { loadSnapshot, replaceSnapshot } from './snapshot.js';
import { FAST_ACCOUNTS, markedSnapshot, TEST_DATABASES, type TestStore } from './testing.js';

const now = new Date('2026-03-01T12:00:00Z');
const inAMonth = new Date('2026-03-31T12:00:00Z');

describe.each(TEST_DATABASES)('rotating the data key on $name', (database) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await database.open();
  });
  afterAll(() => t.dispose());

  async function journeyOf(email: string) {
    const password = `${email} passphrase`;
    const unlocked = await registerAccount(t.store, email, password, FAST_ACCOUNTS);
    const journal = t.store.journal(unlocked.user.id, unlocked.dataKey);
    const snapshot = markedSnapshot('ROTATE');
    await replaceSnapshot(journal, snapshot);
    await journal.create('setbacks', { on: '2026-02-03', kind: 'other', what: 'written after the import' });
    const here = await openSession(
      t.store,
      unlocked,
      { expiresAt: inAMonth, label: 'this laptop' },
      FAST_ACCOUNTS,
    );
    const phone = await openSession(
      t.store,
      unlocked,
      { expiresAt: inAMonth, label: 'old phone' },
      FAST_ACCOUNTS,
    );
    return { unlocked, password, here, phone, before: await loadSnapshot(journal) };
  }

  it('re-encrypts everything: the old key opens nothing, the password and this session read it all', async () => {
    const { unlocked, password, here, phone, before } = await journeyOf('rotate@example.org');
    const rows = await rotateDataKey(t.store, unlocked.user.id, password, here.secret, FAST_ACCOUNTS);
    expect(rows).toBeGreaterThan(20);

    // the old key, as a copy of the database plus a leaked key would use it, opens nothing
    await expect(loadSnapshot(t.store.journal(unlocked.user.id, unlocked.dataKey))).rejects.toBeInstanceOf(
      DecryptError,
    );
    // the same password unlocks the new key, and every record reads as before
    const relogged = await verifyLogin(t.store, 'rotate@example.org', password, FAST_ACCOUNTS);
    expect(relogged).not.toBeNull();
    expect(await loadSnapshot(t.store.journal(unlocked.user.id, relogged!.dataKey))).toEqual(before);
    // the session that asked keeps working with the new key; the others end (they held the old one)
    const resumed = await resumeSession(t.store, here.secret, now, FAST_ACCOUNTS);
    expect(await loadSnapshot(t.store.journal(unlocked.user.id, resumed!.dataKey))).toEqual(before);
    expect(await resumeSession(t.store, phone.secret, now, FAST_ACCOUNTS)).toBeNull();
  });

  it('refuses a wrong password and changes nothing', async () => {
    const { unlocked, here, before } = await journeyOf('wrong@example.org');
    const users = `select wrapped_key, kdf_salt from users where id = '${unlocked.user.id}'`;
    const keyBefore = await t.rawQuery(users);
    expect(
      await rotateDataKey(t.store, unlocked.user.id, 'not my passphrase', here.secret, FAST_ACCOUNTS),
    ).toBeNull();
    expect(await t.rawQuery(users)).toEqual(keyBefore);
    expect(await loadSnapshot(t.store.journal(unlocked.user.id, unlocked.dataKey))).toEqual(before);
  });

  it('loses nothing when interrupted half-way: old key, old rows and every session stay as they were', async () => {
    const { unlocked, password, here, phone, before } = await journeyOf('interrupted@example.org');
    const users = `select wrapped_key, kdf_salt, data_version from users where id = '${unlocked.user.id}'`;
    const keyBefore = await t.rawQuery(users);
    // The disk fills up after the old rows are deleted, while the new ones are written.
    await t.rawExec(
      database.name === 'sqlite'
        ? "create trigger disk_full before insert on entries begin select raise(abort, 'disk full'); end;"
        : `create function disk_full() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$;
           create trigger disk_full before insert on entries for each row execute function disk_full();`,
    );
    try {
      await expect(
        rotateDataKey(t.store, unlocked.user.id, password, here.secret, FAST_ACCOUNTS),
      ).rejects.toThrow(/disk full/);
    } finally {
      await t.rawExec(
        database.name === 'sqlite'
          ? 'drop trigger disk_full;'
          : 'drop trigger disk_full on entries; drop function disk_full();',
      );
    }
    expect(await t.rawQuery(users)).toEqual(keyBefore);
    expect(await loadSnapshot(t.store.journal(unlocked.user.id, unlocked.dataKey))).toEqual(before);
    for (const session of [here, phone]) {
      const resumed = await resumeSession(t.store, session.secret, now, FAST_ACCOUNTS);
      expect(await loadSnapshot(t.store.journal(unlocked.user.id, resumed!.dataKey))).toEqual(before);
    }
    // and once the disk has room again, the rotation goes through
    expect(
      await rotateDataKey(t.store, unlocked.user.id, password, here.secret, FAST_ACCOUNTS),
    ).toBeGreaterThan(20);
  });

  it('refuses a write still holding the old key (a request in flight), so nothing lands unreadable', async () => {
    const { unlocked, password, here, before } = await journeyOf('inflight@example.org');
    const stale = t.store.journal(unlocked.user.id, unlocked.dataKey);
    await rotateDataKey(t.store, unlocked.user.id, password, here.secret, FAST_ACCOUNTS);
    await expect(
      stale.create('setbacks', { on: '2026-02-04', kind: 'other', what: 'sent as the key changed' }),
    ).rejects.toBeInstanceOf(KeyChangedError);
    await expect(stale.putSingleton('settings', { noContactGoalDays: 60 })).rejects.toBeInstanceOf(
      KeyChangedError,
    );
    await expect(stale.replaceAll({ collections: {}, singletons: {} })).rejects.toBeInstanceOf(
      KeyChangedError,
    );
    const resumed = await resumeSession(t.store, here.secret, now, FAST_ACCOUNTS);
    const journal = t.store.journal(unlocked.user.id, resumed!.dataKey);
    expect(await loadSnapshot(journal)).toEqual(before);
    // the new key writes as before
    await journal.create('setbacks', { on: '2026-02-04', kind: 'other', what: 'after the rotation' });
  });

  it("never touches another person's rows", async () => {
    const a = await journeyOf('first@example.org');
    const b = await journeyOf('second@example.org');
    await rotateDataKey(t.store, a.unlocked.user.id, a.password, null, FAST_ACCOUNTS);
    expect(await loadSnapshot(t.store.journal(b.unlocked.user.id, b.unlocked.dataKey))).toEqual(b.before);
    expect(await resumeSession(t.store, b.phone.secret, now, FAST_ACCOUNTS)).not.toBeNull();
    // without a session to keep, every session of the rotated account ends
    expect(await resumeSession(t.store, a.here.secret, now, FAST_ACCOUNTS)).toBeNull();
  });
});
