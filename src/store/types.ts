/**
 * The store's public types. The server codes against these; SQL stays inside src/store/.
 *
 * Design: every journey record is one row whose clear columns are only what the store
 * needs to scope and guard it (user id, a keyed slot, a version), and whose kind, id,
 * dates, times and *whole* content are padded ciphertext (schema.ts `EntriesTable`). So
 * every private field is ciphertext by construction, whatever the journey schema adds
 * later, and a dump shows how many records a person has and their rough sizes, no more.
 */

import type { KdfParams } from './crypto.js';

/** Which database the store talks to. */
export type StoreKind = 'sqlite' | 'postgres';

/** A per-user AES-256-GCM data key (WebCrypto). Never stored unwrapped; never logged. */
export type DataKey = CryptoKey;

export interface OpenStoreOptions {
  /** `postgres://…` selects PostgreSQL (pg pool); otherwise embedded SQLite. */
  url?: string | undefined;
  /** SQLite directory (file `olive.db`); default `$OLIVE_DATA_DIR` or `./data`. `':memory:'` for tests. */
  dataDir?: string | undefined;
  /** An in-process PostgreSQL (PGlite) instance, for tests without a server. */
  pglite?: unknown;
  /** Injected clock for deterministic tests; default `() => new Date()`. */
  now?: () => Date;
  /** Injected id generator; default `crypto.randomUUID`. */
  newId?: () => string;
  /** pg pool size (PostgreSQL only). Default 10. */
  poolSize?: number;
  /**
   * SQLite `synchronous` level in WAL mode. 'normal' (default) survives a process crash;
   * 'full' also survives a power cut (an fsync per commit). Env: OLIVE_SQLITE_SYNC.
   */
  sqliteSync?: 'normal' | 'full';
  /**
   * SQLite: copy the WAL back into the database file from a worker thread instead of inside
   * the commit that fills it (a stall of several ms every few hundred writes). For the
   * long-running server; short CLI commands leave it off.
   */
  backgroundCheckpoints?: boolean;
  /**
   * A reader's own connection, for a worker thread that reads while the server writes:
   * SQLite opened read-only (the file must exist), PostgreSQL with a pool of one.
   */
  readonly?: boolean;
}

/**
 * Where another thread opens the same database for reading (`openStore({ ...reader,
 * readonly: true })`); null when no other thread can (in-memory SQLite, PGlite).
 */
export type StoreReader = { url: string } | { dataDir: string };

/** One applied migration, as `migrate()` reports it. */
export interface AppliedMigration {
  id: number;
  name: string;
}

export interface MigrationStatus {
  /** Highest migration id the database has applied (0 = empty database). */
  current: number;
  /** Highest migration id this code knows. */
  latest: number;
}

// ---------------------------------------------------------------------------
// Accounts and sessions

/** What the store keeps about an account. No private text here: the email is the login name. */
export interface User {
  id: string;
  /** Normalised (trimmed, NFC, lower-cased) login email. */
  email: string;
  /** argon2id PHC string for login; never the key-derivation secret. */
  passwordHash: string;
  key: KeyMaterial;
  createdAt: string;
  updatedAt: string;
}

/** The user's data key wrapped under a password-derived key (argon2id hashRaw, own salt). */
export interface KeyMaterial {
  /** base64url random salt for the key-derivation argon2id (not the login hash salt). */
  kdfSalt: string;
  /** argon2id cost parameters used for the KEK, kept so they can be raised later. */
  kdfParams: KdfParams;
  /** `v2:…` envelope of the raw data key (`v1:…` when written by the first release). */
  wrappedKey: string;
}

export type { KdfParams };

/** A new data key for a user, as the store applies it (see Store.rotateDataKey). */
export interface KeyRotation {
  from: DataKey;
  to: DataKey;
  /** The new key wrapped under the (unchanged) password, with a new salt. */
  key: KeyMaterial;
  /** The session that asked, kept with the new key wrapped for it; null ends them all. */
  session: { tokenHash: string; wrappedKey: string } | null;
}

