/**
 * `olive migrate`: applies pending migrations to the configured database and says which,
 * or that it is up to date. Refuses (exit 1) when the database is newer than this code.
 */
import { MigrationError } from '../store/index.js';
import { databaseTarget, describeTarget, openTarget } from './database.js';
import { type Command, parseCommand } from './usage.js';

const HELP = `Usage: olive migrate [--status]

Applies pending database migrations (olive serve does this on start too).

  --status   only report the database's migration level, change nothing

Environment: OLIVE_DATA_DIR (default ./data) or DATABASE_URL=postgres://…
`;

export const run: Command = async (argv, io) => {
  const args = parseCommand(argv, { status: { type: 'boolean' } });
  if (args.flag('help')) {
    io.stdout.write(HELP);
    return 0;
  }
  const values = { status: args.flag('status') };
  const target = databaseTarget(io.env);
  const store = await openTarget(target, { create: !values.status });
  try {
    if (values.status) {
      const { current, latest } = await store.migrationStatus();
      const state =
        current === latest
          ? 'up to date'
          : current < latest
            ? `${latest - current} pending`
            : 'NEWER than this code';
      io.stdout.write(`${describeTarget(target)}: migration ${current} of ${latest} (${state})\n`);
      return current > latest ? 1 : 0;
    }
    const applied = await store.migrate();
    if (applied.length === 0) io.stdout.write(`${describeTarget(target)}: up to date\n`);
    for (const m of applied) io.stdout.write(`applied migration ${m.id} (${m.name})\n`);
    return 0;
  } catch (error) {
    if (error instanceof MigrationError) throw new Error(error.message);
    throw error;
  } finally {
    await store.close();
  }
};
