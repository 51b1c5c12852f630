/**
 * The one module where SQLite and PostgreSQL differ: how to connect, how each reports a
 * unique violation, how to serialise migrations between processes, and SQLite's pragmas.
 * Everything else in src/store/ is portable Kysely.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
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
  /**
   * After an account is deleted: makes what the database keeps on disk forget it as far as
   * the database can. SQLite copies the write-ahead log (which still holds the deleted rows'
   * old pages) into the file, whose freed space secure_delete has zeroed, and truncates the
   * log; PostgreSQL keeps dead rows until VACUUM (see README), so there is nothing to do here.
   */
  forgetDeleted(): Promise<void>;
}

export interface ConnectOptions {
  url?: string | undefined;
  dataDir?: string | undefined;
  pglite?: unknown;
  poolSize?: number | undefined;
  /** SQLite synchronous level; see `connectSqlite`. */
  sqliteSync?: 'normal' | 'full' | undefined;
  /** SQLite: checkpoint the WAL from a worker thread; see `startCheckpointer`. */
  backgroundCheckpoints?: boolean | undefined;
  /** A reader's own connection; see OpenStoreOptions.readonly. */
  readonly?: boolean | undefined;
}

/** `${OLIVE_DATA_DIR:-./data}`, resolved against the working directory. */
export function defaultDataDir(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.OLIVE_DATA_DIR || './data');
}

/** The SQLite file inside a data directory. */
export function sqliteFile(dataDir: string): string {
  return join(dataDir, 'olive.db');
}

/**
 * Makes `dir` (and any parent it creates) a directory only its owner can enter: created
 * 0700, and an existing one stripped of group and world access, since it holds the
 * database and its backups.
 *
 * @example
 * ensurePrivateDir('/srv/olive') // drwx------
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const mode = statSync(dir).mode & 0o777;
  if ((mode & 0o077) !== 0) chmodSync(dir, mode & 0o700);
}

/**
 * Creates `file` empty and 0600 when it is missing (SQLite accepts an empty file as an
 * empty database), and makes an existing one 0600. SQLite gives the write-ahead log and
 * shared-memory files it creates the database file's permissions, so they follow.
 *
 * @example
 * ensurePrivateFile('/srv/olive/olive.db') // -rw-------
 */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(f) && (statSync(f).mode & 0o077) !== 0) chmodSync(f, 0o600);
  }
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
    const max = options.readonly ? 1 : (options.poolSize ?? 10);
    const pool = new pg.Pool({ connectionString: options.url, max });
    return postgres(new PostgresDialect({ pool }));
  }
  const dataDir = options.dataDir ?? defaultDataDir();
  if (options.readonly) return readSqlite(dataDir);
  return connectSqlite(dataDir, options.sqliteSync ?? 'normal', options.backgroundCheckpoints ?? false);
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
    forgetDeleted: async () => {},
  };
}

async function connectSqlite(
  dataDir: string,
  sync: 'normal' | 'full',
  backgroundCheckpoints: boolean,
): Promise<Connection> {
  const { default: SQLite } = await import('better-sqlite3');
  const memory = dataDir === ':memory:';
  let file: string | null = null;
  if (!memory) {
    ensurePrivateDir(dataDir);
    file = sqliteFile(dataDir);
    ensurePrivateFile(file);
  }
  const database = new SQLite(file ?? ':memory:');
  database.pragma('journal_mode = WAL');
  // Deleted rows are overwritten with zeros, not merely unlinked: a deleted account's email
  // and ids must not stay readable in the file's free space.
  database.pragma('secure_delete = ON');
  // Durability choice: in WAL mode, synchronous=NORMAL keeps every committed transaction
  // through a process crash (SIGKILL) and never corrupts the file; only a power cut or
  // kernel crash can lose the last commits. FULL (OLIVE_SQLITE_SYNC=full) also survives
  // power loss at the cost of an fsync per commit.
  database.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const checkpointer = file && backgroundCheckpoints ? startCheckpointer(database, file, sync) : null;
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(database, () => checkpointer?.stop()) }),
  });
  return {
    kind: 'sqlite',
    db,
    file,
    // Kysely's SQLite transactions run on the single connection; across processes the
    // first write takes SQLite's own write lock, which busy_timeout waits on.
    lockForMigration: async () => {},
    forgetDeleted: async () => {
      if (!file) return;
      // Through Kysely, so it waits for any transaction on this connection to finish. A
      // checkpoint that finds another process reading the log copies what it can and leaves
      // the log in place (busy = 1); a few tries, then the next delete or restart finishes it.
      for (let attempt = 0; attempt < 3; attempt++) {
        const { rows } = await sql<{ busy: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(db);
        if (Number(rows[0]?.busy ?? 0) === 0) return;
      }
    },
  };
}

