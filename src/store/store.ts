/**
 * The store implementation: accounts, sessions, login throttle and the user-scoped,
 * encrypted journal, over either database (see dialect.ts for the one place they differ).
 */
import { createHash } from 'node:crypto';
import { type Compilable, type Kysely, sql, type Transaction } from 'kysely';
import { aadFor, decryptText, encryptText, getRandomValues, journalSlot, keyCheckOf } from './crypto.js';
import { connect, defaultDataDir, isUniqueViolation } from './dialect.js';
import {
  ConflictError,
  DuplicateError,
  InvalidCursorError,
  KeyChangedError,
  MigrationError,
  NotFoundError,
  StoreError,
  UnknownResourceError,
} from './errors.js';
import {
  COLLECTION_NAMES,
  type CollectionName,
  isCollection,
  isSingleton,
  SINGLETON_NAMES,
  sortKey,
} from './resources.js';
import { type Database, ensureMigrationsTable, LATEST_MIGRATION, MIGRATIONS } from './schema.js';
import type {
  ActiveSession,
  AppliedMigration,
  DataKey,
  Journal,
  JournalContents,
  JournalImport,
  KeyRotation,
  ListOptions,
  MigrationStatus,
  NewSession,
  NewUser,
  OpenStoreOptions,
  Page,
  Session,
  Store,
  StoredRecord,
  StoreReader,
  ThrottleState,
  User,
} from './types.js';

export { defaultDataDir };

/** Internal singleton holding the journey's own metadata (its `createdAt`), not an API resource. */
export const JOURNEY_META = 'journey';

const MAX_PAGE = 500;
const DEFAULT_PAGE = 50;
/** Rows per INSERT during an import: well under both databases' bound-parameter limits. */
const INSERT_CHUNK = 400;

type Db = Kysely<Database> | Transaction<Database>;

/**
 * A query Kysely builds and compiles once, then runs with new values. Building and compiling
 * cost more than running an indexed lookup (about 15 µs against 4 on SQLite), and the hottest
 * queries run on every request. `build` receives a marker per argument, to be used as plain
 * values; each call puts the real arguments where the markers landed among the parameters.
 *
 * @example
 * const byId = precompiled(db, (id) => db.selectFrom('users').selectAll().where('id', '=', id));
 * const [user] = await byId(userId);
 */
function precompiled<R>(
  db: Kysely<Database>,
  build: (...markers: string[]) => Compilable<R>,
): (...args: unknown[]) => Promise<R[]> {
  const markers = Array.from({ length: build.length }, (_, i) => `\u0000olive-argument-${i}\u0000`);
  const compiled = build(...markers).compile();
  const slots = compiled.parameters.map((value) => markers.indexOf(value as string));
  for (let i = 0; i < markers.length; i++) {
    if (!slots.includes(i)) throw new Error(`precompiled: argument ${i} is not used as a value`);
  }
  return async (...args) => {
    const parameters = slots.map((slot, i) => (slot === -1 ? compiled.parameters[i] : args[slot]));
    const { rows } = await db.executeQuery<R>({ ...compiled, parameters });
    return rows;
  };
}

const webCrypto = {
  subtle: globalThis.crypto.subtle,
  getRandomValues,
};

