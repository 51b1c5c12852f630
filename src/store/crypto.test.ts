import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  aadFor,
  type CryptoDeps,
  cryptoDeps,
  decryptText,
  derivePasswordKek,
  deriveSessionKek,
  encryptText,
  fromBase64Url,
  generateDataKey,
  getRandomValues,
  hashPassword,
  journalSlot,
  newSessionSecret,
  paddedLength,
  sha256,
  toBase64Url,
  unwrapDataKey,
  verifyPassword,
  wrapDataKey,
} from './crypto.js';
import { DecryptError } from './errors.js';
import { FAST_KDF } from './testing.js';

let deps: CryptoDeps;
let key: CryptoKey;
beforeAll(async () => {
  deps = await cryptoDeps();
  key = await generateDataKey(deps);
});

const here = aadFor('records', 'data', 'user-1/checkIns/row-1');

describe('random bytes', () => {
  it('never hands out the same bytes twice, across many refills of its block', () => {
    const seen = new Set<string>();
    // 12-byte nonces and 32-byte secrets interleaved: ~100 refills of the 4 KB block.
    for (let i = 0; i < 10_000; i++) {
      const bytes = getRandomValues(new Uint8Array(i % 3 === 0 ? 32 : 12));
      seen.add(toBase64Url(bytes));
    }
    expect(seen.size).toBe(10_000);
  });

  it('fills every size asked for, large ones straight from WebCrypto', () => {
    for (const n of [0, 1, 12, 255, 256, 257, 4096, 65_536]) {
      const bytes = getRandomValues(new Uint8Array(n));
      expect(bytes.byteLength).toBe(n);
      // 16 or more random bytes are all zero with probability 2^-128.
      if (n >= 16) expect(bytes.some((b) => b !== 0)).toBe(true);
    }
  });
});

