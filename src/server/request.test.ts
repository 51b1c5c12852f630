import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { cookie, header } from './request.js';

/** Runs `read` inside a request, the way the server sees it (optionally with Node's raw headers). */
async function within<T>(
  headers: Record<string, string>,
  read: (c: Parameters<typeof cookie>[0]) => T,
  incoming?: Record<string, string | string[]>,
): Promise<T> {
  let out: T | undefined;
  const app = new Hono();
  app.get('/', (c) => {
    out = read(c);
    return c.text('ok');
  });
  await app.request('/', { headers }, incoming ? { incoming: { headers: incoming } } : undefined);
  return out as T;
}

describe('request headers and cookies', () => {
  const jar = 'theme=dark; olive_session=abc_DEF-123; olive_csrf="q%20r"; broken=%E0%A4%A';

  it.each([
    ['a standard Request', undefined],
    ["Node's raw headers", { cookie: jar, 'content-type': 'application/json' }],
  ])('reads cookies by exact name from %s', async (_, incoming) => {
    const read = (c: Parameters<typeof cookie>[0]) => ({
      session: cookie(c, 'olive_session'),
      csrf: cookie(c, 'olive_csrf'),
      prefix: cookie(c, 'olive'),
      broken: cookie(c, 'broken'),
      type: header(c, 'content-type'),
    });
    const got = await within({ cookie: jar, 'content-type': 'application/json' }, read, incoming);
    expect(got).toEqual({
      session: 'abc_DEF-123',
      csrf: 'q r',
      prefix: undefined,
      broken: undefined,
      type: 'application/json',
    });
  });

  it('joins a repeated raw header the way fetch does', async () => {
    const got = await within({}, (c) => header(c, 'x-forwarded-for'), {
      'x-forwarded-for': ['1.1.1.1', '2.2.2.2'],
    });
    expect(got).toBe('1.1.1.1, 2.2.2.2');
  });

  it('answers undefined without a Cookie header', async () => {
    expect(await within({}, (c) => cookie(c, 'olive_session'))).toBeUndefined();
  });
});
