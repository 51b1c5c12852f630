/**
 * `olive export --email ADDRESS [--out FILE] [--markdown]`: one account's journey,
 * decrypted with its password, as the snapshot JSON (the same format the app exports and
 * imports) or as Markdown. The password is asked for on the terminal without echo, or read
 * from the first line of stdin when it is piped; it is never a command-line argument
 * (arguments show up in process lists and shell history).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { toMarkdown } from '../server/markdown.js';
import { loadSnapshot, verifyLogin } from '../store/index.js';
import { databaseTarget, openTarget } from './database.js';
import { type CliIO, type Command, parseCommand, UsageError } from './usage.js';

const HELP = `Usage: olive export --email ADDRESS [--out FILE] [--markdown] [--force]

Prints one account's journey, decrypted, as JSON (or Markdown with --markdown).
Asks for the account's password (or reads it from the first line of stdin).

  --email ADDRESS  the account to export
  --out FILE       write to FILE instead of stdout (refuses to replace it without --force)
  --markdown       a readable Markdown document instead of the JSON snapshot
`;

const MAX_PASSWORD = 1024;

/** Reads a password: no echo on a terminal, the first line of piped stdin otherwise. */
export async function readPassword(io: CliIO, prompt: string): Promise<string> {
  const stdin = io.stdin as NodeJS.ReadStream;
  if (stdin.isTTY && typeof stdin.setRawMode === 'function') {
    io.stderr.write(prompt);
    return new Promise((resolvePassword, reject) => {
      let typed = '';
      stdin.setRawMode(true);
      stdin.setEncoding('utf8');
      stdin.resume();
      const done = (error: Error | null) => {
        stdin.setRawMode(false);
        stdin.pause();
        stdin.off('data', onData);
        io.stderr.write('\n');
        if (error) reject(error);
        else resolvePassword(typed);
      };
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n') return done(null);
          if (ch === '\u0003') return done(new Error('cancelled'));
          if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
          else if (typed.length < MAX_PASSWORD) typed += ch;
        }
      };
      stdin.on('data', onData);
    });
  }
  let buffered = '';
  for await (const chunk of stdin) {
    buffered += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (buffered.includes('\n') || buffered.length > MAX_PASSWORD) break;
  }
  return buffered.split(/\r?\n/)[0] ?? '';
}

export const run: Command = async (argv, io) => {
  const args = parseCommand(argv, {
    email: { type: 'string' },
    out: { type: 'string' },
    markdown: { type: 'boolean' },
    force: { type: 'boolean' },
  });
  if (args.flag('help')) {
    io.stdout.write(HELP);
    return 0;
  }
  const values = {
    email: args.text('email'),
    out: args.text('out'),
    markdown: args.flag('markdown'),
    force: args.flag('force'),
  };
  const email = values.email?.trim();
  if (!email || !email.includes('@') || email.length > 254) {
    throw new UsageError('give the account with --email ADDRESS');
  }
  const out = values.out ? resolve(values.out) : null;
  if (out && existsSync(out) && !values.force)
    throw new UsageError(`${out} exists; pass --force to replace it`);

  const store = await openTarget(databaseTarget(io.env), { create: false });
  try {
    const password = await readPassword(io, `Password for ${email}: `);
    if (!password) throw new UsageError('no password given');
    const unlocked = await verifyLogin(store, email, password);
    if (!unlocked) throw new Error('the email or the password is not right');
    const snapshot = await loadSnapshot(store.journal(unlocked.user.id, unlocked.dataKey));
    if (!snapshot) throw new Error('this account has not set up its profile yet: there is nothing to export');
    const text = values.markdown
      ? toMarkdown(snapshot, new Date().toISOString())
      : `${JSON.stringify(snapshot, null, 2)}\n`;
    if (out) {
      writeFileSync(out, text, { mode: 0o600 });
      io.stderr.write(`exported ${email} to ${out}: this file is NOT encrypted, keep it somewhere private\n`);
    } else {
      io.stdout.write(text);
    }
    return 0;
  } finally {
    await store.close();
  }
};
