import { readFileSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A bad invocation: the CLI prints the message on one line and exits 64 (EX_USAGE). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT_USAGE = 64;

/** What every subcommand module exports. Returns the process exit code. */
export type Command = (argv: string[], io: CliIO) => Promise<number>;

/** The process edges a command may touch, injected so commands are testable without a subprocess. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

/** The version in package.json (two folders up from both src/cli and dist/cli). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** What a command's flags parse to: strings and booleans by name, plus positionals. */
export interface ParsedCommand {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** A string flag's value, if given. */
  text(name: string): string | undefined;
  /** Whether a boolean flag was given. */
  flag(name: string): boolean;
}

/**
 * Strict flag parsing for every command (with `--help`/`-h` understood); a bad flag
 * becomes a UsageError, so the CLI answers with one line and exit 64.
 *
 * @example
 * const args = parseCommand(argv, { force: { type: 'boolean' } }, true);
 * if (args.flag('force')) …
 */
export function parseCommand(
  argv: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  allowPositionals = false,
): ParsedCommand {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals,
    }) as typeof parsed;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const values = parsed.values as ParsedCommand['values'];
  return {
    values,
    positionals: parsed.positionals,
    text: (name) => (typeof values[name] === 'string' ? (values[name] as string) : undefined),
    flag: (name) => values[name] === true,
  };
}
