/**
 * `olive backup FILE`: a consistent copy of the SQLite database, safe while the server
 * runs (SQLite's online backup API), checked for integrity before it is reported done.
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { databaseTarget } from './database.js';
import { BACKUP_NOTE, copyDatabase, humanSize, requireSqlite, verifyOliveDatabase } from './sqlite-files.js';
import { type Command, parseCommand, UsageError } from './usage.js';

const HELP = `Usage: olive backup FILE [--force]

Writes a consistent copy of the database in OLIVE_DATA_DIR (default ./data) to FILE.
Safe while 'olive serve' is running.

  --force   replace FILE if it exists
`;

export const run: Command = async (argv, io) => {
  const args = parseCommand(argv, { force: { type: 'boolean' } }, true);
  if (args.flag('help')) {
    io.stdout.write(HELP);
    return 0;
  }
  if (args.positionals.length !== 1) throw new UsageError('give exactly one FILE to write the backup to');
  const target = resolve(args.positionals[0]!);
  const source = requireSqlite(databaseTarget(io.env), 'backup');
  if (!existsSync(source))
    throw new Error(`no database at ${source}: nothing to back up (check OLIVE_DATA_DIR)`);
  if (target === source) throw new UsageError('the backup FILE cannot be the live database itself');
  if (existsSync(target) && !args.flag('force')) {
    throw new UsageError(`${target} exists; pass --force to replace it`);
  }
  if (!existsSync(dirname(target))) throw new UsageError(`the folder ${dirname(target)} does not exist`);

  // Written beside the target and renamed into place, so FILE is never half a backup.
  const partial = `${target}.partial-${process.pid}`;
  try {
    await copyDatabase(source, partial);
    const level = await verifyOliveDatabase(partial);
    renameSync(partial, target);
    io.stdout.write(
      `backed up ${source} to ${target} (${humanSize(statSync(target).size)}, migration ${level}, integrity ok)\n${BACKUP_NOTE}\n`,
    );
    return 0;
  } finally {
    rmSync(partial, { force: true });
  }
};
