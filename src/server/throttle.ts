/**
 * Throttles for password checks and new accounts, kept in the database so every process
 * shares them, under keys that are HMACs with the server secret (a dump cannot be turned
 * back into emails or addresses).
 *
 * Password checks follow OWASP's device-cookie design: an attempt is counted before the
 * hash runs (so parallel guesses cannot slip past the count), per account *and* address,
 * with delays growing after a few free failures; a browser that has logged in to the
 * account before carries a signed device cookie and is throttled on its own, so a stranger's
 * guesses never lock its owner out; an address only ever slows down (people share
 * addresses: everyone local is 127.0.0.1, everyone behind a proxy is the proxy).
 */
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { ThrottleState } from '../store/index.js';
import { type AppEnv, DAY_MS, type Deps, type RegistrationLimits } from './context.js';
import { HttpProblem } from './problem.js';
import { forwarded, proxyHops, cookie as readCookie } from './request.js';
import { isHttps, keyed, sameToken } from './security.js';

export interface ThrottlePolicy {
  /** Failures allowed before delays start. */
  free: number;
  /** Longest delay, ms. */
  maxDelayMs: number;
}

/** One account from one address (or from an unknown browser): a few typos, then waiting. */
export const PAIR_POLICY: ThrottlePolicy = { free: 5, maxDelayMs: 15 * 60_000 };
/** One account from all browsers it does not know, whatever their address (spread guessing). */
export const ACCOUNT_POLICY: ThrottlePolicy = { free: 20, maxDelayMs: 15 * 60_000 };
/** One browser that has logged in to this account before: its own budget, untouched by others. */
export const DEVICE_POLICY: ThrottlePolicy = { free: 5, maxDelayMs: 15 * 60_000 };
/** An address is only slowed, from this many failures on, by at most this long. */
export const ADDRESS_SLOWDOWN = { free: 20, baseDelayMs: 250, maxDelayMs: 4_000 };
/** Failures older than this are forgotten. */
export const THROTTLE_WINDOW_MS = DAY_MS;

/** Limits for new accounts (each costs two argon2 hashes); a household needs a handful. */
export const REGISTRATION_LIMITS: RegistrationLimits = { perAddressPerHour: 10, totalPerHour: 100 };
const HOUR_MS = 3_600_000;

export const DEVICE_COOKIE = 'olive_device';
const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 3600;

/**
 * When the next attempt may happen after `failures` failures: free attempts first, then
 * 1 s, 2 s, 4 s … doubling up to the cap.
 *
 * @example
 * nextAllowedAt(6, PAIR_POLICY, now) // now + 2 s
 */
export function nextAllowedAt(failures: number, policy: ThrottlePolicy, now: Date): Date | null {
  if (failures < policy.free) return null;
  const delay = Math.min(1000 * 2 ** Math.min(failures - policy.free, 30), policy.maxDelayMs);
  return new Date(now.getTime() + delay);
}

const NO_FAILURES: ThrottleState = {
  failures: 0,
  firstFailureAt: null,
  lastFailureAt: null,
  blockedUntil: null,
};

/** The state as it counts at `now`: failures older than the window are forgotten. */
function current(state: ThrottleState, now: Date, windowMs: number, since: 'first' | 'last'): ThrottleState {
  const at = since === 'first' ? state.firstFailureAt : state.lastFailureAt;
  if (state.failures > 0 && at !== null && now.getTime() - Date.parse(at) >= windowMs) return NO_FAILURES;
  return state;
}

function tooManyAttempts(until: number, now: Date, what: string): HttpProblem {
  const seconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
  return new HttpProblem(
    'too-many-attempts',
    `${what} Wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`,
    undefined,
    { 'Retry-After': String(seconds) },
  );
}

/**
 * The client's address: the socket's, or with trusted proxies the X-Forwarded-For entry
 * the nearest of them wrote (hops from the right; the leftmost entries are the client's word).
 *
 * @example
 * clientAddress(c, 1) // '203.0.113.9' for X-Forwarded-For: 6.6.6.6, 203.0.113.9
 */