/**
 * Opens the store: PostgreSQL when `url` is a postgres:// URL (or `pglite` is given),
 * otherwise the SQLite file `olive.db` in `dataDir`. Call `migrate()` before use.
 *
 * @example
 * const store = await openStore({ url: env.DATABASE_URL, dataDir: env.OLIVE_DATA_DIR });
 * const applied = await store.migrate();
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const connection = await connect({
    url: options.url,
    dataDir: options.dataDir,
    pglite: options.pglite,
    poolSize: options.poolSize,
    sqliteSync: options.sqliteSync ?? (process.env.OLIVE_SQLITE_SYNC === 'full' ? 'full' : 'normal'),
    backgroundCheckpoints: options.backgroundCheckpoints,
    readonly: options.readonly,
  });
  const { db } = connection;
  // PGlite lives in this thread's memory, and so does an in-memory SQLite database.
  const reader: StoreReader | null = options.pglite
    ? null
    : connection.kind === 'postgres'
      ? { url: options.url! }
      : connection.file === null
        ? null
        : { dataDir: options.dataDir ?? defaultDataDir() };
  const clock = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  const iso = () => clock().toISOString();

  async function migrationStatus(): Promise<MigrationStatus> {
    await ensureMigrationsTable(db as Kysely<unknown>);
    const row = await db
      .selectFrom('olive_migrations')
      .select((eb) => eb.fn.max('id').as('current'))
      .executeTakeFirst();
    return { current: Number(row?.current ?? 0), latest: LATEST_MIGRATION };
  }

  async function migrate(options: { upTo?: number | undefined } = {}): Promise<AppliedMigration[]> {
    const upTo = options.upTo ?? LATEST_MIGRATION;
    await ensureMigrationsTable(db as Kysely<unknown>);
    return db.transaction().execute(async (trx) => {
      await connection.lockForMigration(trx);
      const done = await trx.selectFrom('olive_migrations').select('id').execute();
      const doneIds = new Set(done.map((r) => Number(r.id)));
      const newest = Math.max(0, ...doneIds);
      if (newest > LATEST_MIGRATION) {
        throw new MigrationError(
          `the database is at migration ${newest} but this version of Olive Branch only knows up to ${LATEST_MIGRATION}: upgrade Olive Branch, or restore a backup made by this version`,
        );
      }
      const applied: AppliedMigration[] = [];
      for (const migration of MIGRATIONS) {
        if (doneIds.has(migration.id) || migration.id > upTo) continue;
        try {
          await migration.up(trx as unknown as Kysely<unknown>);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new MigrationError(`migration ${migration.id} (${migration.name}) failed: ${reason}`);
        }
        await trx
          .insertInto('olive_migrations')
          .values({ id: migration.id, name: migration.name, applied_at: iso() })
          .execute();
        applied.push({ id: migration.id, name: migration.name });
      }
      return applied;
    });
  }

  // -------------------------------------------------------------------------
  // accounts

  function toUser(row: Database['users']): User {
    return {
      id: row.id,
      email: row.email,
      passwordHash: row.password_hash,
      key: { kdfSalt: row.kdf_salt, kdfParams: JSON.parse(row.kdf_params), wrappedKey: row.wrapped_key },
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  async function createUser(user: NewUser): Promise<User> {
    const now = iso();
    const row: Database['users'] = {
      id: user.id,
      email: user.email,
      password_hash: user.passwordHash,
      kdf_salt: user.key.kdfSalt,
      kdf_params: JSON.stringify(user.key.kdfParams),
      wrapped_key: user.key.wrappedKey,
      data_version: 0,
      created_at: now,
      updated_at: now,
      key_check: user.keyCheck ?? null,
    };
    try {
      await db.insertInto('users').values(row).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new DuplicateError('an account with this email already exists');
      throw error;
    }
    return toUser(row);
  }

  async function findUserByEmail(email: string): Promise<User | null> {
    const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async function getUser(userId: string): Promise<User | null> {
    const row = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async function updatePassword(userId: string, passwordHash: string, key: User['key']): Promise<void> {
    const result = await db
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        kdf_salt: key.kdfSalt,
        kdf_params: JSON.stringify(key.kdfParams),
        wrapped_key: key.wrappedKey,
        updated_at: iso(),
      })
      .where('id', '=', userId)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new NotFoundError('user', userId);
  }

  async function deleteUser(userId: string): Promise<boolean> {
    const user = await getUser(userId);
    if (!user) return false;
    const accountKey = await throttleHash(`account:${user.email}`);
    const deleted = await db.transaction().execute(async (trx) => {
      // Explicit deletes rather than trusting cascades alone: "every row gone" must hold
      // even on a SQLite connection opened without foreign_keys.
      await trx.deleteFrom('entries').where('user_id', '=', userId).execute();
      await trx.deleteFrom('records').where('user_id', '=', userId).execute();
      await trx.deleteFrom('singletons').where('user_id', '=', userId).execute();
      await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
      await trx.deleteFrom('login_throttle').where('key_hash', '=', accountKey).execute();
      const result = await trx.deleteFrom('users').where('id', '=', userId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    });
    if (deleted) {
      metaIndex.forget(userId);
      converted.delete(userId);
      await connection.forgetDeleted();
    }
    return deleted;
  }

  async function rotateDataKey(userId: string, rotation: KeyRotation): Promise<number> {
    await ensureConverted(userId, rotation.from);
    const now = iso();
    return db.transaction().execute(async (trx) => {
      // The user's row first: on PostgreSQL its lock makes every journal write of this
      // person (each bumps data_version) wait until the rotation has committed.
      const result = await trx
        .updateTable('users')
        .set((eb) => ({
          kdf_salt: rotation.key.kdfSalt,
          kdf_params: JSON.stringify(rotation.key.kdfParams),
          wrapped_key: rotation.key.wrappedKey,
          key_check: keyCheckOf(rotation.to),
          updated_at: now,
          data_version: eb('data_version', '+', 1),
        }))
        .where('id', '=', userId)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw new NotFoundError('user', userId);
      const count = await reencryptJournal(trx, userId, rotation.from, rotation.to);
      let ending = trx.deleteFrom('sessions').where('user_id', '=', userId);
      if (rotation.session) {
        ending = ending.where('token_hash', '!=', rotation.session.tokenHash);
        await trx
          .updateTable('sessions')
          .set({ wrapped_key: rotation.session.wrappedKey })
          .where('token_hash', '=', rotation.session.tokenHash)
          .where('user_id', '=', userId)
          .execute();
      }
      await ending.execute();
      return count;
    });
  }

  // -------------------------------------------------------------------------
  // sessions

  function toSession(row: Database['sessions']): Session {
    return {
      tokenHash: row.token_hash,
      userId: row.user_id,
      wrappedKey: row.wrapped_key,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
      label: row.label,
    };
  }

  async function createSession(session: NewSession): Promise<Session> {
    const now = iso();
    const row: Database['sessions'] = {
      token_hash: session.tokenHash,
      user_id: session.userId,
      wrapped_key: session.wrappedKey,
      created_at: now,
      last_seen_at: now,
      expires_at: session.expiresAt.toISOString(),
      label: session.label ?? null,
    };
    await db.insertInto('sessions').values(row).execute();
    return toSession(row);
  }

  // Every authenticated request runs this: compiled once, not built afresh each time. The
  // user's data version comes with the session row: one round trip instead of two for every
  // request that then reads the journey (the plan, the coach).
  const sessionByHash = precompiled(db, (tokenHash) =>
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('sessions')
      .select('users.data_version')
      .where('sessions.token_hash', '=', tokenHash),
  );

  async function findSession(tokenHash: string, now: Date = clock()): Promise<ActiveSession | null> {
    const [row] = await sessionByHash(tokenHash);
    if (!row) return null;
    if (row.expires_at <= now.toISOString()) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
      return null;
    }
    const { data_version, ...session } = row;
    return { ...toSession(session), dataVersion: Number(data_version) };
  }

  async function touchSession(tokenHash: string, expiresAt?: Date): Promise<void> {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: iso(), ...(expiresAt ? { expires_at: expiresAt.toISOString() } : {}) })
      .where('token_hash', '=', tokenHash)
      .execute();
  }

  async function revokeSession(tokenHash: string): Promise<boolean> {
    const result = await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async function revokeAllSessions(userId: string, except?: string): Promise<number> {
    let query = db.deleteFrom('sessions').where('user_id', '=', userId);
    if (except !== undefined) query = query.where('token_hash', '!=', except);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async function purgeExpiredSessions(now: Date = clock()): Promise<number> {
    const result = await db
      .deleteFrom('sessions')
      .where('expires_at', '<=', now.toISOString())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  // -------------------------------------------------------------------------
  // login throttle

  const noFailures: ThrottleState = {
    failures: 0,
    firstFailureAt: null,
    lastFailureAt: null,
    blockedUntil: null,
  };

  /**
   * The same SHA-256 (base64url) as `sha256` in crypto.ts, so stored rows keep matching, but
   * computed at once: WebCrypto's digest is a round trip through libuv's threads, which
   * argon2 keeps busy during a registration flood, and every request checks a throttle.
   */
  function throttleHash(key: string): Promise<string> {
    return Promise.resolve(createHash('sha256').update(key, 'utf8').digest('base64url'));
  }

  function toThrottle(row: Database['login_throttle'] | undefined): ThrottleState {
    if (!row) return { ...noFailures };
    return {
      failures: Number(row.failures),
      firstFailureAt: row.first_failure_at,
      lastFailureAt: row.last_failure_at,
      blockedUntil: row.blocked_until,
    };
  }

  async function getThrottle(key: string): Promise<ThrottleState> {
    const keyHash = await throttleHash(key);
    const row = await db
      .selectFrom('login_throttle')
      .selectAll()
      .where('key_hash', '=', keyHash)
      .executeTakeFirst();
    return toThrottle(row);
  }

  async function recordLoginFailure(
    key: string,
    policy?: (state: ThrottleState) => Date | null,
  ): Promise<ThrottleState> {
    const keyHash = await throttleHash(key);
    const now = iso();
    return db.transaction().execute(async (trx) => {
      // An atomic increment, so concurrent failures on several processes all count.
      const row = await trx
        .insertInto('login_throttle')
        .values({
          key_hash: keyHash,
          failures: 1,
          first_failure_at: now,
          last_failure_at: now,
          blocked_until: null,
        })
        .onConflict((oc) =>
          oc.column('key_hash').doUpdateSet((eb) => ({
            failures: eb('login_throttle.failures', '+', 1),
            last_failure_at: now,
          })),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      const state = toThrottle(row);
      const blocked = policy?.(state) ?? null;
      if (blocked) {
        const blockedUntil = blocked.toISOString();
        await trx
          .updateTable('login_throttle')
          .set({ blocked_until: blockedUntil })
          .where('key_hash', '=', keyHash)
          .execute();
        state.blockedUntil = blockedUntil;
      }
      return state;
    });
  }

  async function reserveThrottle(
    key: string,
    decide: (state: ThrottleState) => ThrottleState | null,
  ): Promise<{ reserved: boolean; state: ThrottleState }> {
    const keyHash = await throttleHash(key);
    // Compare-and-set: the row is written only if it still holds what `decide` saw, so
    // concurrent attempts on any number of processes each see the one before them.
    for (;;) {
      const row = await db
        .selectFrom('login_throttle')
        .selectAll()
        .where('key_hash', '=', keyHash)
        .executeTakeFirst();
      const state = toThrottle(row);
      const next = decide(state);
      if (!next) return { reserved: false, state };
      const values = {
        failures: next.failures,
        first_failure_at: next.firstFailureAt ?? iso(),
        last_failure_at: next.lastFailureAt ?? iso(),
        blocked_until: next.blockedUntil,
      };
      const written = row
        ? (
            await db
              .updateTable('login_throttle')
              .set(values)
              .where('key_hash', '=', keyHash)
              .where('failures', '=', row.failures)
              .where('last_failure_at', '=', row.last_failure_at)
              .executeTakeFirst()
          ).numUpdatedRows === 1n
        : (await db
            .insertInto('login_throttle')
            .values({ key_hash: keyHash, ...values })
            .onConflict((oc) => oc.column('key_hash').doNothing())
            .returning('key_hash')
            .executeTakeFirst()) !== undefined;
      if (written) return { reserved: true, state: next };
    }
  }

  async function clearThrottle(key: string): Promise<void> {
    await db
      .deleteFrom('login_throttle')
      .where('key_hash', '=', await throttleHash(key))
      .execute();
  }

  // -------------------------------------------------------------------------
  // the journal

  /**
   * People whose first-release rows this process has seen converted (or found none of).
   * Only migration 2 ever leaves such rows and nothing writes new ones, so once converted a
   * person stays converted: each process asks the database once per person, not per request.
   */
  const converted = new Set<string>();
  const converting = new Map<string, Promise<void>>();

  function ensureConverted(userId: string, dataKey: DataKey): Promise<void> {
    if (converted.has(userId)) return Promise.resolve();
    let pending = converting.get(userId);
    if (!pending) {
      pending = (async () => {
        const keyCheck = keyCheckOf(dataKey);
        const [user, record, singleton] = await Promise.all([
          db.selectFrom('users').select('key_check').where('id', '=', userId).executeTakeFirst(),
          db
            .selectFrom('records')
            .select('user_id')
            .where('user_id', '=', userId)
            .limit(1)
            .executeTakeFirst(),
          db
            .selectFrom('singletons')
            .select('user_id')
            .where('user_id', '=', userId)
            .limit(1)
            .executeTakeFirst(),
        ]);
        if (user?.key_check === null) {
          // Accounts made before key checks existed learn theirs from the first key that opens them.
          await db
            .updateTable('users')
            .set({ key_check: keyCheck })
            .where('id', '=', userId)
            .where('key_check', 'is', null)
            .execute();
        }
        if (record || singleton) await convertLegacyJournal(db, userId, dataKey);
        converted.add(userId);
      })().finally(() => converting.delete(userId));
      converting.set(userId, pending);
    }
    return pending;
  }

  const metaIndex = createMetaIndex();

  function journal(userId: string, dataKey: DataKey): Journal {
    return createJournal({
      db,
      kind: connection.kind,
      userId,
      dataKey,
      newId,
      iso,
      metaIndex,
      ready: () => ensureConverted(userId, dataKey),
    });
  }

  return {
    kind: connection.kind,
    reader,
    migrate,
    migrationStatus,
    async healthcheck() {
      await db.selectFrom('olive_migrations').select('id').limit(1).execute();
    },
    async close() {
      await db.destroy();
    },
    createUser,
    findUserByEmail,
    getUser,
    updatePassword,
    deleteUser,
    rotateDataKey,
    createSession,
    findSession,
    touchSession,
    revokeSession,
    revokeAllSessions,
    purgeExpiredSessions,
    getThrottle,
    recordLoginFailure,
    reserveThrottle,
    clearThrottle,
    journal,
  };
}

