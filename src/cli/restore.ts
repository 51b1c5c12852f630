/**
 * `olive restore FILE`: replaces the SQLite database with a backup, after checking the
 * backup is an intact Olive Branch database. The database it replaces is first kept as
 * olive.db.before-restore-<time> beside it, so a wrong restore can be undone.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensurePrivateDir } from '../store/dialect.js';
import { databaseTarget } from './database.js';
import { copyDatabase, requireSqlite, verifyOliveDatabase } from './sqlite-files.js';
import { type Command, parseCommand, UsageError } from './usage.js';

const HELP = `Usage: olive restore FILE [--force]

Replaces the database in OLIVE_DATA_DIR (default ./data) with the backup FILE.
Stop 'olive serve' first. The current database is kept as olive.db.before-restore-<time>.

  --force   replace a database that already exists (required when there is one)
`;

export const run: Command = async (argv, io) => {
  const args = parseCommand(argv, { force: { type: 'boolean' } }, true);
  if (args.flag('help')) {
    io.stdout.write(HELP);
    return 0;
  }
  if (args.positionals.length !== 1) throw new UsageError('give exactly one backup FILE to restore');
  const backup = resolve(args.positionals[0]!);
  const target = databaseTarget(io.env);
  const live = requireSqlite(target, 'restore');
  if (backup === live) throw new UsageError('the backup FILE is the live database itself');

  const level = await verifyOliveDatabase(backup);
  let kept: string | null = null;
  if (existsSync(live)) {
    if (!args.flag('force')) {
      throw new UsageError(
        `a database exists at ${live}; stop the server and pass --force to replace it (it is kept as a copy)`,
      );
    }
    kept = `${live}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await copyDatabase(live, kept);
  } else {
    ensurePrivateDir(target.dataDir);
  }
  // The backup API writes through SQLite itself, so the live file's write-ahead log is
  // handled correctly (copying bytes over a WAL database could resurrect stale pages).
  await copyDatabase(backup, live);
  await verifyOliveDatabase(live);
  io.stdout.write(`restored ${backup} into ${live} (migration ${level}, integrity ok)\n`);
  if (kept) io.stdout.write(`the database it replaced is kept at ${kept}\n`);
  if (!existsSync(join(target.dataDir, 'olive.db'))) throw new Error('restore did not produce a database');
  return 0;
};
