/**
 * The store implementation: accounts, sessions, login throttle and the user-scoped,
 * encrypted journal, over either database (see dialect.ts for the one place they differ).
 */
import { type Compilable, type Kysely, sql, type Transaction } from 'kysely';
import { aadFor, decryptText, encryptText, getRandomValues, sha256 } from './crypto.js';
import { connect, defaultDataDir, isUniqueViolation } from './dialect.js';
import {
  ConflictError,
  DuplicateError,
  InvalidCursorError,
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
  ListOptions,
  MigrationStatus,
  NewSession,
  NewUser,
  OpenStoreOptions,
  Page,
  Session,
  Store,
  StoredRecord,
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
  });
  const { db } = connection;
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

  async function migrate(): Promise<AppliedMigration[]> {
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
        if (doneIds.has(migration.id)) continue;
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
    return db.transaction().execute(async (trx) => {
      // Explicit deletes rather than trusting cascades alone: "every row gone" must hold
      // even on a SQLite connection opened without foreign_keys.
      await trx.deleteFrom('records').where('user_id', '=', userId).execute();
      await trx.deleteFrom('singletons').where('user_id', '=', userId).execute();
      await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
      await trx.deleteFrom('login_throttle').where('key_hash', '=', accountKey).execute();
      const result = await trx.deleteFrom('users').where('id', '=', userId).executeTakeFirst();
      return result.numDeletedRows > 0n;
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

  function throttleHash(key: string): Promise<string> {
    return sha256(webCrypto, key);
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

  function journal(userId: string, dataKey: DataKey): Journal {
    return createJournal({ db, kind: connection.kind, userId, dataKey, newId, iso });
  }

  return {
    kind: connection.kind,
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
// journal

/** Records decrypted or encrypted between two turns of the event loop in bulk work. */
const YIELD_EVERY = 500;
/** Rows read per query when loading a whole journal. */
const LOAD_PAGE = 2_000;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

interface JournalDeps {
  db: Kysely<Database>;
  kind: Store['kind'];
  userId: string;
  dataKey: DataKey;
  newId: () => string;
  iso: () => string;
}

const recordAad = (userId: string, resource: string, id: string) =>
  aadFor('records', 'data', `${userId}/${resource}/${id}`);
const singletonAad = (userId: string, resource: string) =>
  aadFor('singletons', 'data', `${userId}/${resource}`);

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

function createJournal({ db, kind, userId, dataKey, newId, iso }: JournalDeps): Journal {
  const seal = (plain: unknown, aad: string) => encryptText(webCrypto, dataKey, JSON.stringify(plain), aad);
  const open = async <T>(envelope: string, aad: string) =>
    JSON.parse(await decryptText(dataKey, envelope, aad)) as T;

  async function bump(trx: Db): Promise<void> {
    await trx
      .updateTable('users')
      .set((eb) => ({ data_version: eb('data_version', '+', 1) }))
      .where('id', '=', userId)
      .execute();
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
      const { rows } = await sql<O>`with w as (${write(db)}), b as (
        update users set data_version = data_version + 1
        where id = ${userId} and exists (select 1 from w)
      ) select * from w`.execute(db);
      return rows;
    }
    return db.transaction().execute(async (trx) => {
      const rows = await write(trx).execute();
      if (rows.length > 0) await bump(trx);
      return rows;
    });
  }

  async function toRecord<T>(
    row: Omit<Database['records'], 'user_id' | 'sort_at'>,
  ): Promise<StoredRecord<T>> {
    return {
      id: row.id,
      version: Number(row.version),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      data: await open<T>(row.data, recordAad(userId, row.resource, row.id)),
    };
  }

  async function toSingleton<T>(row: Omit<Database['singletons'], 'user_id'>): Promise<StoredRecord<T>> {
    return {
      id: row.resource,
      version: Number(row.version),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      data: await open<T>(row.data, singletonAad(userId, row.resource)),
    };
  }

  async function currentVersion(resource: string, id: string): Promise<number | null> {
    const row = await db
      .selectFrom('records')
      .select('version')
      .where('user_id', '=', userId)
      .where('resource', '=', resource)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? Number(row.version) : null;
  }

  const journal: Journal = {
    userId,

    async list<T>(resource: string, options: ListOptions = {}): Promise<Page<T>> {
      assertCollection(resource);
      const limit = Math.min(
        MAX_PAGE,
        Math.max(1, Math.trunc(options.limit ?? DEFAULT_PAGE) || DEFAULT_PAGE),
      );
      let query = db
        .selectFrom('records')
        .select(['resource', 'id', 'version', 'sort_at', 'created_at', 'updated_at', 'data'])
        .where('user_id', '=', userId)
        .where('resource', '=', resource);
      if (options.cursor) {
        const { sortAt, id } = decodeCursor(options.cursor);
        query = query.where((eb) =>
          eb.or([eb('sort_at', '<', sortAt), eb.and([eb('sort_at', '=', sortAt), eb('id', '<', id)])]),
        );
      }
      const rows = await query
        .orderBy('sort_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: await Promise.all(page.map((row) => toRecord<T>(row))),
        nextCursor: rows.length > limit && last ? encodeCursor(last.sort_at, last.id) : null,
      };
    },

    async count(resource: string): Promise<number> {
      assertCollection(resource);
      const row = await db
        .selectFrom('records')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', userId)
        .where('resource', '=', resource)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async idsOnSameDate(resource: string, data: unknown): Promise<string[]> {
      assertCollection(resource);
      const key = sortKey(resource, data);
      if (key === '') return [];
      const rows = await db
        .selectFrom('records')
        .select('id')
        .where('user_id', '=', userId)
        .where('resource', '=', resource)
        .where('sort_at', '=', key)
        .execute();
      return rows.map((r) => r.id);
    },

    async get<T>(resource: string, id: string): Promise<StoredRecord<T> | null> {
      assertCollection(resource);
      const row = await db
        .selectFrom('records')
        .select(['resource', 'id', 'version', 'created_at', 'updated_at', 'data'])
        .where('user_id', '=', userId)
        .where('resource', '=', resource)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toRecord<T>(row) : null;
    },

    async create<T>(resource: string, data: T, options: { id?: string } = {}): Promise<StoredRecord<T>> {
      assertCollection(resource);
      const given = (data as { id?: unknown } | null)?.id;
      const id = options.id ?? (typeof given === 'string' && given !== '' ? given : newId());
      const content = withId(data, id);
      const now = iso();
      const envelope = await seal(content, recordAad(userId, resource, id));
      try {
        await writeAndBump((trx) =>
          trx
            .insertInto('records')
            .values({
              user_id: userId,
              resource,
              id,
              version: 1,
              sort_at: sortKey(resource, content),
              created_at: now,
              updated_at: now,
              data: envelope,
            })
            .returning('id'),
        );
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
      const content = withId(data, id);
      const now = iso();
      const envelope = await seal(content, recordAad(userId, resource, id));
      // The version check and the write are one statement: no lost update between them.
      const [updated] = await writeAndBump((trx) =>
        trx
          .updateTable('records')
          .set({
            data: envelope,
            version: expectedVersion + 1,
            updated_at: now,
            sort_at: sortKey(resource, content),
          })
          .where('user_id', '=', userId)
          .where('resource', '=', resource)
          .where('id', '=', id)
          .where('version', '=', expectedVersion)
          .returning(['created_at']),
      );
      if (!updated) {
        const actual = await currentVersion(resource, id);
        if (actual === null) throw new NotFoundError(resource, id);
        throw new ConflictError(resource, id, expectedVersion, actual);
      }
      return {
        id,
        version: expectedVersion + 1,
        createdAt: updated.created_at,
        updatedAt: now,
        data: content as T,
      };
    },

    async delete(resource: string, id: string, expectedVersion?: number): Promise<boolean> {
      assertCollection(resource);
      const rows = await writeAndBump((trx) => {
        const query = trx
          .deleteFrom('records')
          .where('user_id', '=', userId)
          .where('resource', '=', resource)
          .where('id', '=', id)
          .returning('id');
        return expectedVersion === undefined ? query : query.where('version', '=', expectedVersion);
      });
      const deleted = rows.length > 0;
      if (!deleted && expectedVersion !== undefined) {
        const actual = await currentVersion(resource, id);
        if (actual !== null) throw new ConflictError(resource, id, expectedVersion, actual);
      }
      return deleted;
    },

    async getSingleton<T>(resource: string): Promise<StoredRecord<T> | null> {
      assertSingleton(resource);
      const row = await db
        .selectFrom('singletons')
        .select(['resource', 'version', 'created_at', 'updated_at', 'data'])
        .where('user_id', '=', userId)
        .where('resource', '=', resource)
        .executeTakeFirst();
      return row ? toSingleton<T>(row) : null;
    },

    async putSingleton<T>(resource: string, data: T, expectedVersion = 0): Promise<StoredRecord<T>> {
      assertSingleton(resource);
      const now = iso();
      const envelope = await seal(data, singletonAad(userId, resource));
      let result: { createdAt: string } | undefined;
      if (expectedVersion === 0) {
        try {
          await writeAndBump((trx) =>
            trx
              .insertInto('singletons')
              .values({
                user_id: userId,
                resource,
                version: 1,
                created_at: now,
                updated_at: now,
                data: envelope,
              })
              .returning('resource'),
          );
          result = { createdAt: now };
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
        }
      } else {
        const [row] = await writeAndBump((trx) =>
          trx
            .updateTable('singletons')
            .set({ data: envelope, version: expectedVersion + 1, updated_at: now })
            .where('user_id', '=', userId)
            .where('resource', '=', resource)
            .where('version', '=', expectedVersion)
            .returning(['created_at']),
        );
        if (row) result = { createdAt: row.created_at };
      }
      if (!result) {
        const current = await db
          .selectFrom('singletons')
          .select('version')
          .where('user_id', '=', userId)
          .where('resource', '=', resource)
          .executeTakeFirst();
        throw new ConflictError(
          resource,
          resource,
          expectedVersion,
          current ? Number(current.version) : null,
        );
      }
      return {
        id: resource,
        version: expectedVersion + 1,
        createdAt: result.createdAt,
        updatedAt: now,
        data,
      };
    },

    async deleteSingleton(resource: string): Promise<boolean> {
      assertSingleton(resource);
      const rows = await writeAndBump((trx) =>
        trx
          .deleteFrom('singletons')
          .where('user_id', '=', userId)
          .where('resource', '=', resource)
          .returning('resource'),
      );
      return rows.length > 0;
    },

    async loadAll(): Promise<JournalContents> {
      // All descending, so each page is a backward walk of the records_order index (no sort),
      // and pages continue from the last row seen (keyset) rather than counting rows again.
      const page = (after: { resource: string; sort_at: string; id: string } | null, limit = LOAD_PAGE) =>
        db
          .selectFrom('records')
          .select(['resource', 'sort_at', 'id', 'version', 'created_at', 'updated_at', 'data'])
          .where('user_id', '=', userId)
          .$if(after !== null, (q) =>
            q.where((eb) =>
              eb(
                eb.refTuple('resource', 'sort_at', 'id'),
                '<',
                eb.tuple(after!.resource, after!.sort_at, after!.id),
              ),
            ),
          )
          .orderBy('resource', 'desc')
          .orderBy('sort_at', 'desc')
          .orderBy('id', 'desc')
          .limit(limit)
          .execute();
      const version = async () =>
        Number(
          (await db.selectFrom('users').select('data_version').where('id', '=', userId).executeTakeFirst())
            ?.data_version ?? 0,
        );
      // Read in pages with a turn of the event loop between them (100,000 rows at once hold
      // the process for a second or more). Pages are only consistent if nothing was written
      // meanwhile: the data version says so, else read again; the third time, in one query.
      let records: Awaited<ReturnType<typeof page>> = [];
      for (let attempt = 1; ; attempt++) {
        if (attempt === 3) {
          records = await page(null, Number.MAX_SAFE_INTEGER);
          break;
        }
        const before = await version();
        records = [];
        for (let rows = await page(null); ; rows = await page(records.at(-1)!)) {
          records.push(...rows);
          if (rows.length < LOAD_PAGE) break;
          await yieldToEventLoop();
        }
        if ((await version()) === before) break;
      }
      const singletons = await db
        .selectFrom('singletons')
        .select(['resource', 'version', 'created_at', 'updated_at', 'data'])
        .where('user_id', '=', userId)
        .execute();
      const contents: JournalContents = { collections: {}, singletons: {} };
      for (const name of COLLECTION_NAMES) contents.collections[name] = [];
      for (const name of SINGLETON_NAMES) contents.singletons[name] = null;
      // Decrypted in slices with a turn of the event loop between them, so a journey of
      // 100,000 records does not keep every other request waiting for seconds.
      const decrypted: StoredRecord<unknown>[] = [];
      for (let i = 0; i < records.length; i += YIELD_EVERY) {
        if (i > 0) await yieldToEventLoop();
        decrypted.push(...(await Promise.all(records.slice(i, i + YIELD_EVERY).map((row) => toRecord(row)))));
      }
      records.forEach((row, i) => {
        contents.collections[row.resource]?.push(decrypted[i]!);
      });
      for (const row of singletons) contents.singletons[row.resource] = await toSingleton(row);
      return contents;
    },

    async replaceAll(contents: JournalImport): Promise<void> {
      for (const name of Object.keys(contents.collections)) assertCollection(name);
      for (const name of Object.keys(contents.singletons)) assertSingleton(name);
      const now = iso();
      // Encrypt everything before opening the transaction, so it stays short.
      const recordRows: Database['records'][] = [];
      for (const [resource, items] of Object.entries(contents.collections)) {
        for (const item of items ?? []) {
          if (recordRows.length % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
          const given = (item as { id?: unknown } | null)?.id;
          if (typeof given !== 'string' || given === '') {
            throw new StoreError(`every ${resource} record needs a string id`);
          }
          const content = withId(item, given);
          recordRows.push({
            user_id: userId,
            resource,
            id: given,
            version: 1,
            sort_at: sortKey(resource as CollectionName, content),
            created_at: now,
            updated_at: now,
            data: await seal(content, recordAad(userId, resource, given)),
          });
        }
      }
      const singletonRows: Database['singletons'][] = [];
      for (const [resource, value] of Object.entries(contents.singletons)) {
        if (value === null || value === undefined) continue;
        singletonRows.push({
          user_id: userId,
          resource,
          version: 1,
          created_at: now,
          updated_at: now,
          data: await seal(value, singletonAad(userId, resource)),
        });
      }
      try {
        await db.transaction().execute(async (trx) => {
          await trx.deleteFrom('records').where('user_id', '=', userId).execute();
          await trx.deleteFrom('singletons').where('user_id', '=', userId).execute();
          for (let i = 0; i < recordRows.length; i += INSERT_CHUNK) {
            await trx
              .insertInto('records')
              .values(recordRows.slice(i, i + INSERT_CHUNK))
              .execute();
          }
          if (singletonRows.length > 0) await trx.insertInto('singletons').values(singletonRows).execute();
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
