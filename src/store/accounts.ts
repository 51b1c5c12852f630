/**
 * Account use-cases over the store and the crypto functions: register, log in, open and
 * resume a session, change the password. The server adds policy (password rules, rate
 * limits, cookies); the CLI export reuses `verifyLogin`.
 */
import {
  aadFor,
  type CryptoDeps,
  cryptoDeps,
  derivePasswordKek,
  deriveSessionKek,
  fromBase64Url,
  generateDataKey,
  hashPassword,
  type KdfParams,
  keyCheckOf,
  newSessionSecret,
  OWASP_ARGON2ID,
  randomBytes,
  sha256,
  toBase64Url,
  unwrapDataKey,
  verifyPassword,
  wrapDataKey,
} from './crypto.js';
import { DecryptError } from './errors.js';
import type { ActiveSession, DataKey, Session, Store, User } from './types.js';

export interface AccountOptions {
  /** Injected primitives; default the real WebCrypto and argon2. */
  deps?: CryptoDeps;
  /** argon2id cost for both the login hash and the KEK; default OWASP. Tests lower it. */
  kdf?: KdfParams;
  newId?: () => string;
}

/** A logged-in user with their data key unwrapped in memory. */
export interface Unlocked {
  user: User;
  dataKey: DataKey;
}

/** A new session: `secret` goes into the cookie and nowhere else. */
export interface OpenedSession {
  secret: string;
  session: Session;
}

/**
 * Email as a login name: trimmed, NFKC (so fullwidth and other compatibility lookalikes
 * fold into their plain letters), lower-cased (the domain always; the local part too, so
 * `Ana@` and `ana@` stay the one account they have always been).
 *
 * @example
 * normalizeEmail(' Ana@Example.ORG') // 'ana@example.org'
 * normalizeEmail('ＡＮＡ@example.org') // 'ana@example.org'
 */
export function normalizeEmail(email: string): string {
  return email.trim().normalize('NFKC').toLowerCase();
}

/** Control, format (bidi, zero-width), separator and surrogate characters: never part of an email. */
const HIDDEN_CHARACTER = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

/**
 * Why an email cannot be a login name, or null: hidden characters (NUL, bidi controls,
 * zero-width joiners) would let two accounts look identical on screen.
 *
 * @example
 * emailProblem('ana\u202E@example.org') // 'an email cannot contain control or direction characters'
 */
export function emailProblem(email: string): string | null {
  if (HIDDEN_CHARACTER.test(email)) return 'an email cannot contain control or direction characters';
  if (!/^[^\s@]+@[^\s@]+$/.test(normalizeEmail(email)))
    return 'expected an email address like ana@example.org';
  return null;
}

/** How emails were normalised before NFKC: an account registered then is still found. */
function legacyEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

const userKeyAad = (userId: string) => aadFor('users', 'wrapped_key', userId);
const sessionKeyAad = (tokenHash: string) => aadFor('sessions', 'wrapped_key', tokenHash);

/**
 * Creates an account with a fresh random data key wrapped under the password.
 * Throws DuplicateError when the email is taken (the server answers generically).
 *
 * @example
 * const { user, dataKey } = await registerAccount(store, 'ana@example.org', 'a long passphrase');
 */
export async function registerAccount(
  store: Store,
  email: string,
  password: string,
  options: AccountOptions = {},
): Promise<Unlocked> {
  const deps = options.deps ?? (await cryptoDeps());
  const kdf = options.kdf ?? OWASP_ARGON2ID;
  const id = (options.newId ?? (() => globalThis.crypto.randomUUID()))();
  const salt = randomBytes(deps, 16);
  const dataKey = await generateDataKey(deps);
  const [passwordHash, kek] = await Promise.all([
    hashPassword(deps, password, kdf),
    derivePasswordKek(deps, password, salt, kdf),
  ]);
  const wrappedKey = await wrapDataKey(deps, kek, dataKey, userKeyAad(id));
  const user = await store.createUser({
    id,
    email: normalizeEmail(email),
    passwordHash,
    key: { kdfSalt: toBase64Url(salt), kdfParams: kdf, wrappedKey },
    keyCheck: keyCheckOf(dataKey),
  });
  return { user, dataKey };
}

// A fixed hash verified when the email is unknown, so both paths cost one argon2 verify
// (no account enumeration by timing). Computed once, lazily.
let decoyHash: Promise<string> | undefined;

/**
 * Checks email + password and unwraps the data key; null on any failure (unknown email,
 * wrong password), taking about the same time either way.
 *
 * @example
 * const unlocked = await verifyLogin(store, 'ana@example.org', 'a long passphrase');
 * if (!unlocked) return problem(401, 'email or password is wrong');
 */
