import { type CliIO, type Command, EXIT_USAGE, UsageError, packageVersion as version } from './usage.js';

/** Subcommands load lazily so `olive check` never pays for the database drivers. */
const commands: Record<string, { summary: string; load: () => Promise<{ run: Command }> }> = {
  check: {
    summary: 'coach a draft to your ex (text, stdin, --json, --jsonl)',
    load: () => import('./check.js'),
  },
  plan: { summary: 'print the plan for a journey file', load: () => import('./plan.js') },
  serve: { summary: 'run the app and API server', load: () => import('./serve.js') },
  migrate: { summary: 'apply database migrations', load: () => import('./migrate.js') },
  backup: {
    summary: 'consistent online backup of the SQLite database to FILE',
    load: () => import('./backup.js'),
  },
  restore: { summary: 'restore the SQLite database from FILE', load: () => import('./restore.js') },
  export: {
    summary: 'export one account as JSON (asks for the password)',
    load: () => import('./export.js'),
  },
};

function help(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `olive ${version()}: Olive Branch, a private companion for repairing a relationship\n\nUsage: olive <command> [options]\n\n${lines.join('\n')}\n\nRun 'olive <command> --help' for a command's options.\n`;
}

/** Runs the CLI and sets the exit code; errors become one clear line, never a stack trace. */
export async function main(argv: string[], io: CliIO = process): Promise<void> {
  process.exitCode = await dispatch(argv, io);
}

/** Errors are one line on stderr, whatever the library that raised them wrote. */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

export async function dispatch(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(help());
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`olive: unknown command '${name}'. Run 'olive help' for the list.\n`);
    return EXIT_USAGE;
  }
  try {
    const { run } = await command.load();
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`olive ${name}: ${oneLine(error.message)}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`olive ${name}: ${oneLine(message)}\n`);
    return 1;
  }
}