describe('the envelope', () => {
  it('round-trips any Unicode text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme' }), async (text) => {
        const envelope = await encryptText(deps, key, text, here);
        expect(envelope).toMatch(/^v2:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
        expect(await decryptText(key, envelope, here)).toBe(text);
      }),
      { numRuns: 100 },
    );
  });

  it('is WebCrypto AES-GCM byte for byte, both ways, so envelopes written by either still open', async () => {
    const subtle = globalThis.crypto.subtle;
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme' }), fc.string(), async (text, row) => {
        const aad = aadFor('records', 'data', row);
        const additionalData = new TextEncoder().encode(aad);
        // ours → WebCrypto: the text, then 0x80 and zeros up to its bucket, under `v2|aad`
        const [, nonce, sealed] = (await encryptText(deps, key, text, aad)).split(':');
        const opened = new Uint8Array(
          await subtle.decrypt(
            {
              name: 'AES-GCM',
              iv: fromBase64Url(nonce!),
              additionalData: new TextEncoder().encode(`v2|${aad}`),
            },
            key,
            fromBase64Url(sealed!),
          ),
        );
        const bytes = new TextEncoder().encode(text);
        expect(opened.byteLength).toBe(paddedLength(bytes.byteLength));
        expect(opened[bytes.byteLength]).toBe(0x80);
        expect(opened.subarray(bytes.byteLength + 1).every((b) => b === 0)).toBe(true);
        expect(new TextDecoder().decode(opened.subarray(0, bytes.byteLength))).toBe(text);
        // WebCrypto → ours, as the first release wrote it (v1: unpadded, plain AAD)
        const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
        const made = await subtle.encrypt(
          { name: 'AES-GCM', iv, additionalData },
          key,
          new TextEncoder().encode(text),
        );
        const envelope = `v1:${toBase64Url(iv)}:${toBase64Url(new Uint8Array(made))}`;
        expect(await decryptText(key, envelope, aad)).toBe(text);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a key that is not an AES-GCM key for the job', async () => {
    const encryptOnly = await globalThis.crypto.subtle.importKey(
      'raw',
      globalThis.crypto.getRandomValues(new Uint8Array(32)),
      { name: 'AES-GCM' },
      false,
      ['encrypt'],
    );
    const envelope = await encryptText(deps, encryptOnly, 'private note', here);
    await expect(decryptText(encryptOnly, envelope, here)).rejects.toThrow(/not an AES-GCM key for decrypt/);
    const hmac = await globalThis.crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    await expect(encryptText(deps, hmac, 'private note', here)).rejects.toThrow(/not an AES-GCM key/);
  });

  it('never shows the plaintext and never repeats a ciphertext for the same text', async () => {
    const a = await encryptText(deps, key, 'I miss you', here);
    const b = await encryptText(deps, key, 'I miss you', here);
    expect(a).not.toBe(b);
    expect(a).not.toContain('miss');
    expect(Buffer.from(a.split(':')[2]!, 'base64url').toString('latin1')).not.toContain('miss');
  });

  it('fails to decrypt when moved to another row, another column or another table', async () => {
    const envelope = await encryptText(deps, key, 'private note', here);
    const elsewhere = [
      aadFor('records', 'data', 'user-1/checkIns/row-2'),
      aadFor('records', 'data', 'user-2/checkIns/row-1'),
      aadFor('records', 'other', 'user-1/checkIns/row-1'),
      aadFor('singletons', 'data', 'user-1/checkIns/row-1'),
    ];
    for (const aad of elsewhere) {
      await expect(decryptText(key, envelope, aad)).rejects.toBeInstanceOf(DecryptError);
    }
  });

  it('fails under another key and after any change to the ciphertext', async () => {
    const envelope = await encryptText(deps, key, 'private note', here);
    await expect(decryptText(await generateDataKey(deps), envelope, here)).rejects.toBeInstanceOf(
      DecryptError,
    );
    const [version, nonce, body] = envelope.split(':') as [string, string, string];
    const bytes = fromBase64Url(body);
    bytes[0] = bytes[0]! ^ 1;
    await expect(decryptText(key, `${version}:${nonce}:${toBase64Url(bytes)}`, here)).rejects.toBeInstanceOf(
      DecryptError,
    );
  });

  it('refuses a v2 envelope relabelled v1 and padding it did not write', async () => {
    const envelope = await encryptText(deps, key, 'private note', here);
    await expect(decryptText(key, envelope.replace(/^v2:/, 'v1:'), here)).rejects.toBeInstanceOf(
      DecryptError,
    );
    // authentic ciphertext whose plaintext ends without the 0x80 marker
    const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
    const unpadded = await globalThis.crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(`v2|${here}`) },
      key,
      new TextEncoder().encode('private note'),
    );
    const forged = `v2:${toBase64Url(iv)}:${toBase64Url(new Uint8Array(unpadded))}`;
    await expect(decryptText(key, forged, here)).rejects.toThrow(/padding/);
  });

  it('answers any malformed envelope with DecryptError, never another kind of crash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.tuple(fc.string(), fc.string(), fc.string()).map((parts) => parts.join(':')),
          fc
            .tuple(fc.constantFrom('v1', 'v2'), fc.base64String(), fc.base64String())
            .map(([v, a, b]) => `${v}:${a}:${b}`),
        ),
        async (junk) => {
          await expect(decryptText(key, junk, here)).rejects.toBeInstanceOf(DecryptError);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('padding', () => {
  it('makes the ciphertext length a function of the size bucket alone, never of the exact text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 600 }), async (text) => {
        const bytes = new TextEncoder().encode(text).byteLength;
        const envelope = await encryptText(deps, key, text, here);
        const sealed = fromBase64Url(envelope.split(':')[2]!).byteLength;
        expect(sealed).toBe(paddedLength(bytes) + 16);
        expect(paddedLength(bytes)).toBeGreaterThan(bytes);
        expect(paddedLength(bytes)).toBeLessThanOrEqual(Math.max(256, 2 * (bytes + 1)));
      }),
      { numRuns: 150 },
    );
  });

  it('hides which answer a short record holds', async () => {
    const lengthOf = async (value: unknown) =>
      (await encryptText(deps, key, JSON.stringify(value), here)).length;
    const checkIn = (mood: number) => ({ id: 'c', on: '2026-03-01', mood, urge: 3, sleepHours: 7 });
    expect(await lengthOf(checkIn(10))).toBe(await lengthOf(checkIn(3)));
    const outcome = (kind: string) => ({ decidedAt: '2026-03-01T10:00:00.000Z', kind, note: '' });
    expect(await lengthOf(outcome('moving-on'))).toBe(await lengthOf(outcome('together')));
  });

  it('buckets sizes: 256 bytes, powers of two, then multiples of 64 KiB', () => {
    expect([0, 1, 255, 256, 300, 511, 512, 65_535, 65_536, 70_000].map(paddedLength)).toEqual([
      256, 256, 256, 512, 512, 512, 1024, 65_536, 131_072, 131_072,
    ]);
  });
});