export async function verifyLogin(
  store: Store,
  email: string,
  password: string,
  options: AccountOptions = {},
): Promise<Unlocked | null> {
  const deps = options.deps ?? (await cryptoDeps());
  const normalized = normalizeEmail(email);
  const legacy = legacyEmail(email);
  const user =
    (await store.findUserByEmail(normalized)) ??
    (legacy === normalized ? null : await store.findUserByEmail(legacy));
  if (!user) {
    decoyHash ??= hashPassword(deps, 'olive decoy password', options.kdf ?? OWASP_ARGON2ID);
    await verifyPassword(deps, await decoyHash, password);
    return null;
  }
  if (!(await verifyPassword(deps, user.passwordHash, password))) return null;
  const dataKey = await unlockDataKey(user, password, deps);
  return dataKey ? { user, dataKey } : null;
}

async function unlockDataKey(user: User, password: string, deps: CryptoDeps): Promise<DataKey | null> {
  try {
    const kek = await derivePasswordKek(deps, password, fromBase64Url(user.key.kdfSalt), user.key.kdfParams);
    return await unwrapDataKey(deps, kek, user.key.wrappedKey, userKeyAad(user.id));
  } catch (error) {
    if (error instanceof DecryptError) return null;
    throw error;
  }
}

/**
 * Opens a session for an unlocked user: a random 256-bit secret (for the cookie only), its
 * SHA-256 and the data key wrapped under HKDF(secret) stored in the database.
 *
 * @example
 * const { secret } = await openSession(store, unlocked, { expiresAt: addDays(now, 30) });
 * setCookie(c, 'olive_session', secret, { httpOnly: true, sameSite: 'Strict' });
 */
export async function openSession(
  store: Store,
  unlocked: Unlocked,
  session: { expiresAt: Date; label?: string | null },
  options: AccountOptions = {},
): Promise<OpenedSession> {
  const deps = options.deps ?? (await cryptoDeps());
  const secret = newSessionSecret(deps);
  const tokenHash = await sha256(deps, secret);
  const kek = await deriveSessionKek(deps, secret);
  const wrappedKey = await wrapDataKey(deps, kek, unlocked.dataKey, sessionKeyAad(tokenHash));
  const stored = await store.createSession({
    tokenHash,
    userId: unlocked.user.id,
    wrappedKey,
    expiresAt: session.expiresAt,
    label: session.label ?? null,
  });
  return { secret, session: stored };
}

/**
 * Resolves a cookie's secret to its live session and the user's data key, without the
 * password and without argon2 (cheap enough for every request). null when unknown,
 * expired, revoked or malformed.
 *
 * @example
 * const s = await resumeSession(store, cookieSecret, now);
 * if (!s) return problem(401, 'please log in');
 * const journal = store.journal(s.session.userId, s.dataKey);
 */
export async function resumeSession(
  store: Store,
  secret: string,
  now: Date,
  options: AccountOptions = {},
  cache?: SessionKeyCache,
): Promise<{ session: ActiveSession; dataKey: DataKey } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) return null;
  const deps = options.deps ?? (await cryptoDeps());
  const known = cache?.get(secret);
  // The database is asked every time, so a revoked or expired session ends at once on
  // every process; only the key derivation is skipped for a session already seen.
  const session = await store.findSession(known?.tokenHash ?? (await sha256(deps, secret)), now);
  if (!session) {
    cache?.delete(secret);
    return null;
  }
  if (known && known.wrappedKey === session.wrappedKey) return { session, dataKey: known.dataKey };
  try {
    const kek = await deriveSessionKek(deps, secret);
    const dataKey = await unwrapDataKey(deps, kek, session.wrappedKey, sessionKeyAad(session.tokenHash));
    cache?.set(secret, { tokenHash: session.tokenHash, wrappedKey: session.wrappedKey, dataKey });
    return { session, dataKey };
  } catch (error) {
    if (error instanceof DecryptError) return null;
    throw error;
  }
}

/** What a process remembers about a session it has resumed before. */
interface KnownSession {
  tokenHash: string;
  wrappedKey: string;
  dataKey: DataKey;
}

/**
 * A bounded, per-process memo of unwrapped session keys, keyed by the cookie secret, so a
 * request costs one indexed query instead of a hash, an HKDF and an AES unwrap. It holds
 * keys in memory only, like the process does anyway while serving the request.
 */
export interface SessionKeyCache {
  get(secret: string): KnownSession | undefined;
  set(secret: string, known: KnownSession): void;
  delete(secret: string): void;
}

/**
 * @example
 * const cache = createSessionKeyCache();
 * await resumeSession(store, secret, now, {}, cache); // derives the key
 * await resumeSession(store, secret, now, {}, cache); // reuses it after checking the row
 */
