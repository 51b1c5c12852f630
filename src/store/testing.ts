/**
 * Test helper shared by the store and API suites: every suite runs against SQLite AND
 * PostgreSQL. PostgreSQL is a real server when TEST_DATABASE_URL is set (a fresh database
 * per store, dropped afterwards) and PGlite otherwise, so `npm test` never silently skips it.
 *
 * @example
 * describe.each(TEST_DATABASES)('check-ins on $name', (database) => {
 *   let t: TestStore;
 *   beforeAll(async () => { t = await database.open(); });
 *   afterAll(() => t.dispose());
 *   it('…', async () => { await registerAccount(t.store, 'a@example.org', 'pw', FAST_ACCOUNTS); });
 * });
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type JourneySnapshot, SNAPSHOT_VERSION } from '../method/schema.js';
import type { AccountOptions } from './accounts.js';
import type { KdfParams } from './crypto.js';
import { openStore } from './store.js';
import type { OpenStoreOptions, Store } from './types.js';

export interface TestStore {
  store: Store;
  /** 'sqlite' or 'postgres'. */
  name: string;
  /** The SQLite data directory (null for PostgreSQL). */
  dataDir: string | null;
  /** Runs a raw read-only SQL query (for plaintext scans); returns rows. */
  rawQuery(sqlText: string): Promise<Record<string, unknown>[]>;
  /** Runs raw SQL statements that write (to plant a fault or an old release's rows). */
  rawExec(sqlText: string): Promise<void>;
  dispose(): Promise<void>;
}

/** Store options for a test database; `migrateUpTo` stops at an older release's schema. */
export type TestStoreOptions = Omit<OpenStoreOptions, 'url' | 'dataDir' | 'pglite'> & {
  migrateUpTo?: number;
};

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** A fresh, migrated (to the latest, or `migrateUpTo`), empty store. */
  open(options?: TestStoreOptions): Promise<TestStore>;
}

/** argon2id at its cheapest: tests exercise the code path, not the cost. Never use outside tests. */
export const FAST_KDF: KdfParams = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
export const FAST_ACCOUNTS: AccountOptions = { kdf: FAST_KDF };