describe('journal slots', () => {
  it('find the same row again under the same key, and name nothing without it', async () => {
    const other = await generateDataKey(deps);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('checkIns', 'setbacks', 'contactEvents'),
        fc.string(),
        async (kind, id) => {
          const name = `c/${kind}/${id}`;
          const slot = journalSlot(key, name);
          expect(slot).toMatch(/^[A-Za-z0-9_-]{22}$/);
          expect(journalSlot(key, name)).toBe(slot);
          // another person's key puts the same kind and id elsewhere
          expect(journalSlot(other, name)).not.toBe(slot);
          expect(slot).not.toContain(kind);
        },
      ),
      { numRuns: 100 },
    );
    expect(journalSlot(key, 'c/checkIns/a')).not.toBe(journalSlot(key, 'c/setbacks/a'));
  });
});

describe('keys', () => {
  it('wraps a data key under a password and unwraps it only with the same password and salt', async () => {
    const salt = new Uint8Array(16).fill(7);
    const kek = await derivePasswordKek(deps, 'correct horse battery', salt, FAST_KDF);
    const aad = aadFor('users', 'wrapped_key', 'user-1');
    const wrapped = await wrapDataKey(deps, kek, key, aad);
    const unwrapped = await unwrapDataKey(deps, kek, wrapped, aad);
    const envelope = await encryptText(deps, key, 'still readable', here);
    expect(await decryptText(unwrapped, envelope, here)).toBe('still readable');

    const wrongPassword = await derivePasswordKek(deps, 'correct horse batterY', salt, FAST_KDF);
    await expect(unwrapDataKey(deps, wrongPassword, wrapped, aad)).rejects.toBeInstanceOf(DecryptError);
    const wrongSalt = await derivePasswordKek(deps, 'correct horse battery', new Uint8Array(16), FAST_KDF);
    await expect(unwrapDataKey(deps, wrongSalt, wrapped, aad)).rejects.toBeInstanceOf(DecryptError);
    await expect(
      unwrapDataKey(deps, kek, wrapped, aadFor('users', 'wrapped_key', 'user-2')),
    ).rejects.toBeInstanceOf(DecryptError);
  });

  it('treats the same password typed in composed or decomposed Unicode as the same password', async () => {
    const salt = new Uint8Array(16).fill(3);
    const composed = 'caf\u00e9 au lait 2026';
    const decomposed = 'cafe\u0301 au lait 2026';
    const aad = aadFor('users', 'wrapped_key', 'u');
    const wrapped = await wrapDataKey(
      deps,
      await derivePasswordKek(deps, composed, salt, FAST_KDF),
      key,
      aad,
    );
    await expect(
      unwrapDataKey(deps, await derivePasswordKek(deps, decomposed, salt, FAST_KDF), wrapped, aad),
    ).resolves.toBeDefined();
    expect(await verifyPassword(deps, await hashPassword(deps, composed, FAST_KDF), decomposed)).toBe(true);
  });

  it('keeps the login hash and the key-encryption key apart: the hash never contains the KEK secret', async () => {
    const password = 'correct horse battery';
    const hash = await hashPassword(deps, password, FAST_KDF);
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(deps, hash, password)).toBe(true);
    expect(await verifyPassword(deps, hash, 'wrong')).toBe(false);
    expect(await verifyPassword(deps, 'not a hash', password)).toBe(false);
    // The KEK comes from a different salt, so the hash's digest is not the KEK's raw bytes.
    const salt = new Uint8Array(16).fill(9);
    const raw = await deps.argon2.hashRaw(password, { ...FAST_KDF, algorithm: 2, salt, outputLen: 32 });
    expect(hash).not.toContain(toBase64Url(new Uint8Array(raw)).slice(0, 20));
  });

  it('uses the default OWASP cost when none is given', async () => {
    const hash = await hashPassword(deps, 'a passphrase');
    expect(hash).toContain('m=19456,t=2,p=1');
  });
});

describe('session secrets', () => {
  it('are 256 random bits, stored only as SHA-256, and derive the same KEK every time', async () => {
    const secret = newSessionSecret(deps);
    expect(fromBase64Url(secret).byteLength).toBe(32);
    expect(newSessionSecret(deps)).not.toBe(secret);
    const hash = await sha256(deps, secret);
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).not.toBe(secret);
    const aad = aadFor('sessions', 'wrapped_key', hash);
    const wrapped = await wrapDataKey(deps, await deriveSessionKek(deps, secret), key, aad);
    await expect(
      unwrapDataKey(deps, await deriveSessionKek(deps, secret), wrapped, aad),
    ).resolves.toBeDefined();
    const other = await deriveSessionKek(deps, newSessionSecret(deps));
    await expect(unwrapDataKey(deps, other, wrapped, aad)).rejects.toBeInstanceOf(DecryptError);
  });

  it('hashes known input to the known SHA-256 digest', async () => {
    expect(await sha256(deps, 'abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
  });
});
