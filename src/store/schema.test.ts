import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MigrationError } from './errors.js';
import { LATEST_MIGRATION, MIGRATIONS, SCHEMA_COLUMNS } from './schema.js';
import { openStore } from './store.js';
import { TEST_DATABASES, type TestStore } from './testing.js';

/** Maps a database's reported column type to the portable kind the schema declares. */
function kindOf(dataType: string): 'text' | 'integer' | string {
  const t = dataType.toLowerCase();
  if (t === 'text') return 'text';
  if (t === 'integer' || t === 'int4') return 'integer';
  return t;
}

describe('the migration list', () => {
  it('is numbered 1, 2, 3… in order with names, so it can only be appended to', () => {
    expect(MIGRATIONS.map((m) => m.id)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_MIGRATION).toBe(MIGRATIONS.length);
    for (const m of MIGRATIONS) expect(m.name.length).toBeGreaterThan(0);
  });
});

describe.each(TEST_DATABASES)('schema on $name', (database) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await database.open();
  });
  afterAll(() => t.dispose());

  it('matches SCHEMA_COLUMNS exactly after migrating (fails when the schema drifts from the migration list)', async () => {
    const actual: Record<string, Record<string, string>> = {};
    if (database.name === 'sqlite') {
      const names = await t.rawQuery(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      );
      for (const { name } of names as { name: string }[]) {
        const columns = await t.rawQuery(`select name, type from pragma_table_info('${name}')`);
        actual[name] = Object.fromEntries(
          (columns as { name: string; type: string }[]).map((c) => [c.name, kindOf(c.type)]),
        );
      }
    } else {
      const columns = await t.rawQuery(
        "select table_name, column_name, data_type from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position",
      );
      for (const c of columns as { table_name: string; column_name: string; data_type: string }[]) {
        actual[c.table_name] = { ...actual[c.table_name], [c.column_name]: kindOf(c.data_type) };
      }
    }
    expect(actual).toEqual(SCHEMA_COLUMNS);
  });

  it('records every applied migration and applies nothing twice', async () => {
    expect(await t.store.migrationStatus()).toEqual({ current: LATEST_MIGRATION, latest: LATEST_MIGRATION });
    expect(await t.store.migrate()).toEqual([]);
    const rows = await t.rawQuery('select id, name from olive_migrations order by id');
    expect(rows.map((r) => Number(r.id))).toEqual(MIGRATIONS.map((m) => m.id));
  });

  it('refuses to run on a database newer than this code, saying what to do', async () => {
    // Simulate a database written by a future version
    const future = LATEST_MIGRATION + 1;
    const sqlText = `insert into olive_migrations (id, name, applied_at) values (${future}, 'from the future', '2030-01-01T00:00:00.000Z')`;
    if (database.name === 'sqlite') {
      const { default: SQLite } = await import('better-sqlite3');
      const db = new SQLite(`${t.dataDir}/olive.db`);
      db.exec(sqlText);
      db.close();
    } else {
      await t.rawQuery(sqlText);
    }
    const attempt = t.store.migrate();
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toThrow(/newer|only knows up to/);
    expect(await t.store.migrationStatus()).toEqual({ current: future, latest: LATEST_MIGRATION });
  });
});

describe('a fresh SQLite file', () => {
  it('migrates from empty and reports each migration it applied', async () => {
    const store = await openStore({ dataDir: ':memory:' });
    expect(await store.migrationStatus()).toEqual({ current: 0, latest: LATEST_MIGRATION });
    const applied = await store.migrate();
    expect(applied.map((m) => m.id)).toEqual(MIGRATIONS.map((m) => m.id));
    await store.close();
  });

  it('refuses a non-PostgreSQL DATABASE_URL with a clear message', async () => {
    await expect(openStore({ url: 'mysql://localhost/olive' })).rejects.toThrow(/postgres:\/\//);
  });
});