// ---------------------------------------------------------------------------
// journal rows: slots, envelopes and the first release's rows

/** Records decrypted or encrypted between two turns of the event loop in bulk work. */
const YIELD_EVERY = 500;
/** Rows per query when a whole journal is read (about 15 ms of a core each). */
const READ_PAGE = 1_000;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

interface JournalDeps {
  db: Kysely<Database>;
  kind: Store['kind'];
  userId: string;
  dataKey: DataKey;
  newId: () => string;
  iso: () => string;
  /** Resolves once the person's first-release rows (if any) are in `entries`. */
  ready: () => Promise<void>;
  metaIndex: MetaIndex;
}

/** A collection record's meta with its row's slot: one line of a person's index. */
type IndexedMeta = EntryMeta & { slot: string; i: string; s: string };

/**
 * A per-process memo of each person's decrypted meta index (kind, id and sort key of every
 * record), filed under the data version it was read at, like the snapshot cache (and, like
 * it, holding what only the person's key opens: memory only, never written anywhere). A
 * list then costs one version query plus its page while nothing changed, instead of
 * decrypting every row's meta again. At most `maxUsers` people, least recently used dropped.
 */
interface MetaIndex {
  get(userId: string, keyCheck: string, version: number): IndexedMeta[] | undefined;
  set(userId: string, keyCheck: string, version: number, metas: IndexedMeta[]): void;
  forget(userId: string): void;
}

