/**
 * Typed store errors. The store throws these; the edges (HTTP, CLI) convert them once:
 * ConflictError → 409, NotFoundError → 404, DuplicateError → a generic answer (no account
 * enumeration), MigrationError → refuse to start with the message.
 */

/** Base class so an edge can tell a store failure from a bug. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** A lost update: someone else changed the record since `expectedVersion` was read (HTTP 409). */
export class ConflictError extends StoreError {
  override name = 'ConflictError';
  constructor(
    readonly resource: string,
    readonly id: string,
    readonly expectedVersion: number,
    readonly actualVersion: number | null,
  ) {
    super(
      actualVersion === null
        ? `${resource} ${id} does not exist any more (expected version ${expectedVersion})`
        : `${resource} ${id} was changed elsewhere: expected version ${expectedVersion}, it is now ${actualVersion}`,
    );
  }
}

/** The record does not exist for this user (another user's id looks exactly the same). */
export class NotFoundError extends StoreError {
  override name = 'NotFoundError';
  constructor(
    readonly resource: string,
    readonly id: string,
  ) {
    super(`no ${resource} with id ${id}`);
  }
}

/** A unique value is already taken (an email at registration, a record id at import). */
export class DuplicateError extends StoreError {
  override name = 'DuplicateError';
}

/** The resource name is not one the journey snapshot knows. */
export class UnknownResourceError extends StoreError {
  override name = 'UnknownResourceError';
  constructor(readonly resource: string) {
    super(`unknown resource '${resource}'`);
  }
}

/** A list cursor that this store did not produce (or that was tampered with). */
export class InvalidCursorError extends StoreError {
  override name = 'InvalidCursorError';
  constructor() {
    super('invalid cursor: pass back the nextCursor of a previous page');
  }
}

/** The database schema is newer than this code, or a migration failed. Refuse to start. */
export class MigrationError extends StoreError {
  override name = 'MigrationError';
}

/** A ciphertext did not authenticate: wrong key, moved to another row/column, or altered. */
export class DecryptError extends StoreError {
  override name = 'DecryptError';
}

/**
 * A journal write came with a data key that is no longer the person's (a rotation committed
 * while the request was in flight). Refused whole, so no row is ever sealed under a key
 * that nobody holds any more.
 */
export class KeyChangedError extends StoreError {
  override name = 'KeyChangedError';
  constructor() {
    super('the encryption key of this journal has changed since this request began: nothing was written');
  }
}
