/**
 * Accounts and sessions over HTTP: register, log in, log out (here or everywhere), change
 * the password, check it (the app lock), delete the account, and the `requireSession` guard every journey route sits
 * behind. Policy lives here (password rules, cookie attributes) and in throttle.ts (every
 * password check and every new account is throttled); the key handling lives in the store
 * (src/store/accounts.ts).
 */
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import * as z from 'zod/mini';
import {
  changePassword,
  DuplicateError,
  emailProblem,
  normalizeEmail,
  openSession,
  registerAccount,
  resumeSession,
  sessionTokenHash,
  type Unlocked,
  verifyLogin,
} from '../store/index.js';
import { type AppEnv, DAY_MS, type Deps } from './context.js';
import { passwordProblem } from './passwords.js';
import { HttpProblem } from './problem.js';
import { cookie } from './request.js';
import { isHttps, SESSION_COOKIE } from './security.js';
import {
  admitRegistration,
  forgetAccountThrottle,
  refuseKnownFlood,
  rememberDevice,
  throttledPasswordCheck,
} from './throttle.js';
import { parseWith, readJson, validationProblem } from './validate.js';

// ---------------------------------------------------------------------------
// request bodies

const emailSchema = z.string().check(
  z.maxLength(254, 'an email has at most 254 characters'),
  z.superRefine((email, ctx) => {
    const reason = emailProblem(email);
    if (reason) ctx.addIssue({ code: 'custom', message: reason, input: email });
  }),
);
/** Length is checked by the password policy, with a friendlier message; the cap stops argon2 abuse. */
const passwordSchema = z.string().check(z.maxLength(1024, 'at most 1024 characters'));

export const registerBody = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  acknowledgeDataLoss: z.literal(true, {
    error: 'confirm that a lost password means lost data (your journal is encrypted with it)',
  }),
});
export const loginBody = z.strictObject({ email: emailSchema, password: passwordSchema });
export const changePasswordBody = z.strictObject({
  currentPassword: passwordSchema,
  newPassword: passwordSchema,
});
/** The app lock's "unlock with my password": checked like a login, throttled like one. */
export const checkPasswordBody = z.strictObject({ password: passwordSchema });
export const DELETE_CONFIRMATION = 'delete my account';
export const deleteAccountBody = z.strictObject({
  password: passwordSchema,
  confirm: z.literal(DELETE_CONFIRMATION, { error: `type "${DELETE_CONFIRMATION}" to confirm` }),
});
export const userView = z.strictObject({ id: z.string(), email: z.string() });
export const sessionView = z.strictObject({ user: userView, expiresAt: z.string() });

// ---------------------------------------------------------------------------
// sessions

function sessionLimits(deps: Deps) {
  return {
    idle: deps.config.sessionIdleMs ?? 7 * DAY_MS,
    max: deps.config.sessionMaxMs ?? 30 * DAY_MS,
  };
}

/** A session expires after `idle` without use, and never later than `max` after login. */
function expiryFrom(deps: Deps, createdAt: Date, now: Date): Date {
  const { idle, max } = sessionLimits(deps);
  return new Date(Math.min(now.getTime() + idle, createdAt.getTime() + max));
}

async function startSession(c: Context<AppEnv>, deps: Deps, unlocked: Unlocked): Promise<void> {
  const now = deps.now();
  const opened = await openSession(
    deps.store,
    unlocked,
    { expiresAt: expiryFrom(deps, now, now) },
    deps.config.accounts,
  );
  setCookie(c, SESSION_COOKIE, opened.secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c, deps.config.trustProxy),
    maxAge: Math.floor(sessionLimits(deps).max / 1000),
  });
  c.set('sessionChange', opened.secret);
}

function endSessionCookie(c: Context<AppEnv>, deps: Deps): void {
  c.set('sessionChange', null);
  deleteCookie(c, SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c, deps.config.trustProxy),
  });
}

/** Sliding expiry is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 5 * 60_000;

/**
 * Lets the request through only with a live session, and puts its identity and data key in
 * `c.var.auth`. 401 otherwise. No argon2 here: the session secret unwraps the key via HKDF.
 *
 * @example
 * api.use('/plan', requireSession(deps));
 */
export function requireSession(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const secret = cookie(c, SESSION_COOKIE);
    const now = deps.now();
    const resumed = secret
      ? await resumeSession(deps.store, secret, now, deps.config.accounts, deps.sessionKeys)
      : null;
    if (!secret || !resumed) {
      if (secret) endSessionCookie(c, deps);
      throw new HttpProblem(
        'unauthenticated',
        'Your session has ended or you are not logged in. Please log in.',
      );
    }
    const { session } = resumed;
    if (now.getTime() - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) {
      await deps.store.touchSession(session.tokenHash, expiryFrom(deps, new Date(session.createdAt), now));
    }
    c.set('auth', { session, dataKey: resumed.dataKey, userId: session.userId, secret });
    await next();
  };
}

// ---------------------------------------------------------------------------
// routes

