/**
 * The store: the only place that knows SQL. Open it once per process, then:
 *
 * @example
 * const store = await openStore({ url: process.env.DATABASE_URL, dataDir: process.env.OLIVE_DATA_DIR });
 * await store.migrate();
 * const { user, dataKey } = await registerAccount(store, email, password);
 * const { secret } = await openSession(store, { user, dataKey }, { expiresAt });
 * // on each request:
 * const s = await resumeSession(store, secret, new Date());
 * const journal = store.journal(s.session.userId, s.dataKey);
 * await journal.create('checkIns', { on: '2026-03-01', mood: 6, urge: 3, sleepHours: 7, note: '…' });
 * const snapshot = await loadSnapshot(journal);
 */
export {
  type AccountOptions,
  changePassword,
  createSessionKeyCache,
  emailProblem,
  normalizeEmail,
  type OpenedSession,
  openSession,
  registerAccount,
  resumeSession,
  rotateDataKey,
  type SessionKeyCache,
  sessionTokenHash,
  type Unlocked,
  verifyLogin,
} from './accounts.js';
export { type Argon2, type CryptoDeps, cryptoDeps, getRandomValues, OWASP_ARGON2ID } from './crypto.js';
export { defaultDataDir, sqliteFile } from './dialect.js';
export {
  ConflictError,
  DecryptError,
  DuplicateError,
  InvalidCursorError,
  KeyChangedError,
  MigrationError,
  NotFoundError,
  StoreError,
  UnknownResourceError,
} from './errors.js';
export {
  COLLECTION_NAMES,
  COLLECTIONS,
  type CollectionName,
  isCollection,
  isSingleton,
  type ResourceName,
  SINGLETON_NAMES,
  SINGLETONS,
  type SingletonName,
} from './resources.js';
export {
  createSnapshotCache,
  emptySnapshot,
  loadSnapshot,
  replaceSnapshot,
  type SnapshotCache,
} from './snapshot.js';
export { openStore } from './store.js';
export type * from './types.js';
