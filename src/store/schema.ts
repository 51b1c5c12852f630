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

export interface RecordsTable {
  user_id: string;
  resource: string;
  id: string;
  version: number;
  /** The record's own date, normalised (see resources.ts sortKey): not free text. */
  sort_at: string;
  created_at: string;
  updated_at: string;
  /** v1 envelope of the whole record's JSON; AAD names user, resource and id. */
  data: string;
}

export interface SingletonsTable {
  user_id: string;
  resource: string;
  version: number;
  created_at: string;
  updated_at: string;
  data: string;
}

export interface Database {
  olive_migrations: MigrationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  records: RecordsTable;
  singletons: SingletonsTable;
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
    sort_at: 'text',
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
