/**
 * The one module where SQLite and PostgreSQL differ: how to connect, how each reports a
 * unique violation, how to serialise migrations between processes, and SQLite's pragmas.
 * Everything else in src/store/ is portable Kysely.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import {
  type Dialect,
  Kysely,
  PostgresDialect,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteStatement,
  sql,
  type Transaction,
} from 'kysely';
import { PGliteDialect, type PGliteLike } from './pglite.js';
import type { Database } from './schema.js';
import type { StoreKind } from './types.js';

export interface Connection {
  kind: StoreKind;
  db: Kysely<Database>;
  /** The SQLite file (null for PostgreSQL and in-memory SQLite). */
  file: string | null;
  /** Takes a lock that serialises migrations across processes, inside `trx`. */
  lockForMigration(trx: Transaction<Database>): Promise<void>;
}

export interface ConnectOptions {
  url?: string | undefined;
  dataDir?: string | undefined;
  pglite?: unknown;
  poolSize?: number | undefined;
  /** SQLite synchronous level; see `connectSqlite`. */
  sqliteSync?: 'normal' | 'full' | undefined;
}

/** `${OLIVE_DATA_DIR:-./data}`, resolved against the working directory. */
export function defaultDataDir(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.OLIVE_DATA_DIR || './data');
}

/** The SQLite file inside a data directory. */
export function sqliteFile(dataDir: string): string {
  return join(dataDir, 'olive.db');
}

/** True for a `postgres://` or `postgresql://` URL. */
export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url);
}

/** Opens the database the options select: PGlite instance, PostgreSQL URL, else SQLite. */
export async function connect(options: ConnectOptions): Promise<Connection> {
  if (options.pglite) return postgres(new PGliteDialect(options.pglite as PGliteLike));
  if (options.url !== undefined && options.url !== '') {
    if (!isPostgresUrl(options.url)) {
      throw new Error(
        'DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite file)',
      );
    }
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    return postgres(new PostgresDialect({ pool }));
  }
  return connectSqlite(options.dataDir ?? defaultDataDir(), options.sqliteSync ?? 'normal');
}

function postgres(dialect: Dialect): Connection {
  return {
    kind: 'postgres',
    db: new Kysely<Database>({ dialect }),
    file: null,
    // A transaction-scoped advisory lock: two server processes starting together migrate once.
    lockForMigration: async (trx) => {
      await sql`select pg_advisory_xact_lock(${7_305_194_021})`.execute(trx);
    },
  };
}

async function connectSqlite(dataDir: string, sync: 'normal' | 'full'): Promise<Connection> {
  const { default: SQLite } = await import('better-sqlite3');
  const memory = dataDir === ':memory:';
  let file: string | null = null;
  if (!memory) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    file = sqliteFile(dataDir);
  }
  const database = new SQLite(file ?? ':memory:');
  database.pragma('journal_mode = WAL');
  // Durability choice: in WAL mode, synchronous=NORMAL keeps every committed transaction
  // through a process crash (SIGKILL) and never corrupts the file; only a power cut or
  // kernel crash can lose the last commits. FULL (OLIVE_SQLITE_SYNC=full) also survives
  // power loss at the cost of an fsync per commit.
  database.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return {
    kind: 'sqlite',
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) }),
    file,
    // Kysely's SQLite transactions run on the single connection; across processes the
    // first write takes SQLite's own write lock, which busy_timeout waits on.
    lockForMigration: async () => {},
  };
}

/** How many distinct prepared statements one SQLite connection keeps. */
const STATEMENT_CACHE_SIZE = 512;

/**
 * Kysely prepares every query afresh; SQLite can reuse a prepared statement for the same
 * SQL with new parameters, and preparing is a good part of a small query's cost (a session
 * check, a version read). Statements are kept by their SQL text, the oldest dropped first.
 * Safe to share: better-sqlite3 runs one statement at a time on this connection, and the
 * store never streams (`iterate`), the one use that would keep a statement busy.
 */
function withStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      // Kysely opens transactions with a plain (deferred) BEGIN. With several server
      // processes on one file, a deferred transaction that reads and then writes fails at
      // once with SQLITE_BUSY when another process wrote in between (busy_timeout cannot
      // help). BEGIN IMMEDIATE takes the write lock up front and waits its turn instead.
      const text = sql === 'begin' ? 'begin immediate' : sql;
      const cached = statements.get(text);
      if (cached) return cached;
      const statement = database.prepare(text) as unknown as SqliteStatement;
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
      statements.set(text, statement);
      return statement;
    },
  };
}

/** True when a database error is a unique / primary-key violation (either database). */
export function isUniqueViolation(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
