/**
 * What the SQLite files on disk give away to someone who can read them but has no password:
 * who else on the machine may open them, and what a deleted account leaves behind.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerAccount } from './accounts.js';
import { replaceSnapshot } from './snapshot.js';
import { openStore } from './store.js';
import { FAST_ACCOUNTS, markedSnapshot } from './testing.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'olive-files-'));
  dirs.push(dir);
  return dir;
}
const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the SQLite files', () => {
  it('are readable by their owner only: data directory 0700, database, log and shared memory 0600', async () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    const store = await openStore({ dataDir });
    await store.migrate();
    await registerAccount(store, 'modes@example.org', 'olive trees by the harbour', FAST_ACCOUNTS);
    const file = join(dataDir, 'olive.db');
    expect(modeOf(dataDir).toString(8)).toBe('700');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      expect(existsSync(f), f).toBe(true);
      expect(modeOf(f).toString(8), f).toBe('600');
    }
    await store.close();
  });

  it('tightens a data directory and a database that an older release left open to others', async () => {
    const dataDir = join(tempDir(), 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const first = await openStore({ dataDir });
    await first.migrate();
    await first.close();
    const file = join(dataDir, 'olive.db');
    chmodSync(dataDir, 0o755);
    chmodSync(file, 0o644);
    const again = await openStore({ dataDir });
    expect(modeOf(dataDir).toString(8)).toBe('700');
    expect(modeOf(file).toString(8)).toBe('600');
    expect((await again.migrationStatus()).current).toBeGreaterThan(0);
    await again.close();
  });

  it("keeps an existing database's contents when it fixes its mode", async () => {
    const dataDir = tempDir();
    const store = await openStore({ dataDir });
    await store.migrate();
    await registerAccount(store, 'kept@example.org', 'olive trees by the harbour', FAST_ACCOUNTS);
    await store.close();
    chmodSync(join(dataDir, 'olive.db'), 0o644);
    const reopened = await openStore({ dataDir });
    expect(await reopened.findUserByEmail('kept@example.org')).not.toBeNull();
    await reopened.close();
  });
});

describe.each([
  { background: false, name: 'checkpointing in the commit' },
  { background: true, name: 'checkpointing in the background' },
])('a deleted account ($name)', ({ background }) => {
  it('leaves neither its email nor its id in the database file or the write-ahead log', async () => {
    const dataDir = tempDir();
    const store = await openStore({ dataDir, backgroundCheckpoints: background });
    await store.migrate();
    const email = `leaving-${globalThis.crypto.randomUUID().slice(0, 8)}@example.org`;
    const stays = await registerAccount(
      store,
      'stays@example.org',
      'olive trees by the harbour',
      FAST_ACCOUNTS,
    );
    const gone = await registerAccount(store, email, 'olive trees by the harbour', FAST_ACCOUNTS);
    await replaceSnapshot(store.journal(gone.user.id, gone.dataKey), markedSnapshot('LEAVING'));
    await replaceSnapshot(store.journal(stays.user.id, stays.dataKey), markedSnapshot('STAYING'));
    await store.recordLoginFailure(`account:${email}`);
    const file = join(dataDir, 'olive.db');
    const present = () =>
      [file, `${file}-wal`].filter((f) => {
        if (!existsSync(f)) return false;
        const bytes = readFileSync(f);
        return bytes.indexOf(email) !== -1 || bytes.indexOf(gone.user.id) !== -1;
      });
    // a test that cannot fail is no test: before the delete the account is on disk
    expect(present().length).toBeGreaterThan(0);

    expect(await store.deleteUser(gone.user.id)).toBe(true);
    expect(present()).toEqual([]);
    // the other person is untouched
    expect(await store.findUserByEmail('stays@example.org')).not.toBeNull();
    expect(readFileSync(file).indexOf(stays.user.id)).not.toBe(-1);
    await store.close();
    expect(present()).toEqual([]);
  });
});

describe('an existing olive.db that is not a database', () => {
  it('is refused with an error and left as it was', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'olive.db');
    writeFileSync(file, 'these are my notes, not a database');
    const store = await openStore({ dataDir }).catch((error: unknown) => error as Error);
    if (!(store instanceof Error)) await expect(store.migrate()).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('these are my notes, not a database');
  });
});
