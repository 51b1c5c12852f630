/**
 * "Rotate my encryption key" over HTTP: the password confirms it is the person, the store
 * re-encrypts every record under a fresh data key in one transaction (src/store/accounts.ts
 * `rotateDataKey`). This session stays logged in with the new key; every other one ends.
 * A route of its own, beside the account routes, behind the same session guard and the
 * same CSRF and Origin checks as every state-changing request.
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { rotateDataKey } from '../store/index.js';
import { requireSession } from './auth.js';
import type { AppEnv, Deps } from './context.js';
import { parseWith, readJson, validationProblem } from './validate.js';

export const rotateKeyBody = z.strictObject({
  password: z.string().check(z.maxLength(1024, 'at most 1024 characters')),
});
export const rotateKeyView = z.strictObject({ reencrypted: z.number() });

/**
 * @example
 * api.route('/', keyRotationRoutes(deps)); // POST /api/v1/auth/rotate-key
 */
export function keyRotationRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/auth/rotate-key', requireSession(deps), async (c) => {
    const body = parseWith(rotateKeyBody, await readJson(c));
    const { userId, secret } = c.var.auth;
    const reencrypted = await rotateDataKey(deps.store, userId, body.password, secret, deps.config.accounts);
    if (reencrypted === null) {
      throw validationProblem([{ path: 'password', message: 'This is not your password.' }]);
    }
    return c.json({ reencrypted });
  });
  return app;
}
