/**
 * Heavy work off the event loop (issue 14): a long draft, a big journey's plan, a Markdown
 * export and a large import run on the worker pool with the same answers as inline, and a
 * job past its time budget answers 503 with Retry-After while the server keeps serving.
 * Which inputs count as heavy and the budget are injected, so nothing here measures time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, type TestStore } from '../src/store/testing.js';
import { PROFILE, registered, type TestApp, testApp } from './server-helpers.js';

const DRAFT =
  'I know you asked for space, but I need you to answer me tonight. You always do this. ' +
  'If you cared at all you would call me back. I will keep writing until you do.';

describe.each(TEST_DATABASES)('heavy jobs on $name', (database) => {
  let t: TestStore;
  let inline: TestApp;
  let pooled: TestApp;
  let late: TestApp;
  beforeAll(async () => {
    t = await database.open();
    const secret = new Uint8Array(32).fill(7);
    inline = testApp(t, undefined, { secret });
    pooled = testApp(t, undefined, {
      secret,
      jobs: { heavyDraftChars: 0, heavyRecords: 0, heavyImportChars: 0, threads: 1 },
    });
    late = testApp(t, undefined, { jobs: { budgetMs: 1, heavyDraftChars: 0, heavyRecords: 0, threads: 1 } });
  });
  afterAll(async () => {
    await Promise.all([inline.jobs.close(), pooled.jobs.close(), late.jobs.close()]);
    await t.dispose();
  });

  it('gives the same coach report, plan, export and import on the pool as inline', async () => {
    const ana = await registered(inline.app, `pool-${database.name}@example.org`);
    expect((await ana.json('PUT', '/api/v1/profile', { version: 0, data: PROFILE })).status).toBe(201);
    await ana.json('POST', '/api/v1/check-ins', {
      data: { on: '2026-02-20', mood: 4, urge: 7, sleepHours: 6 },
    });
    // The same session works on both apps: they share the store and the server secret.
    const call = async (app: TestApp, method: string, path: string, body?: unknown) => {
      const headers: Record<string, string> = {
        cookie: [...ana.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': ana.cookies.get('olive_csrf')!,
      };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const init: RequestInit = { method, headers };
      if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
      return app.app.request(`http://127.0.0.1:5178${path}`, init);
    };
    for (const [method, path, body] of [
      ['POST', '/api/v1/coach/analyze', { text: DRAFT, channel: 'text' }],
      ['GET', '/api/v1/plan', undefined],
      ['GET', '/api/v1/export?format=markdown', undefined],
      ['GET', '/api/v1/export', undefined],
    ] as const) {
      const here = await call(inline, method, path, body);
      const there = await call(pooled, method, path, body);
      expect(there.status, path).toBe(200);
      expect(await there.text(), path).toBe(await here.text());
    }
    const exported = await (await call(inline, 'GET', '/api/v1/export')).text();
    const imported = await call(pooled, 'POST', '/api/v1/import', exported);
    expect(imported.status).toBe(200);
    expect((await imported.json()).imported.checkIns).toBe(1);
    const broken = await call(pooled, 'POST', '/api/v1/import', '{"version": ');
    expect(broken.status).toBe(400);
    expect((await broken.json()).detail).toMatch(/not valid JSON/);
    for (const app of [inline, pooled]) {
      const deep = await call(app, 'POST', '/api/v1/import', `${'['.repeat(5000)}${']'.repeat(5000)}`);
      expect(deep.status).toBe(400);
      expect((await deep.json()).detail).toMatch(/nested deeper/);
    }
  });

  it('answers 503 with Retry-After past the time budget, and keeps answering everything else', async () => {
    const ben = await registered(late.app, `late-${database.name}@example.org`);
    const analyzed = await ben.json('POST', '/api/v1/coach/analyze', { text: DRAFT, channel: 'text' });
    expect(analyzed.status).toBe(503);
    expect(analyzed.res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(Number(analyzed.res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(analyzed.body.detail).toMatch(/try again/);
    expect((await late.app.request('http://127.0.0.1:5178/healthz')).status).toBe(200);
    expect((await ben.json('GET', '/api/v1/auth/session')).status).toBe(200);
    expect(
      (
        await ben.json('POST', '/api/v1/check-ins', {
          data: { on: '2026-02-21', mood: 5, urge: 5, sleepHours: 7 },
        })
      ).status,
    ).toBe(201);
  });
});