export function createSessionKeyCache(maxSessions = 10_000): SessionKeyCache {
  const entries = new Map<string, KnownSession>();
  return {
    get(secret) {
      const hit = entries.get(secret);
      if (hit) {
        entries.delete(secret);
        entries.set(secret, hit);
      }
      return hit;
    },
    set(secret, known) {
      entries.delete(secret);
      entries.set(secret, known);
      if (entries.size > maxSessions) entries.delete(entries.keys().next().value as string);
    },
    delete(secret) {
      entries.delete(secret);
    },
  };
}

/** The token hash for a cookie secret (to revoke the current session at logout). */
export async function sessionTokenHash(secret: string, options: AccountOptions = {}): Promise<string> {
  const deps = options.deps ?? (await cryptoDeps());
  return sha256(deps, secret);
}

/**
 * Changes the password: verifies the old one, then stores a new login hash and the *same*
 * data key re-wrapped under a new KEK with a new salt, so no record needs re-encrypting.
 * Whoever once held that data key (an old session's memory, a stolen unlocked device)
 * still could read new records: `rotateDataKey` is the answer to that.
 * Returns false when the old password is wrong. Sessions stay valid (their wrapped key is
 * independent); the server may revoke the others with `store.revokeAllSessions(id, current)`.
 *
 * @example
 * if (!(await changePassword(store, userId, oldPw, newPw))) return problem(403, 'wrong password');
 */
export async function changePassword(
  store: Store,
  userId: string,
  oldPassword: string,
  newPassword: string,
  options: AccountOptions = {},
): Promise<boolean> {
  const deps = options.deps ?? (await cryptoDeps());
  const kdf = options.kdf ?? OWASP_ARGON2ID;
  const user = await store.getUser(userId);
  if (!user || !(await verifyPassword(deps, user.passwordHash, oldPassword))) return false;
  const dataKey = await unlockDataKey(user, oldPassword, deps);
  if (!dataKey) return false;
  const salt = randomBytes(deps, 16);
  const [passwordHash, kek] = await Promise.all([
    hashPassword(deps, newPassword, kdf),
    derivePasswordKek(deps, newPassword, salt, kdf),
  ]);
  const wrappedKey = await wrapDataKey(deps, kek, dataKey, userKeyAad(userId));
  await store.updatePassword(userId, passwordHash, {
    kdfSalt: toBase64Url(salt),
    kdfParams: kdf,
    wrappedKey,
  });
  return true;
}

/**
 * "Rotate my encryption key": a fresh random data key replaces the old one for every
 * journal record, in one transaction (store.rotateDataKey): interrupted, the old key and
 * the old ciphertexts stay exactly as they were. The new key is wrapped under the same
 * password with a new salt, and for the session that asked (`sessionSecret`), whose
 * cookie stays valid; every other session ends, since it holds the old key. A password
 * change, by contrast, re-wraps the same data key: use this after a device or a copy of
 * the database may have leaked that key. Returns how many rows were re-encrypted, or null
 * when the password is wrong (nothing changes).
 *
 * @example
 * const rows = await rotateDataKey(store, userId, password, cookieSecret);
 * if (rows === null) return problem(422, 'This is not your password.');
 */
export async function rotateDataKey(
  store: Store,
  userId: string,
  password: string,
  sessionSecret: string | null,
  options: AccountOptions = {},
): Promise<number | null> {
  const deps = options.deps ?? (await cryptoDeps());
  const user = await store.getUser(userId);
  if (!user || !(await verifyPassword(deps, user.passwordHash, password))) return null;
  const oldKey = await unlockDataKey(user, password, deps);
  if (!oldKey) return null;
  const kdf = options.kdf ?? user.key.kdfParams;
  const salt = randomBytes(deps, 16);
  const [newKey, kek] = await Promise.all([
    generateDataKey(deps),
    derivePasswordKek(deps, password, salt, kdf),
  ]);
  const wrappedKey = await wrapDataKey(deps, kek, newKey, userKeyAad(userId));
  let session: { tokenHash: string; wrappedKey: string } | null = null;
  if (sessionSecret !== null) {
    const tokenHash = await sha256(deps, sessionSecret);
    const sessionKek = await deriveSessionKek(deps, sessionSecret);
    session = {
      tokenHash,
      wrappedKey: await wrapDataKey(deps, sessionKek, newKey, sessionKeyAad(tokenHash)),
    };
  }
  return store.rotateDataKey(userId, {
    from: oldKey,
    to: newKey,
    key: { kdfSalt: toBase64Url(salt), kdfParams: kdf, wrappedKey },
    session,
  });
}