/**
 * The account routes, mounted at `/api/v1`.
 *
 * @example
 * api.route('/', authRoutes(deps));
 */
export function authRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const guard = requireSession(deps);
  const accountOptions = deps.config.accounts;

  app.get('/auth/session', guard, async (c) => {
    const { userId, session } = c.var.auth;
    const user = await deps.store.getUser(userId);
    if (!user) throw new HttpProblem('unauthenticated', 'Your session has ended. Please log in.');
    return c.json({ user: { id: user.id, email: user.email }, expiresAt: session.expiresAt });
  });

  app.post('/auth/register', async (c) => {
    const body = parseWith(registerBody, await readJson(c));
    const weak = passwordProblem(body.password);
    if (weak) throw validationProblem([{ path: 'password', message: weak }]);
    await admitRegistration(c, deps);
    let unlocked: Unlocked;
    try {
      unlocked = await registerAccount(deps.store, body.email, body.password, accountOptions);
    } catch (error) {
      // Without email delivery a taken address cannot be hidden completely; the answer stays
      // generic and does not say which part was wrong.
      if (error instanceof DuplicateError) {
        throw new HttpProblem(
          'registration-refused',
          'An account could not be created with these details. If you already have one, log in instead.',
        );
      }
      throw error;
    }
    rememberDevice(c, deps, unlocked.user.email);
    await startSession(c, deps, unlocked);
    return c.json({ user: { id: unlocked.user.id, email: unlocked.user.email } }, 201);
  });

  app.post('/auth/login', async (c) => {
    const body = parseWith(loginBody, await readJson(c));
    const email = normalizeEmail(body.email);
    const unlocked = await throttledPasswordCheck(c, deps, email, () =>
      verifyLogin(deps.store, email, body.password, accountOptions),
    );
    if (!unlocked) throw new HttpProblem('invalid-credentials', 'The email or the password is not right.');
    await startSession(c, deps, unlocked);
    return c.json({ user: { id: unlocked.user.id, email: unlocked.user.email } });
  });

  app.post('/auth/logout', async (c) => {
    const secret = cookie(c, SESSION_COOKIE);
    if (secret && /^[A-Za-z0-9_-]{1,100}$/.test(secret)) {
      await deps.store.revokeSession(await sessionTokenHash(secret, accountOptions));
    }
    endSessionCookie(c, deps);
    return c.body(null, 204);
  });

  app.post('/auth/logout-everywhere', guard, async (c) => {
    await deps.store.revokeAllSessions(c.var.auth.userId);
    endSessionCookie(c, deps);
    return c.body(null, 204);
  });

  app.post('/auth/password', guard, async (c) => {
    const body = parseWith(changePasswordBody, await readJson(c));
    const weak = passwordProblem(body.newPassword);
    if (weak) throw validationProblem([{ path: 'newPassword', message: weak }]);
    const { userId, session } = c.var.auth;
    const user = await deps.store.getUser(userId);
    if (!user) throw new HttpProblem('unauthenticated', 'Your session has ended. Please log in.');
    const changed = await throttledPasswordCheck(
      c,
      deps,
      user.email,
      async () =>
        (await changePassword(deps.store, userId, body.currentPassword, body.newPassword, accountOptions)) ||
        null,
    );
    if (!changed)
      throw validationProblem([{ path: 'currentPassword', message: 'This is not your current password.' }]);
    // Anyone holding another session (a lost phone) is logged out; this one stays.
    await deps.store.revokeAllSessions(userId, session.tokenHash);
    return c.body(null, 204);
  });

  // The app lock on a shared phone (src/web/lock.ts) can ask for the account password
  // instead of a PIN. The same throttle as a login counts every wrong one.
  app.post('/auth/check-password', guard, async (c) => {
    const body = parseWith(checkPasswordBody, await readJson(c));
    const user = await deps.store.getUser(c.var.auth.userId);
    if (!user) throw new HttpProblem('unauthenticated', 'Your session has ended. Please log in.');
    const unlocked = await throttledPasswordCheck(c, deps, user.email, () =>
      verifyLogin(deps.store, user.email, body.password, accountOptions),
    );
    if (!unlocked) throw validationProblem([{ path: 'password', message: 'This is not your password.' }]);
    return c.body(null, 204);
  });

  app.delete('/account', guard, async (c) => {
    const body = parseWith(deleteAccountBody, await readJson(c));
    const { userId } = c.var.auth;
    const user = await deps.store.getUser(userId);
    if (!user) throw new HttpProblem('unauthenticated', 'Your session has ended. Please log in.');
    const unlocked = await throttledPasswordCheck(c, deps, user.email, () =>
      verifyLogin(deps.store, user.email, body.password, accountOptions),
    );
    if (!unlocked) throw validationProblem([{ path: 'password', message: 'This is not your password.' }]);
    await deps.store.deleteUser(userId);
    await forgetAccountThrottle(deps, user.email);
    endSessionCookie(c, deps);
    return c.body(null, 204);
  });

  return app;
}
