/**
 * The optional app lock for shared phones: after the chosen idle time (and whenever the app
 * is opened again) it asks for a PIN. The PIN is never stored: only a PBKDF2 hash with a
 * random salt, on this device. After 5 wrong PINs the session is ended on the server, the
 * device copy of the safety plan is wiped, and the person logs in again with the password.
 */
import { signal } from '@preact/signals';

export interface LockConfig {
  salt: string;
  hash: string;
  idleMinutes: number;
  failures: number;
}

export const MAX_TRIES = 5;
export const IDLE_CHOICES = [1, 5, 15, 30] as const;
const KEY = 'olive.lock';
const LOCKED = 'olive.locked';

/** Whether the app is locked right now (the screen shows only the PIN pad). */
export const locked = signal(false);

function b64(bytes: ArrayBuffer | Uint8Array): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)));
}

export async function hashPin(pin: string, salt: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: new TextEncoder().encode(salt), iterations: 200_000 },
    key,
    256,
  );
  return b64(bits);
}

/** A PIN is 4 to 8 digits; anything else gets one plain sentence. */
export function pinProblem(pin: string): string | undefined {
  return /^\d{4,8}$/.test(pin) ? undefined : 'A PIN is 4 to 8 digits.';
}

export function readLock(): LockConfig | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as LockConfig) : null;
  } catch {
    return null;
  }
}

function writeLock(c: LockConfig | null): void {
  try {
    if (c) localStorage.setItem(KEY, JSON.stringify(c));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage unavailable: the lock cannot be kept on this device.
  }
}

export async function setLock(pin: string, idleMinutes: number): Promise<void> {
  const salt = b64(crypto.getRandomValues(new Uint8Array(16)));
  writeLock({ salt, hash: await hashPin(pin, salt), idleMinutes, failures: 0 });
}

export function removeLock(): void {
  writeLock(null);
  locked.value = false;
  try {
    sessionStorage.removeItem(LOCKED);
  } catch {
    // nothing kept
  }
}

/** Locks at once (quick exit, idle time), if a lock is set. */
export function lockNow(): void {
  if (!readLock()) return;
  locked.value = true;
  try {
    sessionStorage.setItem(LOCKED, '1');
  } catch {
    // nothing kept
  }
}

export type Attempt = { ok: true } | { ok: false; left: number };

/** Checks a PIN; counts wrong ones. `left: 0` means the session must end now. */
export async function tryPin(pin: string): Promise<Attempt> {
  const c = readLock();
  if (!c) return { ok: true };
  if ((await hashPin(pin, c.salt)) === c.hash) {
    writeLock({ ...c, failures: 0 });
    locked.value = false;
    try {
      sessionStorage.removeItem(LOCKED);
    } catch {
      // nothing kept
    }
    return { ok: true };
  }
  const failures = c.failures + 1;
  writeLock({ ...c, failures });
  return { ok: false, left: Math.max(0, MAX_TRIES - failures) };
}

/**
 * Starts watching for idleness: no touch, key or pointer for the chosen minutes locks the
 * app, and so does opening it again (a new page load). Returns a function that stops.
 */
export function watchIdle(now: () => number = Date.now): () => void {
  const c = readLock();
  if (!c) return () => undefined;
  // A fresh open (or a reload) of a locked app starts locked.
  locked.value = true;
  let last = now();
  const touch = () => {
    last = now();
  };
  const events = ['pointerdown', 'keydown', 'touchstart', 'scroll'] as const;
  for (const e of events) window.addEventListener(e, touch, { passive: true });
  const timer = setInterval(() => {
    const cfg = readLock();
    if (cfg && !locked.value && now() - last >= cfg.idleMinutes * 60_000) lockNow();
  }, 5_000);
  const onVisible = () => {
    const cfg = readLock();
    if (document.visibilityState === 'visible' && cfg && now() - last >= cfg.idleMinutes * 60_000) lockNow();
  };
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    for (const e of events) window.removeEventListener(e, touch);
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