function createMetaIndex(maxUsers = 1_000): MetaIndex {
  const entries = new Map<string, { keyCheck: string; version: number; metas: IndexedMeta[] }>();
  return {
    get(userId, keyCheck, version) {
      const hit = entries.get(userId);
      if (!hit || hit.keyCheck !== keyCheck || hit.version !== version) return undefined;
      entries.delete(userId);
      entries.set(userId, hit);
      return hit.metas;
    },
    set(userId, keyCheck, version, metas) {
      const current = entries.get(userId);
      if (current && current.keyCheck === keyCheck && current.version > version) return;
      entries.delete(userId);
      entries.set(userId, { keyCheck, version, metas });
      if (entries.size > maxUsers) entries.delete(entries.keys().next().value as string);
    },
    forget(userId) {
      entries.delete(userId);
    },
  };
}

/** What a row's `meta` envelope holds: enough to list, filter and order without the record. */
interface EntryMeta {
  /** Resource name. */
  r: string;
  /** Record id (collections only). */
  i?: string;
  /** Sort key (resources.ts sortKey; collections only). */
  s?: string;
}

/** What a row's `data` envelope holds. */
interface EntryData {
  r: string;
  /** createdAt and updatedAt, ISO instants. */
  c: string;
  u: string;
  v: unknown;
}

const collectionSlotName = (resource: string, id: string) => `c/${resource}/${id}`;
const singletonSlotName = (resource: string) => `s/${resource}`;
const metaAad = (userId: string, slot: string) => aadFor('entries', 'meta', `${userId}/${slot}`);
const dataAad = (userId: string, slot: string) => aadFor('entries', 'data', `${userId}/${slot}`);
// The first release's AADs, to open its rows once when converting them.
const legacyRecordAad = (userId: string, resource: string, id: string) =>
  aadFor('records', 'data', `${userId}/${resource}/${id}`);
const legacySingletonAad = (userId: string, resource: string) =>
  aadFor('singletons', 'data', `${userId}/${resource}`);

