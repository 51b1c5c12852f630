/**
 * A database written by the first release (test/fixtures/release-1-journal.json: kinds,
 * record dates and times in clear columns) upgraded in place: migration 2 runs without any
 * key, and each person's rows move into keyed, encrypted entries the first time their key
 * is unlocked. Nothing is lost or changed on the way, and afterwards a dump of that
 * person's rows shows neither kinds nor dates.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLogin } from './accounts.js';
import { COLLECTION_NAMES, SINGLETON_NAMES } from './resources.js';
import { JOURNEY_META } from './store.js';
import { FAST_ACCOUNTS, TEST_DATABASES, type TestStore } from './testing.js';
import type { JournalContents } from './types.js';

type Row = Record<string, string | number | null>;
interface Fixture {
  users: Row[];
  records: Row[];
  singletons: Row[];
  expected: Record<string, JournalContents>;
}
const fixture = JSON.parse(
  readFileSync(new URL('../../test/fixtures/release-1-journal.json', import.meta.url), 'utf8'),
) as Fixture;
const ANA = { email: 'release-one@example.org', password: 'release one passphrase' };
const DORMANT = { email: 'dormant@example.org', password: 'dormant passphrase' };
const idOf = (email: string) => fixture.users.find((u) => u.email === email)!.id as string;

/** The SQL that puts the fixture's rows back, as the first release had written them. */
function insertsOf(table: string, rows: Row[]): string {
  const literal = (v: string | number | null) =>
    v === null ? 'null' : typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`;
  return rows
    .map(
      (row) =>
        `insert into ${table} (${Object.keys(row).join(', ')}) values (${Object.values(row).map(literal).join(', ')});`,
    )
    .join('\n');
}

/** Every resource name the journal knows: none may show in a converted person's rows. */
const KINDS = [...COLLECTION_NAMES, ...SINGLETON_NAMES, JOURNEY_META];
const DATE = /\d{4}-\d{2}-\d{2}/;

/**
 * What a first-release journey loads as today: the same records, and the collections added
 * since (journal entries, drafts) empty.
 */
function withNewCollections(expected: JournalContents): JournalContents {
  const collections = { ...expected.collections };
  for (const name of COLLECTION_NAMES) collections[name] ??= [];
  const singletons = { ...expected.singletons } as Record<string, unknown>;
  for (const name of SINGLETON_NAMES) if (!(name in singletons)) singletons[name] = null;
  return { ...expected, collections, singletons } as JournalContents;
}

describe.each(TEST_DATABASES)("a first release's database on $name", (database) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await database.open({ migrateUpTo: 1 });
    await t.rawExec(
      [
        insertsOf('users', fixture.users),
        insertsOf('records', fixture.records),
        insertsOf('singletons', fixture.singletons),
      ].join('\n'),
    );
  });
  afterAll(() => t.dispose());

  const rowsOf = async (table: string, userId: string) =>
    t.rawQuery(`select * from ${table} where user_id = '${userId}'`);

  it('migrates without any key, keeping every row until its owner can convert it', async () => {
    // the story the first release's columns told, so this test can fail
    expect(JSON.stringify(await rowsOf('records', idOf(ANA.email)))).toMatch(/safetyScreenings/);
    expect((await t.store.migrationStatus()).current).toBe(1);
    expect((await t.store.migrate()).map((m) => m.id)).toEqual([2]);
    expect(await t.store.migrate()).toEqual([]);
    // the record dates went with sort_at; the rest waits for a key
    const records = await rowsOf('records', idOf(ANA.email));
    expect(records).toHaveLength(fixture.records.filter((r) => r.user_id === idOf(ANA.email)).length);
    expect(Object.keys(records[0]!)).not.toContain('sort_at');
  });

  it('converts a person at their first login: every record, version and time as it was', async () => {
    const unlocked = await verifyLogin(t.store, ANA.email, ANA.password, FAST_ACCOUNTS);
    expect(unlocked).not.toBeNull();
    const journal = t.store.journal(unlocked!.user.id, unlocked!.dataKey);
    expect(await journal.loadAll()).toEqual(withNewCollections(fixture.expected[ANA.email]!));
    const userId = idOf(ANA.email);
    expect(await rowsOf('records', userId)).toEqual([]);
    expect(await rowsOf('singletons', userId)).toEqual([]);
    const legacyCount = [...fixture.records, ...fixture.singletons].filter(
      (r) => r.user_id === userId,
    ).length;
    expect(await rowsOf('entries', userId)).toHaveLength(legacyCount);

    // and a dump of those rows tells neither kinds nor dates nor times
    const dump = JSON.stringify(await rowsOf('entries', userId));
    for (const kind of KINDS) expect(dump, kind).not.toContain(kind);
    expect(dump).not.toMatch(DATE);
  });

  it('keeps working after conversion: lists, edits with the old version and createdAt, new records', async () => {
    const unlocked = await verifyLogin(t.store, ANA.email, ANA.password, FAST_ACCOUNTS);
    const journal = t.store.journal(unlocked!.user.id, unlocked!.dataKey);
    const setbacks = fixture.expected[ANA.email]!.collections.setbacks!;
    const edited = setbacks.find((r) => r.version === 2)!;
    const page = await journal.list('setbacks');
    expect(page.items).toEqual(setbacks);
    const updated = await journal.update(
      'setbacks',
      edited.id,
      { ...(edited.data as object), what: 'edited again' },
      2,
    );
    expect(updated).toMatchObject({ version: 3, createdAt: edited.createdAt });
    await journal.create('checkIns', { on: '2026-01-20', mood: 6, urge: 2, sleepHours: 8 });
    expect((await journal.list('checkIns')).items).toHaveLength(
      fixture.expected[ANA.email]!.collections.checkIns!.length + 1,
    );
  });

  it('leaves a person who has not logged in since as they were, and converts them when they do', async () => {
    const userId = idOf(DORMANT.email);
    expect(await rowsOf('records', userId)).toHaveLength(1);
    const unlocked = await verifyLogin(t.store, DORMANT.email, DORMANT.password, FAST_ACCOUNTS);
    const legacy = await rowsOf('records', userId);
    // a conversion interrupted half-way (the disk fills while the new rows are written)
    // leaves the old rows exactly as they were, and is tried again on the next use
    await t.rawExec(
      database.name === 'sqlite'
        ? "create trigger disk_full before insert on entries begin select raise(abort, 'disk full'); end;"
        : `create function disk_full() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$;
           create trigger disk_full before insert on entries for each row execute function disk_full();`,
    );
    try {
      await expect(t.store.journal(userId, unlocked!.dataKey).loadAll()).rejects.toThrow(/disk full/);
    } finally {
      await t.rawExec(
        database.name === 'sqlite'
          ? 'drop trigger disk_full;'
          : 'drop trigger disk_full on entries; drop function disk_full();',
      );
    }
    expect(await rowsOf('records', userId)).toEqual(legacy);
    expect(await rowsOf('entries', userId)).toEqual([]);
    expect(await t.store.journal(userId, unlocked!.dataKey).loadAll()).toEqual(
      withNewCollections(fixture.expected[DORMANT.email]!),
    );
    expect(await t.rawQuery('select * from records')).toEqual([]);
    expect(await t.rawQuery('select * from singletons')).toEqual([]);
  });
});