export function clientAddress(c: Context, trustProxy: boolean | number): string {
  const proxied = forwarded(c, 'x-forwarded-for', proxyHops(trustProxy));
  if (proxied) return proxied;
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}

/** Counts one attempt on `key` unless it must wait; returns when it may try again instead. */
async function reserveAttempt(
  deps: Deps,
  key: string,
  policy: ThrottlePolicy,
  now: Date,
): Promise<number | null> {
  const at = now.toISOString();
  const { reserved, state } = await deps.store.reserveThrottle(key, (stored) => {
    const s = current(stored, now, THROTTLE_WINDOW_MS, 'last');
    if (s.blockedUntil && Date.parse(s.blockedUntil) > now.getTime()) return null;
    const failures = s.failures + 1;
    return {
      failures,
      firstFailureAt: s.firstFailureAt ?? at,
      lastFailureAt: at,
      blockedUntil: nextAllowedAt(failures, policy, now)?.toISOString() ?? null,
    };
  });
  return reserved ? null : Date.parse(state.blockedUntil ?? at);
}

/** The device cookie's nonce when this browser has logged in to `email` before, else null. */
function knownDevice(c: Context, deps: Deps, email: string): string | null {
  const value = readCookie(c, DEVICE_COOKIE);
  const match = value ? /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(value) : null;
  if (!match) return null;
  const [, nonce, mac] = match;
  return sameToken(mac!, keyed(deps.secret, 'device', email, nonce!)) ? nonce! : null;
}

/** Gives this browser a device cookie for `email` (after a correct password or a new account). */
export function rememberDevice(c: Context, deps: Deps, email: string): void {
  const nonce = Buffer.from(deps.random(16)).toString('base64url');
  setCookie(c, DEVICE_COOKIE, `${nonce}.${keyed(deps.secret, 'device', email, nonce)}`, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c, deps.config.trustProxy),
    maxAge: DEVICE_COOKIE_MAX_AGE_S,
  });
}

/**
 * Runs one password check for `email` (normalised) under the throttles: slows a busy
 * address, counts the attempt on the device (known browser) or on the account+address and
 * the account (unknown browser) *before* `check` hashes anything, answers 429 with
 * Retry-After when one of them must wait, and on success forgets the failures and gives the
 * browser a device cookie for this account. `check` returns null for a wrong password.
 *
 * @example
 * const unlocked = await throttledPasswordCheck(c, deps, email, () => verifyLogin(store, email, password));
 */
export async function throttledPasswordCheck<T>(
  c: Context<AppEnv>,
  deps: Deps,
  email: string,
  check: () => Promise<T | null>,
): Promise<T | null> {
  const address = clientAddress(c, deps.config.trustProxy);
  const addressKey = keyed(deps.secret, 'address', address);
  const busy = current(await deps.store.getThrottle(addressKey), deps.now(), THROTTLE_WINDOW_MS, 'last');
  if (busy.failures >= ADDRESS_SLOWDOWN.free) {
    const steps = Math.min(busy.failures - ADDRESS_SLOWDOWN.free, 10);
    await deps.sleep(Math.min(ADDRESS_SLOWDOWN.baseDelayMs * 2 ** steps, ADDRESS_SLOWDOWN.maxDelayMs));
  }

  const now = deps.now();
  const device = knownDevice(c, deps, email);
  const keys: [string, ThrottlePolicy][] = device
    ? [[keyed(deps.secret, 'device', device), DEVICE_POLICY]]
    : [
        [keyed(deps.secret, 'account', email), ACCOUNT_POLICY],
        [keyed(deps.secret, 'pair', email, address), PAIR_POLICY],
      ];
  for (const [key, policy] of keys) {
    const until = await reserveAttempt(deps, key, policy, now);
    if (until !== null) throw tooManyAttempts(until, now, 'Too many attempts with this password.');
  }

  const result = await check();
  if (result === null) {
    await deps.store.recordLoginFailure(addressKey);
    return null;
  }
  await Promise.all(keys.map(([key]) => deps.store.clearThrottle(key)));
  rememberDevice(c, deps, email);
  return result;
}

