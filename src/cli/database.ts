/**
 * Where the server and the data commands find the database: `DATABASE_URL` (PostgreSQL)
 * when set, else the SQLite file in `OLIVE_DATA_DIR` (default ./data). One place, so
 * `olive serve`, `olive migrate` and `olive export` never disagree.
 */
import { existsSync } from 'node:fs';
import { isPostgresUrl } from '../store/dialect.js';
import { defaultDataDir, openStore, type Store, sqliteFile } from '../store/index.js';
import { UsageError } from './usage.js';

export interface DatabaseTarget {
  kind: 'sqlite' | 'postgres';
  /** The PostgreSQL URL, or null for SQLite. */
  url: string | null;
  /** The SQLite data directory (also set for PostgreSQL, unused there). */
  dataDir: string;
  /** The SQLite file, or null for PostgreSQL. */
  file: string | null;
}

/**
 * Reads the target from the environment; a malformed DATABASE_URL is a usage error.
 *
 * @example
 * databaseTarget({ OLIVE_DATA_DIR: '/srv/olive' }) // { kind: 'sqlite', file: '/srv/olive/olive.db', … }
 */
export function databaseTarget(env: Record<string, string | undefined>): DatabaseTarget {
  const dataDir = defaultDataDir(env);
  const url = env.DATABASE_URL?.trim() || null;
  if (url !== null) {
    if (!isPostgresUrl(url)) {
      throw new UsageError(
        'DATABASE_URL must start with postgres:// or postgresql:// (leave it unset for the embedded SQLite file)',
      );
    }
    return { kind: 'postgres', url, dataDir, file: null };
  }
  return { kind: 'sqlite', url: null, dataDir, file: sqliteFile(dataDir) };
}

/** A printable name for the target that never shows a password in the URL. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'sqlite') return `SQLite ${target.file}`;
  try {
    const u = new URL(target.url!);
    return `PostgreSQL ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

/**
 * Opens the store. `create: false` refuses a SQLite data directory that has no database
 * yet (a typo in OLIVE_DATA_DIR should not look like an empty database).
 */
export async function openTarget(
  target: DatabaseTarget,
  options: { create: boolean; backgroundCheckpoints?: boolean },
): Promise<Store> {
  if (target.kind === 'sqlite' && !options.create && !existsSync(target.file!)) {
    throw new Error(
      `no database at ${target.file}: set OLIVE_DATA_DIR to the folder that holds olive.db, or run 'olive serve' once`,
    );
  }
  try {
    return await openStore(
      target.kind === 'postgres'
        ? { url: target.url! }
        : { dataDir: target.dataDir, backgroundCheckpoints: options.backgroundCheckpoints ?? false },
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`could not open ${describeTarget(target)}: ${reason}`);
  }
}
