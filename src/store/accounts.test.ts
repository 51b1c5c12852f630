import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changePassword,
  normalizeEmail,
  openSession,
  registerAccount,
  resumeSession,
  sessionTokenHash,
  verifyLogin,
} from './accounts.js';
import { FAST_ACCOUNTS, TEST_DATABASES, type TestStore } from './testing.js';

const now = new Date('2026-03-01T12:00:00Z');
const inAMonth = new Date('2026-03-31T12:00:00Z');

describe('normalizeEmail', () => {
  it('makes one login name of case, spacing and Unicode composition variants', () => {
    expect(normalizeEmail('  Ana@Example.ORG ')).toBe('ana@example.org');
    expect(normalizeEmail('Jose\u0301@example.org')).toBe(normalizeEmail('jos\u00e9@example.org'));
    expect(normalizeEmail('ＡＮＡ@ｅｘａｍｐｌｅ.org')).toBe('ana@example.org');
  });
});

describe.each(TEST_DATABASES)('accounts on $name', (database) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await database.open();
  });
  afterAll(() => t.dispose());

  it('logs in with the right password and gets the same data key back', async () => {
    const registered = await registerAccount(t.store, 'Dana@Example.org', 'dana passphrase', FAST_ACCOUNTS);
    const journal = t.store.journal(registered.user.id, registered.dataKey);
    const record = await journal.create('setbacks', {
      on: '2026-02-01',
      kind: 'argument',
      what: 'we shouted',
    });

    const unlocked = await verifyLogin(t.store, 'dana@example.org', 'dana passphrase', FAST_ACCOUNTS);
    expect(unlocked?.user.id).toBe(registered.user.id);
    const again = t.store.journal(unlocked!.user.id, unlocked!.dataKey);
    expect((await again.get('setbacks', record.id))?.data).toMatchObject({ what: 'we shouted' });
  });

  it('answers a wrong password and an unknown email the same way: null', async () => {
    await registerAccount(t.store, 'eve@example.org', 'eve passphrase', FAST_ACCOUNTS);
    expect(await verifyLogin(t.store, 'eve@example.org', 'not her passphrase', FAST_ACCOUNTS)).toBeNull();
    expect(await verifyLogin(t.store, 'nobody@example.org', 'eve passphrase', FAST_ACCOUNTS)).toBeNull();
    expect(await verifyLogin(t.store, '', '', FAST_ACCOUNTS)).toBeNull();
  });

  it('never stores the password, and stores the login hash apart from the wrapped key', async () => {
    await registerAccount(t.store, 'fay@example.org', 'fay-UNIQUE-passphrase', FAST_ACCOUNTS);
    const rows = await t.rawQuery(`select * from users where email = 'fay@example.org'`);
    expect(JSON.stringify(rows)).not.toContain('fay-UNIQUE-passphrase');
    const row = rows[0] as { password_hash: string; wrapped_key: string; kdf_salt: string };
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.wrapped_key).toMatch(/^v2:/);
    expect(row.password_hash).not.toContain(row.kdf_salt);
  });

  it('resumes a session from the cookie secret alone, and only a live one', async () => {
    const unlocked = await registerAccount(t.store, 'gil@example.org', 'gil passphrase', FAST_ACCOUNTS);
    const { secret, session } = await openSession(
      t.store,
      unlocked,
      { expiresAt: inAMonth, label: 'phone' },
      FAST_ACCOUNTS,
    );
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const sessions = await t.rawQuery('select * from sessions');
    expect(JSON.stringify(sessions)).not.toContain(secret);

    const resumed = await resumeSession(t.store, secret, now, FAST_ACCOUNTS);
    expect(resumed?.session.userId).toBe(unlocked.user.id);
    const journal = t.store.journal(unlocked.user.id, resumed!.dataKey);
    await journal.create('setbacks', { on: '2026-02-01', kind: 'other', what: 'readable' });

    expect(await resumeSession(t.store, secret, new Date('2026-04-01T00:00:00Z'), FAST_ACCOUNTS)).toBeNull();
    const flipped = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    expect(await resumeSession(t.store, flipped, now, FAST_ACCOUNTS)).toBeNull();
    expect(await resumeSession(t.store, 'short', now, FAST_ACCOUNTS)).toBeNull();
    expect(await resumeSession(t.store, `${'💔'.repeat(20)}xxx`, now, FAST_ACCOUNTS)).toBeNull();
    expect(session.tokenHash).toBe(await sessionTokenHash(secret, FAST_ACCOUNTS));
  });

  it('logout revokes the session so the cookie no longer unlocks anything', async () => {
    const unlocked = await registerAccount(t.store, 'hal@example.org', 'hal passphrase', FAST_ACCOUNTS);
    const { secret } = await openSession(t.store, unlocked, { expiresAt: inAMonth }, FAST_ACCOUNTS);
    await t.store.revokeSession(await sessionTokenHash(secret, FAST_ACCOUNTS));
    expect(await resumeSession(t.store, secret, now, FAST_ACCOUNTS)).toBeNull();
  });

  it('changes the password: the old one stops working, the data stays readable, live sessions keep working', async () => {
    const unlocked = await registerAccount(t.store, 'ida@example.org', 'ida old passphrase', FAST_ACCOUNTS);
    const journal = t.store.journal(unlocked.user.id, unlocked.dataKey);
    const record = await journal.create('setbacks', { on: '2026-02-01', kind: 'other', what: 'kept' });
    const { secret } = await openSession(t.store, unlocked, { expiresAt: inAMonth }, FAST_ACCOUNTS);
    const before = (
      await t.rawQuery(`select wrapped_key, kdf_salt from users where id = '${unlocked.user.id}'`)
    )[0];

    expect(
      await changePassword(t.store, unlocked.user.id, 'not the old one', 'ida new passphrase', FAST_ACCOUNTS),
    ).toBe(false);
    expect(
      await changePassword(
        t.store,
        unlocked.user.id,
        'ida old passphrase',
        'ida new passphrase',
        FAST_ACCOUNTS,
      ),
    ).toBe(true);

    const after = (
      await t.rawQuery(`select wrapped_key, kdf_salt from users where id = '${unlocked.user.id}'`)
    )[0];
    expect(after).not.toEqual(before);
    expect(await verifyLogin(t.store, 'ida@example.org', 'ida old passphrase', FAST_ACCOUNTS)).toBeNull();
    const relogged = await verifyLogin(t.store, 'ida@example.org', 'ida new passphrase', FAST_ACCOUNTS);
    const rereadable = t.store.journal(unlocked.user.id, relogged!.dataKey);
    expect((await rereadable.get('setbacks', record.id))?.data).toMatchObject({ what: 'kept' });
    expect(await resumeSession(t.store, secret, now, FAST_ACCOUNTS)).not.toBeNull();
  });
});
