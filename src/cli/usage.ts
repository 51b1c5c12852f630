import { readFileSync } from 'node:fs';

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
