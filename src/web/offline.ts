/**
 * What this device keeps so help works without the server: today only the person's safety
 * plan. It is never stored in plaintext: it is sealed with AES-GCM under a key that WebCrypto
 * created non-extractable, kept in IndexedDB next to it (page scripts can use the key but
 * never read it out). Logging out, quick exit and an ended lock session wipe it all.
 */

const DB = 'olive-offline';
const STORE = 'kv';
const KEY = 'device-key';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function open(): Promise<IDBDatabase> {
  const r = indexedDB.open(DB, 1);
  r.onupgradeneeded = () => r.result.createObjectStore(STORE);
  return request(r);
}

async function get<T>(db: IDBDatabase, key: string): Promise<T | undefined> {
  return (await request(db.transaction(STORE).objectStore(STORE).get(key))) as T | undefined;
}

async function put(db: IDBDatabase, key: string, value: unknown): Promise<void> {
  await request(db.transaction(STORE, 'readwrite').objectStore(STORE).put(value, key));
}

async function deviceKey(db: IDBDatabase): Promise<CryptoKey> {
  const existing = await get<CryptoKey>(db, KEY);
  if (existing) return existing;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  await put(db, KEY, key);
  return key;
}

/** Keeps `value` on this device, encrypted; fails quietly where storage is unavailable. */
export async function writeOffline(name: string, value: unknown): Promise<void> {
  try {
    const db = await open();
    const key = await deviceKey(db);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const plain = new TextEncoder().encode(JSON.stringify(value));
    const sealed = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(name) },
      key,
      plain,
    );
    await put(db, `v1:${name}`, { iv, sealed });
    db.close();
  } catch {
    // Private mode or no IndexedDB: the plan still lives on the server.
  }
}

/** Reads back what `writeOffline` kept, or null. */
export async function readOffline<T>(name: string): Promise<T | null> {
  try {
    const db = await open();
    const row = await get<{ iv: Uint8Array; sealed: ArrayBuffer }>(db, `v1:${name}`);
    const key = await get<CryptoKey>(db, KEY);
    db.close();
    if (!row || !key) return null;
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: row.iv as BufferSource, additionalData: new TextEncoder().encode(name) },
      key,
      row.sealed,
    );
    return JSON.parse(new TextDecoder().decode(plain)) as T;
  } catch {
    return null;
  }
}

/** Removes everything this device kept (logout, quick exit, a lock that ended the session). */
export async function clearOffline(): Promise<void> {
  try {
    await request(indexedDB.deleteDatabase(DB) as unknown as IDBRequest<undefined>);
  } catch {
    // Nothing stored, or storage unavailable.
  }
}
