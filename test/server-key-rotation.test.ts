/**
 * `POST /api/v1/auth/rotate-key`, as the Settings button calls it: the password confirms,
 * every record moves to a new key, this browser stays logged in and reads everything, the
 * other devices are logged out, and a dump's ciphertexts are all new.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, type TestStore } from '../src/store/testing.js';
import { client, PASSWORD, PROFILE, registered, type TestApp, testApp } from './server-helpers.js';

describe.each(TEST_DATABASES)('rotating the encryption key over HTTP on $name', (database) => {
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

  it('re-encrypts every record after the password, keeps this session and ends the others', async () => {
    const laptop = await registered(a.app, 'rotate@example.org');
    const { c: phone } = await login('rotate@example.org');
    await laptop.json('PUT', '/api/v1/profile', { version: 0, data: { ...PROFILE, exName: 'Sam Private' } });
    const checkIn = await laptop.json('POST', '/api/v1/check-ins', {
      data: { on: '2026-02-01', mood: 4, urge: 6, sleepHours: 6, note: 'a hard evening' },
    });
    expect(checkIn.status).toBe(201);
    const userId: string = (await laptop.json('GET', '/api/v1/auth/session')).body.user.id;
    const ciphertexts = async () =>
      JSON.stringify(await t.rawQuery(`select * from users where id = '${userId}'`)) +
      JSON.stringify(
        (await t.rawQuery('select * from sessions'))
          .filter((s) => s.user_id === userId)
          .map((s) => s.wrapped_key),
      );
    const before = await ciphertexts();

    const wrong = await laptop.json('POST', '/api/v1/auth/rotate-key', {
      password: 'not my passphrase at all',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].path).toBe('password');
    expect(await ciphertexts()).toBe(before);
    // state-changing like the others: no CSRF token, no rotation
    const noCsrf = client(a.app, { csrf: false });
    for (const [k, v] of laptop.cookies) noCsrf.cookies.set(k, v);
    expect((await noCsrf.request('POST', '/api/v1/auth/rotate-key', { password: PASSWORD })).status).toBe(
      403,
    );
    expect(
      (await client(a.app).request('POST', '/api/v1/auth/rotate-key', { password: PASSWORD })).status,
    ).toBe(401);

    const rotated = await laptop.json('POST', '/api/v1/auth/rotate-key', { password: PASSWORD });
    expect(rotated.status).toBe(200);
    expect(rotated.body.reencrypted).toBeGreaterThanOrEqual(2);
    expect(await ciphertexts()).not.toBe(before);

    // this browser reads everything at once, with no new login
    expect((await laptop.json('GET', '/api/v1/profile')).body.data.exName).toBe('Sam Private');
    expect((await laptop.json('GET', `/api/v1/check-ins/${checkIn.body.id}`)).body.data.note).toBe(
      'a hard evening',
    );
    // the other device held the old key: logged out
    expect((await phone.request('GET', '/api/v1/auth/session')).status).toBe(401);
    // and the same password still opens everything
    const again = await login('rotate@example.org');
    expect(again.res.status).toBe(200);
    expect((await again.c.json('GET', '/api/v1/profile')).body.data.exName).toBe('Sam Private');
  });
});
