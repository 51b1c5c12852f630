/**
 * Encryption at rest, as small functions with their primitives injected (Standard Notes
 * style): WebCrypto for AES-256-GCM, SHA-256 and HKDF; @node-rs/argon2 for password work.
 *
 * Key hierarchy:
 * - a random AES-256 **data key** per user encrypts every journey record;
 * - at rest it is wrapped under a **password KEK** = argon2id(hashRaw, own random salt). The
 *   login check uses a *separate* argon2id PHC hash (own salt inside), so the stored login
 *   hash never yields the KEK;
 * - per session, a random 256-bit **session secret** lives only in the cookie; the database
 *   keeps SHA-256(secret) to find the session and the data key wrapped under
 *   HKDF-SHA256(secret). Any server process can decrypt with the cookie; a dump cannot.
 *
 * Every ciphertext is an envelope `v2:<nonce b64url>:<ciphertext b64url>` whose AAD names
 * its version, table, column and row, so a ciphertext copied to another row or column fails.
 * A `v2` plaintext is padded to a size bucket first (see `paddedLength`), so a ciphertext's
 * length says how big a record roughly is, never which answer it holds ("yes" or "no", a
 * mood of 3 or 10). `v1` envelopes (unpadded, written by the first release) still open.
 *
 * Keys are WebCrypto `CryptoKey`s throughout (generated, imported, derived and wrapped with
 * `crypto.subtle`), but the envelope's AES-256-GCM itself runs on node:crypto with the same
 * key (`KeyObject.from`). Same algorithm, same bytes (a test checks both directions against
 * `subtle.encrypt`/`decrypt`), at a fifth of the CPU: each WebCrypto call is a thread-pool job
 * (~50 µs of CPU for a small record here, against ~9 µs), and decrypting a year of records
 * after every write is the hot path of the plan and the coach.
 */
import {
  type CipherGCMTypes,
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  KeyObject,
} from 'node:crypto';
import { DecryptError } from './errors.js';