/**
 * A read-only connection to an existing SQLite file, for a worker thread that reads a whole
 * journey while the server's own connection keeps answering (WAL: readers never wait for
 * the writer). It changes nothing: no pragma that writes, no file created or chmodded.
 */
async function readSqlite(dataDir: string): Promise<Connection> {
  const { default: SQLite } = await import('better-sqlite3');
  const database = new SQLite(sqliteFile(dataDir), { readonly: true, fileMustExist: true });
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return {
    kind: 'sqlite',
    db,
    file: sqliteFile(dataDir),
    lockForMigration: async () => {
      throw new Error('a read-only connection cannot migrate');
    },
    forgetDeleted: async () => {},
  };
}

/** How often the background checkpointer copies the WAL back into the database file. */
const CHECKPOINT_EVERY_MS = 200;
/** SQLite's own default: a commit that leaves the WAL this long (in pages) checkpoints. */
const DEFAULT_AUTOCHECKPOINT = 1000;
/**
 * With the checkpointer running, the main connection checkpoints only past this many pages
 * (40 MB): a safety net the worker keeps the WAL far below, and which bounds the WAL even
 * when writes never pause long enough for a background checkpoint to catch up.
 */
const SAFETY_NET_AUTOCHECKPOINT = 10_000;

/**
 * The checkpointer thread's code (CommonJS, run with `eval`, so it needs no file of its own
 * in src/ or dist/): its own connection, PASSIVE checkpoints on a timer (they never wait
 * for, nor block, readers and writers; busy_timeout 0 so it never sleeps on a lock), and
 * one last checkpoint and a clean close when told to stop.
 */
const CHECKPOINTER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
db.pragma('synchronous = ' + workerData.synchronous);
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or closing: the next tick retries */ }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/**
 * Moves SQLite's WAL checkpoints off the event loop. By default whichever commit crosses
 * 1,000 WAL pages copies them into the database file and fsyncs it, inside the request:
 * measured here, a 6-9 ms stall every ~250 writes, and half of an average commit's cost. A
 * worker thread with its own connection checkpoints every CHECKPOINT_EVERY_MS instead; if
 * it cannot run, commits checkpoint as before. `stop()` lets it finish and close.
 */
function startCheckpointer(
  database: BetterSqlite3.Database,
  file: string,
  sync: 'normal' | 'full',
): { stop(): void } {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(CHECKPOINTER_SOURCE, {
    eval: true,
    workerData: {
      driver,
      file,
      synchronous: sync === 'full' ? 'FULL' : 'NORMAL',
      everyMs: CHECKPOINT_EVERY_MS,
    },
  });
  worker.unref();
  worker.on('error', () => {
    if (database.open) database.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT}`);
  });
  database.pragma(`wal_autocheckpoint = ${SAFETY_NET_AUTOCHECKPOINT}`);
  return { stop: () => worker.postMessage('stop') };
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
function withStatementCache(database: BetterSqlite3.Database, beforeClose: () => void): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      beforeClose();
      database.close();
    },
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
