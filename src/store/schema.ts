/**
 * The database schema as Kysely types, and the one migration list (statically imported,
 * applied in order, recorded in `olive_migrations`). Actual Budget style: `schema.test.ts`
 * fails when a migrated database drifts from `SCHEMA_COLUMNS`, and TypeScript fails when
 * `SCHEMA_COLUMNS` drifts from these interfaces, so all three move together.
 *
 * Portable on purpose: only TEXT and INTEGER columns; instants are UTC ISO strings
 * (`Date#toISOString`), whose string order is time order in both databases.
 */
import type { Kysely } from 'kysely';

export interface MigrationsTable {
  id: number;
  name: string;
  applied_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  kdf_salt: string;
  /** JSON of KdfParams. */
  kdf_params: string;
  /** Envelope (crypto.ts) of the data key under the password KEK. */
  wrapped_key: string;
  /** Bumped in the same transaction as every journal write: a cross-process cache validator. */
  data_version: number;
  /**
   * Which data key is current, as a keyed value only that key reproduces (crypto.ts
   * `keyCheckOf`): journal writes check it in the same statement, so a write still holding
   * a key replaced by a rotation fails instead of landing unreadable. Null until first use.
   */
  key_check: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  wrapped_key: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  label: string | null;
}

export interface LoginThrottleTable {
  /** SHA-256 of e.g. `account:ana@example.org`: no raw emails or addresses at rest. */
  key_hash: string;
  failures: number;
  first_failure_at: string;
  last_failure_at: string;
  blocked_until: string | null;
}

/**
 * A journal row as the first release wrote it (migration 1): resource name and times in
 * clear. Kept only until its owner's key converts it into `entries` (store.ts
 * `convertLegacyJournal`); nothing writes here any more. Migration 2 dropped `sort_at`.
 */
export interface RecordsTable {
  user_id: string;
  resource: string;
  id: string;
  version: number;
  created_at: string;
  updated_at: string;
  /** Envelope of the whole record's JSON; AAD names user, resource and id. */
  data: string;
}

/** A first-release singleton row, awaiting conversion like `records`. */
export interface SingletonsTable {
  user_id: string;
  resource: string;
  version: number;
  created_at: string;
  updated_at: string;
  data: string;
}

/**
 * One journal record or singleton. A dump shows whose it is, a version counter and two
 * padded ciphertexts: how many records a person has and their rough sizes, nothing about
 * what kind they are or when anything happened.
 */
export interface EntriesTable {
  user_id: string;
  /**
   * Where the row lives: HMAC-SHA256 under a key derived from the person's data key, of
   * the resource name and record id (crypto.ts `journalSlot`). Only that key finds a record
   * by kind and id, or maps a slot back to either.
   */
  slot: string;
  version: number;
  /** Envelope of `{ r: resource, i: id, s: sort key }` (collections) or `{ r }` (singletons): what listing reads. */
  meta: string;
  /** Envelope of `{ r: resource, c: createdAt, u: updatedAt, v: the record }`. */
  data: string;
}

export interface Database {
  olive_migrations: MigrationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  records: RecordsTable;
  singletons: SingletonsTable;
  entries: EntriesTable;
}

type ColumnKind = 'text' | 'integer';

/** Every column and its portable type. Checked against the interfaces (tsc) and the database (test). */
export const SCHEMA_COLUMNS = {
  olive_migrations: { id: 'integer', name: 'text', applied_at: 'text' },
  users: {
    id: 'text',
    email: 'text',
    password_hash: 'text',
    kdf_salt: 'text',
    kdf_params: 'text',
    wrapped_key: 'text',
    data_version: 'integer',
    created_at: 'text',
    updated_at: 'text',
    key_check: 'text',
  },
  sessions: {
    token_hash: 'text',
    user_id: 'text',
    wrapped_key: 'text',
    created_at: 'text',
    last_seen_at: 'text',
    expires_at: 'text',
    label: 'text',
  },
  login_throttle: {
    key_hash: 'text',
    failures: 'integer',
    first_failure_at: 'text',
    last_failure_at: 'text',
    blocked_until: 'text',
  },
  records: {
    user_id: 'text',
    resource: 'text',
    id: 'text',
    version: 'integer',
    created_at: 'text',
    updated_at: 'text',
    data: 'text',
  },
  singletons: {
    user_id: 'text',
    resource: 'text',
    version: 'integer',
    created_at: 'text',
    updated_at: 'text',
    data: 'text',
  },
  entries: { user_id: 'text', slot: 'text', version: 'integer', meta: 'text', data: 'text' },
} as const satisfies { [T in keyof Database]: { [C in keyof Database[T]]-?: ColumnKind } };

export interface Migration {
  id: number;
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

/** The migration list. Append only: never edit or reorder a migration that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'accounts, sessions, login throttle, encrypted journal records',
    async up(db) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('kdf_salt', 'text', (c) => c.notNull())
        .addColumn('kdf_params', 'text', (c) => c.notNull())
        .addColumn('wrapped_key', 'text', (c) => c.notNull())
        .addColumn('data_version', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('wrapped_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('label', 'text')
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
      await db.schema.createIndex('sessions_expiry').on('sessions').column('expires_at').execute();
      await db.schema
        .createTable('login_throttle')
        .addColumn('key_hash', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('first_failure_at', 'text', (c) => c.notNull())
        .addColumn('last_failure_at', 'text', (c) => c.notNull())
        .addColumn('blocked_until', 'text')
        .execute();
      await db.schema
        .createTable('records')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('resource', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('sort_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('records_pk', ['user_id', 'resource', 'id'])
        .execute();
      // Newest-first keyset pagination walks this index backwards.
      await db.schema
        .createIndex('records_order')
        .on('records')
        .columns(['user_id', 'resource', 'sort_at', 'id'])
        .execute();
      await db.schema
        .createTable('singletons')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('resource', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('singletons_pk', ['user_id', 'resource'])
        .execute();
    },
  },
  {
    id: 2,
    name: 'journal entries: kinds and times inside the ciphertext, rows found by keyed slots',
    // Without anyone's key a migration cannot compute slots or encrypt times, so this one
    // makes the new table and drops what can go without a key (sort_at is recomputed from
    // the decrypted record); each person's first-release rows move into `entries` the
    // first time their key is unlocked (store.ts convertLegacyJournal), in one transaction.
    async up(db) {
      await db.schema
        .createTable('entries')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('slot', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('meta', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('entries_pk', ['user_id', 'slot'])
        .execute();
      await db.schema.alterTable('users').addColumn('key_check', 'text').execute();
      await db.schema.dropIndex('records_order').execute();
      await db.schema.alterTable('records').dropColumn('sort_at').execute();
    },
  },
];

/** The highest migration this code knows. */
export const LATEST_MIGRATION = MIGRATIONS.reduce((max, m) => Math.max(max, m.id), 0);

/** Creates the bookkeeping table itself (idempotent; not a numbered migration). */
export async function ensureMigrationsTable(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('olive_migrations')
    .ifNotExists()
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
}