/** The primitives the functions below use; injectable so tests can count or fake them. */
export interface CryptoDeps {
  subtle: SubtleCrypto;
  getRandomValues(array: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer>;
  argon2: Argon2;
}

/** The subset of @node-rs/argon2 used here. */
export interface Argon2 {
  hash(password: string, options: Argon2Options): Promise<string>;
  verify(hashed: string, password: string): Promise<boolean>;
  hashRaw(
    password: string,
    options: Argon2Options & { salt: Uint8Array; outputLen: number },
  ): Promise<Uint8Array>;
}

export interface Argon2Options {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
  algorithm?: number;
}

export interface KdfParams {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** OWASP's argon2id minimum (m=19 MiB, t=2, p=1): used for both the login hash and the KEK. */
export const OWASP_ARGON2ID: KdfParams = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** @node-rs/argon2 `Algorithm.Argon2id` (a const enum, so not importable under isolatedModules). */
const ARGON2ID = 2;
/** The envelope every write produces; `v1` is only read. */
const ENVELOPE_VERSION = 'v2';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

let defaultDeps: Promise<CryptoDeps> | undefined;

/** Random bytes drawn from WebCrypto a block at a time, handed out once each. */
const RANDOM_BLOCK = 4096;
const randomBlock = new Uint8Array(RANDOM_BLOCK);
let randomUsed = RANDOM_BLOCK;

/**
 * WebCrypto's random source, typed for the envelope functions. Small requests (nonces,
 * session secrets) are served from a block refilled by `crypto.getRandomValues`: the same
 * CSPRNG output, without a call into it per 12-byte nonce (~2.5 µs each here, more under
 * load). Every byte is handed out once and wiped from the block as it is.
 */
export function getRandomValues(array: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const n = array.byteLength;
  if (n > 256) {
    globalThis.crypto.getRandomValues(array);
    return array;
  }
  if (randomUsed + n > RANDOM_BLOCK) {
    globalThis.crypto.getRandomValues(randomBlock);
    randomUsed = 0;
  }
  array.set(randomBlock.subarray(randomUsed, randomUsed + n));
  randomBlock.fill(0, randomUsed, randomUsed + n);
  randomUsed += n;
  return array;
}

/** The real primitives: WebCrypto from the platform, argon2 loaded on first use. */
export function cryptoDeps(): Promise<CryptoDeps> {
  defaultDeps ??= import('@node-rs/argon2').then((argon2) => ({
    subtle: globalThis.crypto.subtle,
    getRandomValues,
    argon2: argon2 as unknown as Argon2,
  }));
  return defaultDeps;
}

// ---------------------------------------------------------------------------
// encoding

/**
 * base64url without padding.
 *
 * @example
 * toBase64Url(new Uint8Array([255, 254])) // '__4'
 */
export function toBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

/** base64url to bytes, refusing anything else (Buffer.from alone skips stray characters). */
function decodeBase64Url(text: string): Buffer {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new DecryptError('not base64url');
  return Buffer.from(text, 'base64url');
}

/**
 * Strict inverse of toBase64Url, as a copy WebCrypto accepts; throws DecryptError on
 * anything that is not base64url.
 */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const buffer = decodeBase64Url(text);
  const out = new Uint8Array(new ArrayBuffer(buffer.byteLength));
  out.set(buffer);
  return out;
}

function utf8(text: string): Uint8Array<ArrayBuffer> {
  const bytes = encoder.encode(text);
  const out = new Uint8Array(new ArrayBuffer(bytes.byteLength));
  out.set(bytes);
  return out;
}

/**
 * The authenticated data that binds a ciphertext to where it lives.
 *
 * @example
 * aadFor('records', 'data', `${userId}/checkIns/${id}`)
 */
export function aadFor(table: string, column: string, rowId: string): string {
  // The separators cannot occur in table/column names; rowId is last so it may contain anything.
  return `olive|${table}|${column}|${rowId}`;
}

/** `n` random bytes. */
export function randomBytes(deps: Pick<CryptoDeps, 'getRandomValues'>, n: number): Uint8Array<ArrayBuffer> {
  return deps.getRandomValues(new Uint8Array(new ArrayBuffer(n)));
}

// ---------------------------------------------------------------------------
// padding

/** The smallest padded size: every short record (a check-in, a screening) looks the same. */
const MIN_PADDED = 256;
/** Up to here sizes round up to a power of two; past it, to a multiple of it. */
const PAD_STEP = 65_536;
/** ISO/IEC 7816-4 padding: one 0x80 byte, then zeros. Unambiguous for any bytes. */
const PAD_MARKER = 0x80;
/** The longest padding ever needed (at most PAD_STEP bytes), sliced rather than allocated. */
const PADDING = Buffer.alloc(PAD_STEP);
PADDING[0] = PAD_MARKER;

/**
 * The size a plaintext of `length` bytes is padded to, marker byte included: 256 bytes,
 * then the next power of two up to 64 KiB, then the next multiple of 64 KiB. A ciphertext
 * then shows a record's size within a factor of two (its "rough size"), at most doubling
 * what is stored, and two answers that differ by a few characters almost always share a
 * bucket: only a record that sits right at a bucket's edge can tip over it.
 *
 * @example
 * paddedLength(3) // 256
 * paddedLength(300) // 512
 * paddedLength(70_000) // 131072
 */
export function paddedLength(length: number): number {
  const needed = length + 1;
  if (needed <= MIN_PADDED) return MIN_PADDED;
  if (needed <= PAD_STEP) return 2 ** Math.ceil(Math.log2(needed));
  return Math.ceil(needed / PAD_STEP) * PAD_STEP;
}

/** The plaintext inside padded bytes; DecryptError when the padding is not ours. */
function unpad(padded: Buffer): Buffer {
  let end = padded.byteLength - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (end < 0 || padded[end] !== PAD_MARKER) throw new DecryptError('ciphertext padding is malformed');
  return padded.subarray(0, end);
}

/** The AAD a version authenticates: `v2` also binds its version, so no envelope can pass for another. */
function versionedAad(version: string, aad: string): Uint8Array {
  return encoder.encode(version === 'v1' ? aad : `${version}|${aad}`);
}

// ---------------------------------------------------------------------------
// the envelope

/** node:crypto views of WebCrypto keys, made once per key (they hold no more than the key). */
const keyObjects = new WeakMap<CryptoKey, KeyObject>();

/**
 * The node:crypto cipher name and key for a WebCrypto AES-GCM key, refusing a key WebCrypto
 * itself would refuse for this use (another algorithm, or a usage it was not made for).
 */
function aesGcmKey(
  key: CryptoKey,
  usage: 'encrypt' | 'decrypt',
): { cipher: CipherGCMTypes; keyObject: KeyObject } {
  const algorithm = key.algorithm as AesKeyAlgorithm;
  if (algorithm.name !== 'AES-GCM' || !key.usages.includes(usage)) {
    throw new TypeError(`the key is not an AES-GCM key for ${usage}`);
  }
  let keyObject = keyObjects.get(key);
  if (!keyObject) {
    keyObject = KeyObject.from(key);
    keyObjects.set(key, keyObject);
  }
  return { cipher: `aes-${algorithm.length}-gcm` as CipherGCMTypes, keyObject };
}

/**
 * Encrypts bytes under `key` with a fresh random nonce; returns the `v2:` envelope. The
 * ciphertext is WebCrypto's AES-GCM output over the padded bytes (see `paddedLength`): the
 * encrypted bytes followed by the 16-byte tag.
 *
 * @example
 * const env = await sealBytes(deps, key, bytes, aadFor('users', 'wrapped_key', userId));
 */
export async function sealBytes(
  deps: Pick<CryptoDeps, 'getRandomValues'>,
  key: CryptoKey,
  plaintext: Uint8Array,
  aad: string,
): Promise<string> {
  const { cipher, keyObject } = aesGcmKey(key, 'encrypt');
  const iv = randomBytes(deps, NONCE_BYTES);
  const gcm = createCipheriv(cipher, keyObject, iv, { authTagLength: TAG_BYTES });
  gcm.setAAD(versionedAad(ENVELOPE_VERSION, aad));
  // The padding is fed to the cipher after the text, so the text is never copied for it.
  const padding = PADDING.subarray(0, paddedLength(plaintext.byteLength) - plaintext.byteLength);
  const sealed = Buffer.concat([gcm.update(plaintext), gcm.update(padding), gcm.final(), gcm.getAuthTag()]);
  return `${ENVELOPE_VERSION}:${toBase64Url(iv)}:${sealed.toString('base64url')}`;
}

/**
 * Decrypts a `v2:` (or a first release's `v1:`) envelope; DecryptError when it is
 * malformed, altered, moved or under another key.
 */
export async function openBytes(key: CryptoKey, envelope: string, aad: string): Promise<Uint8Array> {
  const parts = envelope.split(':');
  const version = parts[0];
  if (parts.length !== 3 || (version !== ENVELOPE_VERSION && version !== 'v1')) {
    throw new DecryptError('not a v1 or v2 ciphertext envelope');
  }
  // node:crypto reads the decoded bytes as they are: no copy for WebCrypto's sake.
  const iv = decodeBase64Url(parts[1]!);
  const data = decodeBase64Url(parts[2]!);
  if (iv.byteLength !== NONCE_BYTES || data.byteLength < TAG_BYTES)
    throw new DecryptError('truncated ciphertext');
  const { cipher, keyObject } = aesGcmKey(key, 'decrypt');
  let opened: Buffer;
  try {
    const gcm = createDecipheriv(cipher, keyObject, iv, { authTagLength: TAG_BYTES });
    gcm.setAAD(versionedAad(version, aad));
    gcm.setAuthTag(data.subarray(data.byteLength - TAG_BYTES));
    const head = gcm.update(data.subarray(0, data.byteLength - TAG_BYTES));
    const tail = gcm.final();
    opened = tail.byteLength === 0 ? head : Buffer.concat([head, tail]);
  } catch {
    throw new DecryptError('ciphertext does not authenticate (wrong key, wrong place or altered)');
  }
  return version === 'v1' ? opened : unpad(opened);
}

/**
 * Encrypts a string (e.g. a record's JSON) into a `v2:` envelope bound to `aad`.
 *
 * @example
 * const env = await encryptText(deps, dataKey, JSON.stringify(record), aadFor('records', 'data', rowId));
 * await decryptText(dataKey, env, aadFor('records', 'data', rowId)) // the JSON again
 */
export function encryptText(
  deps: Pick<CryptoDeps, 'getRandomValues'>,
  key: CryptoKey,
  plaintext: string,
  aad: string,
): Promise<string> {
  return sealBytes(deps, key, encoder.encode(plaintext), aad);
}

/** Inverse of encryptText; DecryptError on any mismatch. */
export async function decryptText(key: CryptoKey, envelope: string, aad: string): Promise<string> {
  const bytes = await openBytes(key, envelope, aad);
  try {
    return decoder.decode(bytes);
  } catch {
    throw new DecryptError('ciphertext is not UTF-8 text');
  }
}

// ---------------------------------------------------------------------------
// keyed slots

/** Per data key, the HMAC key its slots are computed with (derived once, kept with the key). */
const slotKeys = new WeakMap<CryptoKey, Buffer>();

/**
 * Where a journal row lives: HMAC-SHA256 of `name` (resource and id) under a key derived
 * from the data key by HKDF (its own label, so the AES key is never used as an HMAC key),
 * 128 bits in base64url. The same person, kind and id always give the same slot, so a
 * record is found by one indexed lookup; without the key a slot says nothing, and another
 * person's slots for the same name differ.
 *
 * @example
 * journalSlot(dataKey, 'c/checkIns/9b2…') // e.g. 'q3Jx0b7Kc2m1sV4nYw8pLA'
 */
export function journalSlot(dataKey: CryptoKey, name: string): string {
  let slotKey = slotKeys.get(dataKey);
  if (!slotKey) {
    const raw = KeyObject.from(dataKey).export();
    slotKey = Buffer.from(hkdfSync('sha256', raw, 'olive-branch journal slots v1', 'journal slot', 32));
    raw.fill(0);
    slotKeys.set(dataKey, slotKey);
  }
  return createHmac('sha256', slotKey).update(name).digest().subarray(0, 16).toString('base64url');
}

/**
 * A value that names a data key without revealing anything about it (an HMAC of a fixed
 * label under its slot key; no journal slot name looks like it): which key is current.
 */
export function keyCheckOf(dataKey: CryptoKey): string {
  return journalSlot(dataKey, 'key-check');
}

// ---------------------------------------------------------------------------
// keys

/** A fresh random AES-256-GCM data key (extractable only so it can be wrapped). */
export function generateDataKey(deps: Pick<CryptoDeps, 'subtle'>): Promise<CryptoKey> {
  return deps.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

function importAesKey(deps: Pick<CryptoDeps, 'subtle'>, raw: Uint8Array<ArrayBuffer>, extractable: boolean) {
  return deps.subtle.importKey('raw', raw, { name: 'AES-GCM' }, extractable, ['encrypt', 'decrypt']);
}

/** Wraps a data key under a key-encryption key, bound to `aad` (e.g. the user or session row). */
export async function wrapDataKey(
  deps: Pick<CryptoDeps, 'subtle' | 'getRandomValues'>,
  kek: CryptoKey,
  dataKey: CryptoKey,
  aad: string,
): Promise<string> {
  const raw = new Uint8Array(await deps.subtle.exportKey('raw', dataKey));
  try {
    return await sealBytes(deps, kek, raw, aad);
  } finally {
    raw.fill(0);
  }
}

/** Unwraps a data key; DecryptError when the KEK is wrong (e.g. a wrong password). */
export async function unwrapDataKey(
  deps: Pick<CryptoDeps, 'subtle'>,
  kek: CryptoKey,
  wrapped: string,
  aad: string,
): Promise<CryptoKey> {
  const raw = await openBytes(kek, wrapped, aad);
  if (raw.byteLength !== 32) throw new DecryptError('wrapped key has the wrong length');
  const copy = new Uint8Array(new ArrayBuffer(32));
  copy.set(raw);
  raw.fill(0);
  // Extractable so a login can re-wrap it for a new session or a new password.
  return importAesKey(deps, copy, true);
}

/** Passwords are compared as Unicode text, not as whatever bytes a keyboard produced. */
function normalizePassword(password: string): string {
  return password.normalize('NFC');
}

/**
 * The password key-encryption key: argon2id `hashRaw` with the user's KDF salt (never the
 * login hash's salt), imported as a non-extractable AES-GCM key.
 */
export async function derivePasswordKek(
  deps: Pick<CryptoDeps, 'subtle' | 'argon2'>,
  password: string,
  salt: Uint8Array,
  params: KdfParams = OWASP_ARGON2ID,
): Promise<CryptoKey> {
  const raw = await deps.argon2.hashRaw(normalizePassword(password), {
    ...params,
    algorithm: ARGON2ID,
    salt,
    outputLen: 32,
  });
  const copy = new Uint8Array(new ArrayBuffer(32));
  copy.set(raw);
  raw.fill(0);
  return importAesKey(deps, copy, false);
}

/**
 * The login hash: an argon2id PHC string with its own random salt.
 *
 * @example
 * const stored = await hashPassword(deps, 'correct horse battery');
 * await verifyPassword(deps, stored, 'correct horse battery') // true
 */
export function hashPassword(
  deps: Pick<CryptoDeps, 'argon2'>,
  password: string,
  params: KdfParams = OWASP_ARGON2ID,
): Promise<string> {
  return deps.argon2.hash(normalizePassword(password), { ...params, algorithm: ARGON2ID });
}

/** Checks a password against a login hash; false (never a throw) on a malformed hash. */
export async function verifyPassword(
  deps: Pick<CryptoDeps, 'argon2'>,
  hashed: string,
  password: string,
): Promise<boolean> {
  try {
    return await deps.argon2.verify(hashed, normalizePassword(password));
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------
// sessions

/** A random 256-bit session secret, base64url: goes only into the cookie. */
export function newSessionSecret(deps: Pick<CryptoDeps, 'getRandomValues'>): string {
  return toBase64Url(randomBytes(deps, 32));
}

/**
 * SHA-256 of a secret (base64url): what the database stores to find a session or a throttle key.
 *
 * @example
 * await sha256(deps, secret) // 43 characters, e.g. 'n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg'
 */
export async function sha256(deps: Pick<CryptoDeps, 'subtle'>, text: string): Promise<string> {
  return toBase64Url(new Uint8Array(await deps.subtle.digest('SHA-256', utf8(text))));
}

/**
 * The session KEK: HKDF-SHA256 of the session secret. Cheap on purpose (no argon2 per
 * request): the secret is already 256 random bits, so stretching it would add nothing.
 */
export async function deriveSessionKek(deps: Pick<CryptoDeps, 'subtle'>, secret: string): Promise<CryptoKey> {
  const ikm = await deps.subtle.importKey('raw', fromBase64Url(secret), 'HKDF', false, ['deriveKey']);
  return deps.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: utf8('olive-branch session v1'), info: utf8('data key wrapping') },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