export interface NewUser {
  /** A random uuid chosen by the caller: the wrapped key's authenticated data names it. */
  id: string;
  email: string;
  passwordHash: string;
  key: KeyMaterial;
  /** crypto.ts `keyCheckOf(dataKey)`: which key journal writes must hold (learnt on first use when absent). */
  keyCheck?: string;
}

export interface Session {
  /** SHA-256 (base64url) of the session secret; the secret itself lives only in the cookie. */
  tokenHash: string;
  userId: string;
  /** The data key wrapped under an HKDF key derived from the session secret. */
  wrappedKey: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** Free-form label such as a user agent summary; not private journey text. */
  label: string | null;
}

/** A session as read for a request, with its user's data version read in the same query. */
export interface ActiveSession extends Session {
  /**
   * The user's data version (see Journal.dataVersion) as it was when the session row was
   * read: a request that reads its data afterwards may use it instead of asking again.
   */
  dataVersion: number;
}

export interface NewSession {
  tokenHash: string;
  userId: string;
  wrappedKey: string;
  expiresAt: Date;
  label?: string | null;
}

/** Persisted login-failure counter for one key (an account or an address). Shared by all processes. */
export interface ThrottleState {
  failures: number;
  firstFailureAt: string | null;
  lastFailureAt: string | null;
  /** Until when further attempts must wait (the server computes the growing delay). */
  blockedUntil: string | null;
}

// ---------------------------------------------------------------------------
// Journey records

/** A record as the store returns it: the decrypted content plus the store's bookkeeping. */
export interface StoredRecord<T = unknown> {
  id: string;
  /** Starts at 1; every successful update increments it (optimistic concurrency). */
  version: number;
  createdAt: string;
  updatedAt: string;
  data: T;
}

export interface ListOptions {
  /** 1…500, default 50. */
  limit?: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string | null;
}

export interface Page<T> {
  items: StoredRecord<T>[];
  /** Pass back to get the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/**
 * A user-scoped view of the journey data. It is created from a user id and that user's
 * data key, so no call on it can name another user: isolation by construction.
 */
export interface Journal {
  readonly userId: string;
  /** Newest first (by the record's own date when the resource has one, else creation), stable cursor. */
  list<T = unknown>(resource: string, options?: ListOptions): Promise<Page<T>>;
  /**
   * Ids of the records whose own date (the collection's sort field) equals the one `data`
   * carries, reading only the small encrypted meta of each row: for one-per-day rules.
   */
  idsOnSameDate(resource: string, data: unknown): Promise<string[]>;
  /** How many records the collection holds (without decrypting any). */
  count(resource: string): Promise<number>;
  /** How many rows (records and singletons together) the journal holds: one count, no decrypting. */
  size(): Promise<number>;
  /** null when missing *or* owned by another user (indistinguishable on purpose). */
  get<T = unknown>(resource: string, id: string): Promise<StoredRecord<T> | null>;
  /**
   * Creates with a fresh random id unless `id` is given (or `data.id` is a string); version 1.
   * A collection record's `data` always carries `id` equal to the record id (the snapshot
   * format needs it); callers that show `data` without it can drop the field.
   */
  create<T = unknown>(resource: string, data: T, options?: { id?: string }): Promise<StoredRecord<T>>;
  /** Throws ConflictError when `expectedVersion` is not the current version, NotFoundError when missing. */
  update<T = unknown>(
    resource: string,
    id: string,
    data: T,
    expectedVersion: number,
  ): Promise<StoredRecord<T>>;
  /** true when a row was deleted; with `expectedVersion`, ConflictError on mismatch. */
  delete(resource: string, id: string, expectedVersion?: number): Promise<boolean>;
  /** A singleton resource (profile, safety, assessment, outcome, settings). */
  getSingleton<T = unknown>(resource: string): Promise<StoredRecord<T> | null>;
  /**
   * Writes a singleton. `expectedVersion` 0 (or omitted on first write) means "must not exist yet";
   * otherwise it must equal the current version, else ConflictError.
   */
  putSingleton<T = unknown>(resource: string, data: T, expectedVersion?: number): Promise<StoredRecord<T>>;
  deleteSingleton(resource: string): Promise<boolean>;
  /** Every record and singleton, decrypted, keyed by resource. */
  loadAll(): Promise<JournalContents>;
  /** Replaces every record and singleton in ONE transaction (import): all or nothing. */
  replaceAll(contents: JournalImport): Promise<void>;
  /** Increments on every write for this user: a cheap cache validator for multi-process servers. */
  dataVersion(): Promise<number>;
}

/** A whole journal: collections as arrays (newest first), singletons as a value or null. */
export interface JournalContents {
  collections: Record<string, StoredRecord[]>;
  singletons: Record<string, StoredRecord | null>;
}

/** What an import writes: collection records (each with a string `id`) and singleton values. */
export interface JournalImport {
  collections: Partial<Record<string, readonly unknown[]>>;
  /** A null (or absent) singleton is simply not stored. */
  singletons: Partial<Record<string, unknown>>;
}

export interface Store {
  readonly kind: StoreKind;
  /** How a worker thread opens this database to read a journey off the event loop. */
  readonly reader: StoreReader | null;
  /**
   * Applies pending migrations in order (up to `upTo`, default all: tests stop earlier to
   * build an older release's database); refuses (MigrationError) when the database is newer
   * than the code.
   */
  migrate(options?: { upTo?: number | undefined }): Promise<AppliedMigration[]>;
  migrationStatus(): Promise<MigrationStatus>;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  healthcheck(): Promise<void>;
  close(): Promise<void>;

