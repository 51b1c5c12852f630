/**
 * The promise of encryption at rest, checked on the raw bytes: write distinctive private
 * text through every resource, then look for it in the SQLite file (and its WAL) and in
 * every PostgreSQL table. Zero hits, or the test fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVATE_TEXT_FIELDS } from '../src/method/schema.js';
import { openSession, registerAccount } from '../src/store/accounts.js';
import { COLLECTION_NAMES, SINGLETON_NAMES } from '../src/store/resources.js';
import { loadSnapshot } from '../src/store/snapshot.js';
import { FAST_ACCOUNTS, markedSnapshot, TEST_DATABASES, type TestStore } from '../src/store/testing.js';

const MARKER = `ZQX${globalThis.crypto.randomUUID().slice(0, 8)}PRIVATE`;
const PASSWORD = `pw-${MARKER}-pass`;

/** Every value at a PRIVATE_TEXT_FIELDS path such as `assessments[].redLines[].text`. */
function valuesAt(root: unknown, path: string): unknown[] {
  let current: unknown[] = [root];
  for (const part of path.split('.')) {
    const many = part.endsWith('[]');
    const key = many ? part.slice(0, -2) : part;
    current = current.flatMap((v) => {
      const next = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
      return many ? ((next as unknown[] | undefined) ?? []) : [next];
    });
  }
  return current;
}

describe('the fixture', () => {
  it('puts the marker into every private free-text field the schema lists', () => {
    const snapshot = markedSnapshot(MARKER);
    for (const path of PRIVATE_TEXT_FIELDS) {
      // optional fields are absent on some records (a habit only has a name when custom)
      const values = valuesAt(snapshot, path).filter((v) => v !== undefined);
      expect(values.length, path).toBeGreaterThan(0);
      for (const value of values) expect(value, path).toContain(MARKER);
    }
  });
});

describe.each(TEST_DATABASES)('no private text at rest on $name', (database) => {
  let t: TestStore;
  let secret: string;

  beforeAll(async () => {
    t = await database.open();
    const unlocked = await registerAccount(t.store, 'plain@example.org', PASSWORD, FAST_ACCOUNTS);
    secret = (
      await openSession(t.store, unlocked, { expiresAt: new Date('2099-01-01T00:00:00Z') }, FAST_ACCOUNTS)
    ).secret;
    const journal = t.store.journal(unlocked.user.id, unlocked.dataKey);
    const snapshot = markedSnapshot(MARKER) as unknown as Record<string, unknown>;
    // Through the same calls the API makes, one resource at a time, plus an update each
    for (const name of COLLECTION_NAMES) {
      for (const record of snapshot[name] as { id: string }[]) {
        const created = await journal.create(name, record);
        await journal.update(name, created.id, record, created.version);
      }
    }
    for (const name of SINGLETON_NAMES) {
      const value = snapshot[name];
      if (value !== null) await journal.putSingleton(name, value);
    }
    // Reading it back proves the text was really written (a test that cannot fail is no test)
    expect(JSON.stringify(await loadSnapshot(journal))).toContain(MARKER);
  });
  afterAll(() => t.dispose());

  it('finds neither the private text, the password nor the session secret in any table', async () => {
    const tables =
      database.name === 'sqlite'
        ? await t.rawQuery("select name from sqlite_master where type = 'table'")
        : await t.rawQuery(
            "select table_name as name from information_schema.tables where table_schema = 'public'",
          );
    expect(tables.length).toBeGreaterThanOrEqual(6);
    for (const { name } of tables as { name: string }[]) {
      const dump = JSON.stringify(await t.rawQuery(`select * from ${name}`));
      expect(dump, name).not.toContain(MARKER);
      expect(dump, name).not.toContain(secret);
    }
  });

  it('shows no kind of record and none of its dates or times in any table, only how many there are', async () => {
    const tables = (
      database.name === 'sqlite'
        ? await t.rawQuery("select name from sqlite_master where type = 'table'")
        : await t.rawQuery(
            "select table_name as name from information_schema.tables where table_schema = 'public'",
          )
    ).map((r) => r.name as string);
    // every date the journey holds (check-in days, contact instants, screenings…), as a day
    const days = new Set(JSON.stringify(markedSnapshot(MARKER)).match(/\d{4}-\d{2}-\d{2}/g));
    expect(days.size).toBeGreaterThan(5);
    let rows = 0;
    for (const name of tables) {
      const content = await t.rawQuery(`select * from ${name}`);
      const dump = JSON.stringify(content);
      for (const kind of [...COLLECTION_NAMES, ...SINGLETON_NAMES])
        expect(dump, `${name}: ${kind}`).not.toContain(kind);
      for (const day of days) expect(dump, `${name}: ${day}`).not.toContain(day);
      if (!['users', 'sessions', 'login_throttle', 'olive_migrations'].includes(name)) {
        // the journal's own tables hold no date or time at all, not even when a row was written
        expect(dump, name).not.toMatch(/\d{4}-\d{2}-\d{2}/);
        rows += content.length;
      }
    }
    const snapshot = markedSnapshot(MARKER) as unknown as Record<string, unknown>;
    const records = COLLECTION_NAMES.reduce((n, name) => n + (snapshot[name] as unknown[]).length, 0);
    const singletons = SINGLETON_NAMES.filter((name) => snapshot[name] !== null).length;
    expect(rows).toBe(records + singletons);
  });

  // Only SQLite has a file of its own to scan; the PostgreSQL run checks every table above.
  if (database.name !== 'sqlite') return;
  it('finds none of it in the raw SQLite file bytes, WAL included', async () => {
    const file = join(t.dataDir!, 'olive.db');
    const files = [file, `${file}-wal`, `${file}-shm`].filter((f) => existsSync(f));
    expect(files.length).toBeGreaterThanOrEqual(2); // the database and its write-ahead log
    let scanned = 0;
    for (const f of files) {
      const bytes = readFileSync(f);
      scanned += bytes.byteLength;
      for (const needle of [MARKER, secret, PASSWORD]) expect(bytes.indexOf(needle), f).toBe(-1);
      // nor the kinds of records or their days, anywhere in the pages
      for (const kind of [...COLLECTION_NAMES, ...SINGLETON_NAMES])
        expect(bytes.indexOf(kind), `${f}: ${kind}`).toBe(-1);
      for (const day of new Set(JSON.stringify(markedSnapshot(MARKER)).match(/\d{4}-\d{2}-\d{2}/g))) {
        expect(bytes.indexOf(day), `${f}: ${day}`).toBe(-1);
      }
      // nor as UTF-16, in case some layer ever stored wide strings
      expect(bytes.indexOf(Buffer.from(MARKER, 'utf16le')), f).toBe(-1);
    }
    expect(scanned).toBeGreaterThan(0);
  });
});