/** A journal row sealed under `key`: its slot, and its meta and data envelopes bound to that slot. */
async function sealEntry(
  userId: string,
  key: DataKey,
  version: number,
  meta: EntryMeta,
  data: EntryData,
): Promise<Database['entries']> {
  const slot = journalSlot(
    key,
    meta.i === undefined ? singletonSlotName(meta.r) : collectionSlotName(meta.r, meta.i),
  );
  const [metaEnvelope, dataEnvelope] = await Promise.all([
    encryptText(webCrypto, key, JSON.stringify(meta), metaAad(userId, slot)),
    encryptText(webCrypto, key, JSON.stringify(data), dataAad(userId, slot)),
  ]);
  return { user_id: userId, slot, version, meta: metaEnvelope, data: dataEnvelope };
}

async function openMeta(
  key: DataKey,
  userId: string,
  row: { slot: string; meta: string },
): Promise<EntryMeta> {
  return JSON.parse(await decryptText(key, row.meta, metaAad(userId, row.slot))) as EntryMeta;
}

async function openData(
  key: DataKey,
  userId: string,
  row: { slot: string; data: string },
): Promise<EntryData> {
  return JSON.parse(await decryptText(key, row.data, dataAad(userId, row.slot))) as EntryData;
}

async function insertChunked(trx: Db, rows: Database['entries'][]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await trx
      .insertInto('entries')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .execute();
  }
}

/**
 * Moves a person's first-release rows (`records`, `singletons`: kinds and times in clear)
 * into `entries` under their key, in one transaction: versions, times and contents as they
 * were, nothing left behind in the old tables. Runs when the key is first available (the
 * only moment a conversion can happen: a migration has no keys). Returns how many rows moved.
 */
async function convertLegacyJournal(db: Kysely<Database>, userId: string, key: DataKey): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // The user's row first: on PostgreSQL its lock queues a second process converting the
    // same person, which then finds nothing left to convert.
    await trx
      .updateTable('users')
      .set((eb) => ({ data_version: eb('data_version', '+', 1), key_check: keyCheckOf(key) }))
      .where('id', '=', userId)
      .execute();
    const records = await trx.selectFrom('records').selectAll().where('user_id', '=', userId).execute();
    const singletons = await trx.selectFrom('singletons').selectAll().where('user_id', '=', userId).execute();
    if (records.length === 0 && singletons.length === 0) return 0;
    const rows = await Promise.all([
      ...records.map(async (row) => {
        const content = JSON.parse(
          await decryptText(key, row.data, legacyRecordAad(userId, row.resource, row.id)),
        ) as unknown;
        const resource = row.resource as CollectionName;
        return sealEntry(
          userId,
          key,
          Number(row.version),
          { r: resource, i: row.id, s: isCollection(resource) ? sortKey(resource, content) : '' },
          { r: resource, c: row.created_at, u: row.updated_at, v: content },
        );
      }),
      ...singletons.map(async (row) => {
        const content = JSON.parse(
          await decryptText(key, row.data, legacySingletonAad(userId, row.resource)),
        ) as unknown;
        return sealEntry(
          userId,
          key,
          Number(row.version),
          { r: row.resource },
          { r: row.resource, c: row.created_at, u: row.updated_at, v: content },
        );
      }),
    ]);
    await insertChunked(trx, rows);
    await trx.deleteFrom('records').where('user_id', '=', userId).execute();
    await trx.deleteFrom('singletons').where('user_id', '=', userId).execute();
    return rows.length;
  });
}

/**
 * Every journal row of `userId` opened under `from` and sealed again under `to` (new slot,
 * same version, times and contents), inside the caller's transaction. All rows are read and
 * re-sealed before the first one is written, so a row that does not open aborts the whole
 * rotation with nothing changed.
 */
async function reencryptJournal(trx: Db, userId: string, from: DataKey, to: DataKey): Promise<number> {
  const rows = await trx.selectFrom('entries').selectAll().where('user_id', '=', userId).execute();
  const resealed = await Promise.all(
    rows.map(async (row) => {
      const [meta, data] = await Promise.all([openMeta(from, userId, row), openData(from, userId, row)]);
      return sealEntry(userId, to, Number(row.version), meta, data);
    }),
  );
  await trx.deleteFrom('entries').where('user_id', '=', userId).execute();
  await insertChunked(trx, resealed);
  return rows.length;
}

function assertCollection(resource: string): asserts resource is CollectionName {
  if (!isCollection(resource)) throw new UnknownResourceError(resource);
}

function assertSingleton(resource: string): void {
  if (!isSingleton(resource) && resource !== JOURNEY_META) throw new UnknownResourceError(resource);
}

function encodeCursor(sortAt: string, id: string): string {
  return Buffer.from(JSON.stringify([sortAt, id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { sortAt: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
    ) {
      return { sortAt: value[0], id: value[1] };
    }
  } catch {
    // falls through to the typed error
  }
  throw new InvalidCursorError();
}

/** A record's content with its `id` field forced to the row id, so the two never disagree. */
function withId(data: unknown, id: string): Record<string, unknown> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new StoreError('a collection record must be a JSON object');
  }
  return { ...(data as Record<string, unknown>), id };
}

/** Newest first: by sort key, then id, both descending (code-unit order, as the old index had it on SQLite). */
function newestFirst(a: { s: string; i: string }, b: { s: string; i: string }): number {
  if (a.s !== b.s) return a.s < b.s ? 1 : -1;
  return a.i < b.i ? 1 : a.i > b.i ? -1 : 0;
}