  // accounts
  createUser(user: NewUser): Promise<User>;
  findUserByEmail(email: string): Promise<User | null>;
  getUser(userId: string): Promise<User | null>;
  /** Replaces the login hash and the wrapped key together (password change re-wraps the key). */
  updatePassword(userId: string, passwordHash: string, key: KeyMaterial): Promise<void>;
  /** Deletes the account and every row that belongs to it, in one transaction. */
  deleteUser(userId: string): Promise<boolean>;
  /**
   * Re-encrypts every journal row of the user from `rotation.from` to `rotation.to` and
   * stores the new wrapped key, in ONE transaction: interrupted, nothing changes. Every
   * session but `rotation.session` ends (they hold the old key); that one gets the new key.
   * Returns how many rows were re-encrypted. See `rotateDataKey` in accounts.ts.
   */
  rotateDataKey(userId: string, rotation: KeyRotation): Promise<number>;

  // sessions
  createSession(session: NewSession): Promise<Session>;
  /** The session when it exists and has not expired at `now`; expired ones are removed. */
  findSession(tokenHash: string, now?: Date): Promise<ActiveSession | null>;
  /** Marks activity and optionally slides the expiry. */
  touchSession(tokenHash: string, expiresAt?: Date): Promise<void>;
  revokeSession(tokenHash: string): Promise<boolean>;
  /** "Log out everywhere"; `except` keeps the current session (e.g. after a password change). */
  revokeAllSessions(userId: string, except?: string): Promise<number>;
  /** Removes sessions that expired before `now`; returns how many. */
  purgeExpiredSessions(now?: Date): Promise<number>;

  // login throttle, e.g. key `account:${email}` or `address:${ip}`; the store keeps only SHA-256(key)
  getThrottle(key: string): Promise<ThrottleState>;
  /**
   * Counts one more failure (atomically, across processes) and stores the block the policy
   * returns for the new state, e.g. a delay growing with `failures`.
   */
  recordLoginFailure(key: string, policy?: (state: ThrottleState) => Date | null): Promise<ThrottleState>;
  /**
   * Takes one attempt atomically (across processes): `decide` sees the current state and
   * returns the state to store, or null to refuse. Refused → `reserved: false` and the state
   * that refused it. Lets a caller count an attempt before it spends time on it.
   */
  reserveThrottle(
    key: string,
    decide: (state: ThrottleState) => ThrottleState | null,
  ): Promise<{ reserved: boolean; state: ThrottleState }>;
  clearThrottle(key: string): Promise<void>;

  /** The user-scoped journal repository. */
  journal(userId: string, dataKey: DataKey): Journal;
}