/** Forgets an account's throttles (it is being deleted). */
export async function forgetAccountThrottle(deps: Deps, email: string): Promise<void> {
  await deps.store.clearThrottle(keyed(deps.secret, 'account', email));
}

/** Counts one new account against a limit per hour on `key`; the time it may retry when full. */
async function reserveRegistration(
  deps: Deps,
  key: string,
  limit: number,
  now: Date,
): Promise<number | null> {
  const at = now.toISOString();
  const { reserved, state } = await deps.store.reserveThrottle(key, (stored) => {
    const s = current(stored, now, HOUR_MS, 'first');
    if (s.failures >= limit) return null;
    return {
      failures: s.failures + 1,
      firstFailureAt: s.firstFailureAt ?? at,
      lastFailureAt: at,
      blockedUntil: null,
    };
  });
  return reserved ? null : Date.parse(state.firstFailureAt ?? at) + HOUR_MS;
}

/**
 * Registration refusals remembered in this process until they end, by client address and
 * for the total: during a flood, a refused client is answered 429 before its body is read
 * or the database asked, so the flood costs little more than a lookup. Never stored: a
 * restart forgets them, and the counts in the database still hold.
 */
const refusals = new WeakMap<Deps, Map<string, number>>();
const REFUSED_MAX = 10_000;
const TOTAL = '\u0000total';

function refusedUntil(deps: Deps): Map<string, number> {
  let map = refusals.get(deps);
  if (!map) {
    map = new Map();
    refusals.set(deps, map);
  }
  return map;
}

function rememberRefusal(deps: Deps, key: string, until: number): void {
  const map = refusedUntil(deps);
  if (map.size >= REFUSED_MAX) map.clear();
  map.set(key, until);
}

/**
 * Answers 429 at once when this client (or everyone) was refused a registration that has
 * not ended yet; otherwise does nothing and admitRegistration counts as usual.
 *
 * @example
 * await refuseKnownFlood(c, deps); // throws HttpProblem 429 (after a pause) during a flood from this address
 */
export async function refuseKnownFlood(c: Context<AppEnv>, deps: Deps): Promise<void> {
  const map = refusals.get(deps);
  if (!map || map.size === 0) return;
  const now = deps.now();
  for (const key of [clientAddress(c, deps.config.trustProxy), TOTAL]) {
    const until = map.get(key);
    if (until === undefined) continue;
    // A clock set back (or a refusal from the future) is not trusted: ask the database.
    if (until > now.getTime() && until - now.getTime() <= HOUR_MS) {
      // The answer waits a moment (a timer, no work): a script that retries at once is
      // slowed to one try a second per connection instead of hundreds.
      await new Promise((resolve) => setTimeout(resolve, REFUSAL_PAUSE_MS));
      throw tooManyAttempts(until, now, 'Too many new accounts for now.');
    }
    map.delete(key);
  }
}

/** How long a repeated refusal waits before it is answered. */
const REFUSAL_PAUSE_MS = 1_000;

/**
 * Admits one registration attempt from this client or answers 429: at most
 * `perAddressPerHour` from one address and `totalPerHour` in all, counted before argon2 runs.
 *
 * @example
 * await admitRegistration(c, deps);
 */
export async function admitRegistration(c: Context<AppEnv>, deps: Deps): Promise<void> {
  const limits = deps.config.registrations ?? REGISTRATION_LIMITS;
  const now = deps.now();
  const address = clientAddress(c, deps.config.trustProxy);
  const checks: [string, number, string][] = [
    [keyed(deps.secret, 'register-address', address), limits.perAddressPerHour, address],
    [keyed(deps.secret, 'register-total'), limits.totalPerHour, TOTAL],
  ];
  for (const [key, limit, remembered] of checks) {
    const until = await reserveRegistration(deps, key, limit, now);
    if (until !== null) {
      rememberRefusal(deps, remembered, until);
      throw tooManyAttempts(until, now, 'Too many new accounts for now.');
    }
  }
}