function createJournal({ db, kind, userId, dataKey, newId, iso, ready, metaIndex }: JournalDeps): Journal {
  const slotOf = (resource: string, id: string) => journalSlot(dataKey, collectionSlotName(resource, id));
  const singletonSlotOf = (resource: string) => journalSlot(dataKey, singletonSlotName(resource));
  const keyCheck = keyCheckOf(dataKey);

  /** Bumps the data version, refusing (and so rolling back the write) when the key is not current. */
  async function bump(trx: Db): Promise<void> {
    const result = await trx
      .updateTable('users')
      .set((eb) => ({ data_version: eb('data_version', '+', 1) }))
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('key_check', '=', keyCheck), eb('key_check', 'is', null)]))
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new KeyChangedError();
  }

  /**
   * Runs one write (a query with RETURNING) and, when it touched a row, bumps the user's data
   * version, atomically; returns the write's rows. On PostgreSQL this is ONE statement: the
   * write as a data-modifying CTE and the bump conditioned on its rows. The user's row lock
   * that the bump takes is then held only while the server runs and commits that statement,
   * not across the four network round trips of BEGIN, write, bump, COMMIT, which is what let
   * a burst of writes for one person queue behind each other. SQLite, in-process, runs the
   * two in one local transaction.
   */
  async function writeAndBump<O>(write: (db: Db) => Compilable<O> & { execute(): Promise<O[]> }) {
    if (kind === 'postgres') {
      // The key check rides in the same statement: when the bump finds the key replaced
      // (a rotation committed while this waited for the user's row lock), `1 / 0` fails
      // the statement, and with it the write. With no row written nothing is divided.
      try {
        const { rows } = await sql<O>`with w as (${write(db)}), b as (
          update users set data_version = data_version + 1
          where id = ${userId} and (key_check = ${keyCheck} or key_check is null)
          and exists (select 1 from w) returning 1
        ) select w.*, 1 / (select count(*)::int from b) as key_current from w`.execute(db);
        return rows;
      } catch (error) {
        if ((error as { code?: unknown } | null)?.code === '22012') throw new KeyChangedError();
        throw error;
      }
    }
    return db.transaction().execute(async (trx) => {
      const rows = await write(trx).execute();
      if (rows.length > 0) await bump(trx);
      return rows;
    });
  }

  /** The row in `slot`, decrypted, or null. */
  async function read(slot: string): Promise<{ version: number; data: EntryData } | null> {
    const row = await db
      .selectFrom('entries')
      .select(['slot', 'version', 'data'])
      .where('user_id', '=', userId)
      .where('slot', '=', slot)
      .executeTakeFirst();
    return row ? { version: Number(row.version), data: await openData(dataKey, userId, row) } : null;
  }

  /**
   * Every collection record's meta of this person, decrypted: what listing filters and
   * sorts. Kinds and dates live only inside the ciphertext, so a list decrypts each row's
   * small meta envelope (a few µs each) and orders in memory, rather than ordering by a
   * keyed value in SQL: a deterministic keyed sort value would still show, per person, how
   * many records share a kind or a day, which is the story this layout is meant to hide.
   * The cost grows with the whole journal, not the page, so the decrypted index is kept per
   * process while the person's data version stays the same (createMetaIndex); the plan and
   * the coach read through loadAll and the snapshot cache.
   */
  async function collectionMetas(): Promise<IndexedMeta[]> {
    // Version first, then rows: a write landing in between leaves rows newer than the
    // version they are filed under, so the next call sees a new version and reads again.
    const version = await journal.dataVersion();
    const known = metaIndex.get(userId, keyCheck, version);
    if (known) return known;
    const rows = await db
      .selectFrom('entries')
      .select(['slot', 'meta'])
      .where('user_id', '=', userId)
      .execute();
    const metas = await Promise.all(rows.map((row) => openMeta(dataKey, userId, row)));
    const out: IndexedMeta[] = [];
    metas.forEach((meta, n) => {
      if (meta.i !== undefined) out.push({ ...meta, i: meta.i, s: meta.s ?? '', slot: rows[n]!.slot });
    });
    metaIndex.set(userId, keyCheck, version, out);
    return out;
  }

  /** Writes a sealed row over `slot` if it still holds `expectedVersion`; whether it did. */
  async function replaceAt(
    slot: string,
    expectedVersion: number,
    row: Awaited<ReturnType<typeof sealEntry>>,
  ): Promise<boolean> {
    const [updated] = await writeAndBump((trx) =>
      trx
        .updateTable('entries')
        .set({ version: row.version, meta: row.meta, data: row.data })
        .where('user_id', '=', userId)
        .where('slot', '=', slot)
        .where('version', '=', expectedVersion)
        .returning('slot'),
    );
    return updated !== undefined;
  }

  async function currentVersion(slot: string): Promise<number | null> {
    const row = await db
      .selectFrom('entries')
      .select('version')
      .where('user_id', '=', userId)
      .where('slot', '=', slot)
      .executeTakeFirst();
    return row ? Number(row.version) : null;
  }

  /**
   * Every row of the journal. One that fits in READ_PAGE rows is one query. A bigger one is
   * read a page at a time in slot order with a turn of the event loop between pages:
   * better-sqlite3 reads synchronously, and one query for 100,000 rows held every other
   * request for over a second. Pages are separate reads, so the data version (bumped in the
   * transaction of every write) is read before and after; if a write landed in between,
   * one query reads it all at once instead.
   */
  async function allRows(): Promise<{ slot: string; version: number; data: string }[]> {
    const everything = () =>
      db.selectFrom('entries').select(['slot', 'version', 'data']).where('user_id', '=', userId);
    const pageAfter = (slot: string) =>
      everything().where('slot', '>', slot).orderBy('slot').limit(READ_PAGE).execute();
    const first = await pageAfter('');
    if (first.length < READ_PAGE) return first;
    const version = await journal.dataVersion();
    const rows: { slot: string; version: number; data: string }[] = [];
    for (let after = ''; ; ) {
      await yieldToEventLoop();
      const page = await pageAfter(after);
      rows.push(...page);
      if (page.length < READ_PAGE) break;
      after = page[page.length - 1]!.slot;
    }
    if ((await journal.dataVersion()) === version) return rows;
    return everything().execute();
  }

  const journal: Journal = {
    userId,

    async list<T>(resource: string, options: ListOptions = {}): Promise<Page<T>> {
      assertCollection(resource);
      await ready();
      const limit = Math.min(
        MAX_PAGE,
        Math.max(1, Math.trunc(options.limit ?? DEFAULT_PAGE) || DEFAULT_PAGE),
      );
      const after = options.cursor ? decodeCursor(options.cursor) : null;
      const ordered = (await collectionMetas())
        .filter((m) => m.r === resource)
        .filter((m) => !after || m.s < after.sortAt || (m.s === after.sortAt && m.i < after.id))
        .sort(newestFirst);
      const page = ordered.slice(0, limit);
      const last = page[page.length - 1];
      const rows =
        page.length === 0
          ? []
          : await db
              .selectFrom('entries')
              .select(['slot', 'version', 'data'])
              .where('user_id', '=', userId)
              .where(
                'slot',
                'in',
                page.map((m) => m.slot),
              )
              .execute();
      const bySlot = new Map(rows.map((row) => [row.slot, row]));
      const items: StoredRecord<T>[] = [];
      for (const meta of page) {
        const row = bySlot.get(meta.slot);
        // deleted between the two reads: the page simply no longer holds it
        if (!row) continue;
        const data = await openData(dataKey, userId, row);
        items.push({
          id: meta.i,
          version: Number(row.version),
          createdAt: data.c,
          updatedAt: data.u,
          data: data.v as T,
        });
      }
      return {
        items,
        nextCursor: ordered.length > limit && last ? encodeCursor(last.s, last.i) : null,
      };
    },

    async count(resource: string): Promise<number> {
      assertCollection(resource);
      await ready();
      // Kinds live inside the ciphertext: counted from the per-person summaries.
      let n = 0;
      for (const m of await collectionMetas()) if (m.r === resource) n++;
      return n;
    },

    async size(): Promise<number> {
      const row = await db
        .selectFrom('entries')
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async idsOnSameDate(resource: string, data: unknown): Promise<string[]> {
      assertCollection(resource);
      const key = sortKey(resource, data);
      if (key === '') return [];
      await ready();
      return (await collectionMetas()).filter((m) => m.r === resource && m.s === key).map((m) => m.i);
    },

    async get<T>(resource: string, id: string): Promise<StoredRecord<T> | null> {
      assertCollection(resource);
      await ready();
      const row = await read(slotOf(resource, id));
      if (!row) return null;
      return {
        id,
        version: row.version,
        createdAt: row.data.c,
        updatedAt: row.data.u,
        data: row.data.v as T,
      };
    },

    async create<T>(resource: string, data: T, options: { id?: string } = {}): Promise<StoredRecord<T>> {
      assertCollection(resource);
      await ready();
      const given = (data as { id?: unknown } | null)?.id;
      const id = options.id ?? (typeof given === 'string' && given !== '' ? given : newId());
      const content = withId(data, id);
      const now = iso();
      const row = await sealEntry(
        userId,
        dataKey,
        1,
        { r: resource, i: id, s: sortKey(resource, content) },
        { r: resource, c: now, u: now, v: content },
      );
      try {
        await writeAndBump((trx) => trx.insertInto('entries').values(row).returning('slot'));
      } catch (error) {
        if (isUniqueViolation(error))
          throw new DuplicateError(`a ${resource} record with id ${id} already exists`);
        throw error;
      }
      return { id, version: 1, createdAt: now, updatedAt: now, data: content as T };
    },

    async update<T>(
      resource: string,
      id: string,
      data: T,
      expectedVersion: number,
    ): Promise<StoredRecord<T>> {
      assertCollection(resource);
      await ready();
      const slot = slotOf(resource, id);
      // createdAt lives inside the ciphertext: read it first. It never changes, so the
      // version check in the write below still guards against a lost update.
      const current = await read(slot);
      if (!current) throw new NotFoundError(resource, id);
      if (current.version !== expectedVersion) {
        throw new ConflictError(resource, id, expectedVersion, current.version);
      }
      const content = withId(data, id);
      const now = iso();
      const row = await sealEntry(
        userId,
        dataKey,
        expectedVersion + 1,
        { r: resource, i: id, s: sortKey(resource, content) },
        { r: resource, c: current.data.c, u: now, v: content },
      );
      if (!(await replaceAt(slot, expectedVersion, row))) {
        const actual = await currentVersion(slot);
        if (actual === null) throw new NotFoundError(resource, id);
        throw new ConflictError(resource, id, expectedVersion, actual);
      }
      return {
        id,
        version: expectedVersion + 1,
        createdAt: current.data.c,
        updatedAt: now,
        data: content as T,
      };
    },

    async delete(resource: string, id: string, expectedVersion?: number): Promise<boolean> {
      assertCollection(resource);
      await ready();
      const slot = slotOf(resource, id);
      const rows = await writeAndBump((trx) => {
        const query = trx
          .deleteFrom('entries')
          .where('user_id', '=', userId)
          .where('slot', '=', slot)
          .returning('slot');
        return expectedVersion === undefined ? query : query.where('version', '=', expectedVersion);
      });
      const deleted = rows.length > 0;
      if (!deleted && expectedVersion !== undefined) {
        const actual = await currentVersion(slot);
        if (actual !== null) throw new ConflictError(resource, id, expectedVersion, actual);
      }
      return deleted;
    },

    async getSingleton<T>(resource: string): Promise<StoredRecord<T> | null> {
      assertSingleton(resource);
      await ready();
      const row = await read(singletonSlotOf(resource));
      if (!row) return null;
      return {
        id: resource,
        version: row.version,
        createdAt: row.data.c,
        updatedAt: row.data.u,
        data: row.data.v as T,
      };
    },

    async putSingleton<T>(resource: string, data: T, expectedVersion = 0): Promise<StoredRecord<T>> {
      assertSingleton(resource);
      await ready();
      const slot = singletonSlotOf(resource);
      const now = iso();
      let createdAt: string | undefined;
      if (expectedVersion === 0) {
        const row = await sealEntry(
          userId,
          dataKey,
          1,
          { r: resource },
          { r: resource, c: now, u: now, v: data },
        );
        try {
          await writeAndBump((trx) => trx.insertInto('entries').values(row).returning('slot'));
          createdAt = now;
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
        }
      } else {
        const current = await read(slot);
        if (current?.version === expectedVersion) {
          const row = await sealEntry(
            userId,
            dataKey,
            expectedVersion + 1,
            { r: resource },
            { r: resource, c: current.data.c, u: now, v: data },
          );
          if (await replaceAt(slot, expectedVersion, row)) createdAt = current.data.c;
        }
      }
      if (createdAt === undefined) {
        throw new ConflictError(resource, resource, expectedVersion, await currentVersion(slot));
      }
      return { id: resource, version: expectedVersion + 1, createdAt, updatedAt: now, data };
    },

    async deleteSingleton(resource: string): Promise<boolean> {
      assertSingleton(resource);
      await ready();
      const slot = singletonSlotOf(resource);
      const rows = await writeAndBump((trx) =>
        trx.deleteFrom('entries').where('user_id', '=', userId).where('slot', '=', slot).returning('slot'),
      );
      return rows.length > 0;
    },

    async loadAll(): Promise<JournalContents> {
      await ready();
      const rows = await allRows();
      const contents: JournalContents = { collections: {}, singletons: {} };
      for (const name of COLLECTION_NAMES) contents.collections[name] = [];
      for (const name of SINGLETON_NAMES) contents.singletons[name] = null;
      // Only the data envelope is opened: it names its resource, and a collection record's
      // sort key is computed again from its content (it is a function of it).
      // Opened in slices with a turn of the event loop between them, so a journey of
      // 100,000 records does not keep every other request waiting for seconds.
      const opened: Awaited<ReturnType<typeof openData>>[] = [];
      for (let i = 0; i < rows.length; i += YIELD_EVERY) {
        if (i > 0) await yieldToEventLoop();
        opened.push(
          ...(await Promise.all(rows.slice(i, i + YIELD_EVERY).map((row) => openData(dataKey, userId, row)))),
        );
      }
      const sorted: Record<string, { s: string; i: string; record: StoredRecord }[]> = {};
      for (let n = 0; n < opened.length; n++) {
        if (n > 0 && n % YIELD_EVERY === 0) await yieldToEventLoop();
        const data = opened[n]!;
        const record: StoredRecord = {
          id: data.r,
          version: Number(rows[n]!.version),
          createdAt: data.c,
          updatedAt: data.u,
          data: data.v,
        };
        if (isCollection(data.r)) {
          const id = (data.v as { id: string }).id;
          const items = sorted[data.r] ?? [];
          items.push({ s: sortKey(data.r, data.v), i: id, record: { ...record, id } });
          sorted[data.r] = items;
        } else {
          contents.singletons[data.r] = record;
        }
      }
      for (const [resource, items] of Object.entries(sorted)) {
        contents.collections[resource] = items.sort(newestFirst).map((item) => item.record);
      }
      return contents;
    },

    async replaceAll(contents: JournalImport): Promise<void> {
      for (const name of Object.keys(contents.collections)) assertCollection(name);
      for (const name of Object.keys(contents.singletons)) assertSingleton(name);
      await ready();
      const now = iso();
      // Encrypt everything before opening the transaction, so it stays short.
      const rows: Database['entries'][] = [];
      for (const [resource, items] of Object.entries(contents.collections)) {
        for (const item of items ?? []) {
          if (rows.length % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
          const given = (item as { id?: unknown } | null)?.id;
          if (typeof given !== 'string' || given === '') {
            throw new StoreError(`every ${resource} record needs a string id`);
          }
          const content = withId(item, given);
          rows.push(
            await sealEntry(
              userId,
              dataKey,
              1,
              { r: resource, i: given, s: sortKey(resource as CollectionName, content) },
              { r: resource, c: now, u: now, v: content },
            ),
          );
        }
      }
      for (const [resource, value] of Object.entries(contents.singletons)) {
        if (value === null || value === undefined) continue;
        rows.push(
          await sealEntry(userId, dataKey, 1, { r: resource }, { r: resource, c: now, u: now, v: value }),
        );
      }
      try {
        await db.transaction().execute(async (trx) => {
          await trx.deleteFrom('entries').where('user_id', '=', userId).execute();
          await insertChunked(trx, rows);
          await bump(trx);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateError('two records of the same kind share an id');
        throw error;
      }
    },

    async dataVersion(): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select('data_version')
        .where('id', '=', userId)
        .executeTakeFirst();
      return row ? Number(row.data_version) : 0;
    },
  };
  return journal;
}