const sqlite: TestDatabase = {
  name: 'sqlite',
  async open({ migrateUpTo, ...options } = {}) {
    const dataDir = mkdtempSync(join(tmpdir(), 'olive-test-'));
    const store = await openStore({ ...options, dataDir });
    await store.migrate({ upTo: migrateUpTo });
    const { default: SQLite } = await import('better-sqlite3');
    return {
      store,
      name: 'sqlite',
      dataDir,
      async rawQuery(sqlText) {
        const db = new SQLite(join(dataDir, 'olive.db'), { readonly: true });
        try {
          return db.prepare(sqlText).all() as Record<string, unknown>[];
        } finally {
          db.close();
        }
      },
      async rawExec(sqlText) {
        const db = new SQLite(join(dataDir, 'olive.db'));
        try {
          db.pragma('busy_timeout = 5000');
          db.exec(sqlText);
        } finally {
          db.close();
        }
      },
      async dispose() {
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

const postgres: TestDatabase = {
  name: 'postgres',
  async open({ migrateUpTo, ...options } = {}) {
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (serverUrl) return openServerDatabase(serverUrl, options, migrateUpTo);
    const { PGlite } = await import('@electric-sql/pglite');
    const pglite = new PGlite();
    const store = await openStore({ ...options, pglite });
    await store.migrate({ upTo: migrateUpTo });
    return {
      store,
      name: 'postgres',
      dataDir: null,
      async rawQuery(sqlText) {
        return (await pglite.query<Record<string, unknown>>(sqlText)).rows;
      },
      async rawExec(sqlText) {
        await pglite.exec(sqlText);
      },
      async dispose() {
        await store.close();
      },
    };
  },
};

async function openServerDatabase(
  serverUrl: string,
  options: Omit<OpenStoreOptions, 'url' | 'dataDir' | 'pglite'>,
  migrateUpTo: number | undefined,
): Promise<TestStore> {
  const { default: pg } = await import('pg');
  const name = `olive_test_${globalThis.crypto.randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const store = await openStore({ ...options, url: url.toString(), poolSize: 4 });
  await store.migrate({ upTo: migrateUpTo });
  const reader = new pg.Client({ connectionString: url.toString() });
  await reader.connect();
  return {
    store,
    name: 'postgres',
    dataDir: null,
    async rawQuery(sqlText) {
      return (await reader.query(sqlText)).rows as Record<string, unknown>[];
    },
    async rawExec(sqlText) {
      await reader.query(sqlText);
    },
    async dispose() {
      await reader.end();
      await store.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name}`);
      await cleanup.end();
    },
  };
}

/** The databases every store and API suite runs against. */
export const TEST_DATABASES: readonly TestDatabase[] = [sqlite, postgres];

/**
 * A valid journey snapshot (it passes `parseSnapshot`) with `marker` written into EVERY
 * private free-text field, for plaintext scans and round-trip tests.
 *
 * @example
 * const snapshot = markedSnapshot('ZEBRA-42');
 * await replaceSnapshot(journal, snapshot);
 */
export function markedSnapshot(marker: string): JourneySnapshot {
  const text = (field: string) => `${marker} ${field} ünïcödé 💔`;
  const at = (day: number, hour = 19) => new Date(Date.UTC(2026, 0, day, hour, 30)).toISOString();
  const on = (day: number) => at(day).slice(0, 10);
  return {
    version: SNAPSHOT_VERSION,
    createdAt: at(1, 9),
    settings: { noContactGoalDays: 30 },
    profile: {
      userTimeZone: 'Europe/London',
      exTimeZone: 'America/New_York',
      exPreferredChannel: 'email',
      breakupOn: '2025-12-20',
      endedBy: 'ex',
      monthsTogether: 30,
      exName: text('exName'),
    },
    safetyScreenings: [
      {
        id: 'safety-1',
        answeredAt: at(1, 10),
        violence: { byEx: 'no', byUser: 'no' },
        threats: { byEx: 'no', byUser: 'no' },
        coerciveControl: { byEx: 'no', byUser: 'no' },
        stalking: { byEx: 'no', byUser: 'no' },
        exAskedNoContact: 'no',
        exBlockedUser: 'no',
        courtOrder: 'no',
        note: text('safety.note'),
      },
    ],
    exRequests: [
      { id: 'request-1', at: at(2), kind: 'reopen-contact', channel: 'email', note: text('exRequest') },
    ],
    timeZoneChanges: [{ id: 'tz-1', at: at(3), who: 'ex', timeZone: 'America/Chicago' }],
    reflection: {
      reasons: ['communication', 'trust'],
      reasonsNote: text('reasonsNote'),
      ownRole: text('ownRole'),
      patterns: text('patterns'),
      strengths: text('strengths'),
      weaknesses: text('weaknesses'),
      whatDrewUsTogether: text('whatDrewUsTogether'),
      updatedAt: at(4),
    },
    noContactPeriods: [
      { id: 'period-1', startedOn: on(1), goalDays: 30, endedOn: on(5), endReason: 'break' },
      { id: 'period-2', startedOn: on(6), goalDays: 30, endedOn: null, endReason: null },
    ],
    contactBreaks: [
      {
        id: 'break-1',
        periodId: 'period-1',
        at: at(5),
        initiatedBy: 'user',
        channel: 'text',
        note: text('break'),
      },
    ],
    necessaryContacts: [
      { id: 'necessary-1', at: at(7), reason: 'housing', channel: 'email', note: text('necessary') },
    ],
    checkIns: [
      { id: 'checkin-1', on: on(2), mood: 3, urge: 8, sleepHours: 5.5, note: text('checkIn.1') },
      { id: 'checkin-2', on: on(3), mood: 5, urge: 6, sleepHours: null, note: text('checkIn.2') },
    ],
    habitLogs: [
      { id: 'habit-1', on: on(2), habit: 'exercise', minutes: 30 },
      { id: 'habit-2', on: on(3), habit: 'custom', customName: text('customHabit') },
    ],
    confidenceRatings: [{ id: 'confidence-1', on: on(3), score: 6, note: text('confidence') }],
    assessments: [
      {
        id: 'assessment-1',
        at: at(8),
        compatibility: 4,
        longTermGoals: 4,
        mutualWishToChange: 3,
        ownChange: 4,
        trustRepairable: 3,
        respect: 5,
        emotionalSteadiness: 4,
        lifeOutside: 4,
        motives: ['the-person'],
        redLines: [{ text: text('redLine'), crossed: 'no' }],
        note: text('assessment'),
      },
    ],
    contactEvents: [
      {
        id: 'contact-1',
        at: at(9),
        channel: 'email',
        direction: 'user-to-ex',
        initiatedBy: 'user',
        answered: true,
        answeredAt: at(10),
        tone: 'easy',
        note: text('contactEvent'),
      },
    ],
    commitments: [
      {
        id: 'commitment-1',
        createdAt: at(9),
        text: text('commitment'),
        to: 'ex',
        dueOn: null,
        status: 'open',
        resolvedAt: null,
      },
    ],
    apologies: [
      {
        id: 'apology-1',
        createdAt: at(9),
        behaviour: text('behaviour'),
        impact: text('impact'),
        learned: text('learned'),
        text: text('apology'),
        status: 'draft',
        sentAt: null,
      },
    ],
    letters: [
      {
        id: 'letter-1',
        createdAt: at(4),
        title: text('letterTitle'),
        text: text('letter'),
        sealedUntilOn: null,
      },
    ],
    setbacks: [{ id: 'setback-1', on: on(11), kind: 'argument', what: text('setback') }],
    outcome: { decidedAt: at(12), kind: 'together', note: text('outcome') },
    journalEntries: [
      { id: 'entry-1', on: on(8), writtenAt: at(8, 22), text: text('journal'), promptId: 'missed-most' },
    ],
    drafts: [{ id: 'draft-1', updatedAt: at(9), channel: 'email', text: text('draft') }],
    safetyPlan: {
      updatedAt: at(10),
      'warning-signs': [text('sign')],
      'coping-steps': [text('coping')],
      'places-and-people': [text('place')],
      'people-to-ask': [text('person')],
      'professionals-and-lines': [text('line')],
      'safe-environment': [text('safer')],
    },
  };
}
