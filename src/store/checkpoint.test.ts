/**
 * The server's SQLite store checkpoints its WAL from a worker thread (dialect.ts), so no
 * request pays for copying the log into the database file. These tests hold it to keeping
 * the file current and the data whole.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { registerAccount } from './accounts.js';
import { openStore } from './store.js';
import { FAST_ACCOUNTS } from './testing.js';
import type { Store } from './types.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function writeMany(store: Store, n: number) {
  const unlocked = await registerAccount(store, 'a@example.org', 'olive trees by the harbour', FAST_ACCOUNTS);
  const journal = store.journal(unlocked.user.id, unlocked.dataKey);
  for (let i = 0; i < n; i++) {
    await journal.create('habitLogs', { on: '2026-01-01', habit: 'meditation', minutes: i % 60 });
  }
  return journal;
}

const until = async (done: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return done();
};

describe.each([
  { background: true, name: 'with background checkpoints' },
  { background: false, name: 'without' },
])('the SQLite file $name', ({ background }) => {
  it('gets the written pages without any commit doing the copy', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'olive-checkpoint-'));
    dirs.push(dataDir);
    const store = await openStore({ dataDir, backgroundCheckpoints: background });
    await store.migrate();
    const file = join(dataDir, 'olive.db');
    // 100 writes (~500 WAL pages) stay under both autocheckpoint sizes: only the worker copies.
    const before = statSync(file).size;
    await writeMany(store, 100);
    const copied = await until(() => statSync(file).size > before, background ? 5_000 : 600);
    expect(copied).toBe(background);
    await store.close();
  });

  it('keeps every write through a close and a reopen, and passes the integrity check', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'olive-checkpoint-'));
    dirs.push(dataDir);
    const store = await openStore({ dataDir, backgroundCheckpoints: background });
    await store.migrate();
    const journal = await writeMany(store, 300);
    const ids = (await journal.list('habitLogs', { limit: 500 })).items.map((r) => r.id).sort();
    await store.close();

    const raw = new SQLite(join(dataDir, 'olive.db'));
    try {
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      // every write is there (kinds are encrypted, so the file can only be counted)
      const row = raw.prepare('select count(*) as n from entries').get() as { n: number };
      expect(row.n).toBe(ids.length);
    } finally {
      raw.close();
    }
  });
});
