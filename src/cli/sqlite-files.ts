/**
 * Backup and restore work on whole SQLite files through SQLite's online backup API, so a
 * running server can keep writing during a backup and the copy is still consistent.
 * PostgreSQL has its own tools (pg_dump, pg_restore) and is refused with that advice.
 */
import { existsSync, statSync } from 'node:fs';
import { ensurePrivateFile } from '../store/dialect.js';
import { LATEST_MIGRATION } from '../store/schema.js';
import type { DatabaseTarget } from './database.js';

type SQLiteDatabase = import('better-sqlite3').Database;

/** Ciphertext is useless without passwords; say so whenever a file is written. */
export const BACKUP_NOTE =
  'Private text stays encrypted inside; each person still needs their own password to read it.';

export function requireSqlite(target: DatabaseTarget, what: string): string {
  if (target.kind !== 'sqlite') {
    throw new Error(
      `${what} works on the embedded SQLite database; for PostgreSQL use pg_dump and pg_restore (DATABASE_URL is set)`,
    );
  }
  return target.file!;
}

export async function openSqlite(file: string, readonly: boolean): Promise<SQLiteDatabase> {
  const { default: SQLite } = await import('better-sqlite3');
  return new SQLite(file, { readonly, fileMustExist: true });
}

/**
 * Checks that `file` is an intact Olive Branch database this code can run; returns its
 * migration level. Throws one clear sentence otherwise.
 */
export async function verifyOliveDatabase(file: string): Promise<number> {
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  if (!statSync(file).isFile()) throw new Error(`${file} is not a file`);
  let db: SQLiteDatabase;
  try {
    db = await openSqlite(file, true);
  } catch (error) {
    throw new Error(`${file} cannot be opened as SQLite: ${error instanceof Error ? error.message : error}`);
  }
  try {
    let integrity: string;
    try {
      integrity = String(db.pragma('integrity_check', { simple: true }));
    } catch {
      throw new Error(`${file} is not an SQLite database`);
    }
    if (integrity !== 'ok')
      throw new Error(`${file} is damaged (integrity check: ${integrity.slice(0, 200)})`);
    const table = db
      .prepare("select name from sqlite_master where type = 'table' and name = 'olive_migrations'")
      .get();
    if (!table) throw new Error(`${file} is an SQLite database, but not an Olive Branch one`);
    const row = db.prepare('select max(id) as level from olive_migrations').get() as { level: number | null };
    const level = row.level ?? 0;
    if (level > LATEST_MIGRATION) {
      throw new Error(
        `${file} was made by a newer Olive Branch (migration ${level}; this one knows up to ${LATEST_MIGRATION}): upgrade first`,
      );
    }
    return level;
  } finally {
    db.close();
  }
}

/**
 * Copies the live database `from` into `to` (a new or replaced file) with the backup API.
 * `to` is made 0600 before a byte is written: a backup holds what the database holds.
 */
export async function copyDatabase(from: string, to: string): Promise<void> {
  ensurePrivateFile(to);
  const source = await openSqlite(from, true);
  try {
    await source.backup(to);
  } finally {
    source.close();
  }
}

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