describe.each(TEST_DATABASES)('no answer told by a ciphertext length on $name', (database) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await database.open();
  });
  afterAll(() => t.dispose());

  const screening = (answer: 'yes' | 'no') => ({
    answeredAt: '2026-01-02T10:00:00.000Z',
    violence: { byEx: 'no', byUser: 'no' },
    threats: { byEx: answer, byUser: 'no' },
    coerciveControl: { byEx: 'no', byUser: 'no' },
    stalking: { byEx: 'no', byUser: 'no' },
    exAskedNoContact: 'no',
    exBlockedUser: 'no',
    courtOrder: 'no',
  });
  const checkIn = (mood: number) => ({ on: '2026-01-03', mood, urge: 3, sleepHours: 7 });
  const outcome = (kind: 'together' | 'moving-on') => ({ decidedAt: '2026-01-04T10:00:00.000Z', kind });

  /** The lengths of every text cell the database holds for one person, sorted. */
  async function cellLengths(userId: string): Promise<number[]> {
    const tables =
      database.name === 'sqlite'
        ? await t.rawQuery("select name from sqlite_master where type = 'table'")
        : await t.rawQuery(
            "select table_name as name from information_schema.tables where table_schema = 'public'",
          );
    const lengths: number[] = [];
    for (const { name } of tables as { name: string }[]) {
      const columns = Object.keys((await t.rawQuery(`select * from ${name} limit 1`))[0] ?? {});
      if (!columns.includes('user_id')) continue;
      for (const row of await t.rawQuery(`select * from ${name} where user_id = '${userId}'`)) {
        for (const [column, value] of Object.entries(row)) {
          if (column !== 'user_id' && typeof value === 'string') lengths.push(value.length);
        }
      }
    }
    return lengths.sort((a, b) => a - b);
  }

  it('stores a screening with one "yes", a mood of 10 and "moving on" as long as all "no", a 3 and "together"', async () => {
    const write = async (
      email: string,
      answer: 'yes' | 'no',
      mood: number,
      kind: 'together' | 'moving-on',
    ) => {
      const unlocked = await registerAccount(t.store, email, PASSWORD, FAST_ACCOUNTS);
      const journal = t.store.journal(unlocked.user.id, unlocked.dataKey);
      await journal.create('safetyScreenings', screening(answer));
      await journal.create('checkIns', checkIn(mood));
      await journal.putSingleton('outcome', outcome(kind));
      return unlocked.user.id;
    };
    const calm = await write('calm@example.org', 'no', 3, 'together');
    const telling = await write('telling@example.org', 'yes', 10, 'moving-on');
    const lengths = await cellLengths(calm);
    expect(lengths.length).toBeGreaterThanOrEqual(3);
    expect(await cellLengths(telling)).toEqual(lengths);
  });
});
