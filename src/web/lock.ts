/**
 * The optional app lock for shared phones: after the chosen idle time (and whenever the app
 * is opened again) it asks for a PIN or, if the person chose so, their account password.
 * The PIN is never stored: only a PBKDF2 hash with a random salt, on this device. The
 * password is checked by the server, under the same throttle as a login. After 5 wrong
 * tries the session is ended on the server, the device copy of the safety plan is wiped,
 * and the person logs in again with the password.
 */
import { signal } from '@preact/signals';
import { ApiError, api } from './api.js';

export type Unlock = 'pin' | 'password';

export interface LockConfig {
  /** Absent in locks set before the password could be chosen: those are PINs. */
  method?: Unlock;
  /** The PIN's salt and hash (empty for a password lock). */
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
  writeLock({ method: 'pin', salt, hash: await hashPin(pin, salt), idleMinutes, failures: 0 });
}

/** A lock that asks for the account password: nothing secret is kept on the device. */
export function setPasswordLock(idleMinutes: number): void {
  writeLock({ method: 'password', salt: '', hash: '', idleMinutes, failures: 0 });
}

/** How the lock on this device opens (a PIN unless the password was chosen). */
export function unlockMethod(c: LockConfig | null = readLock()): Unlock {
  return c?.method === 'password' ? 'password' : 'pin';
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

/**
 * `left: 0` means the session must end now; `problem` is a try that could not be checked
 * (offline, or the server asks to wait): it does not count.
 */
export type Attempt = { ok: true } | { ok: false; left: number } | { ok: false; problem: string };

function unlocked(c: LockConfig): Attempt {
  writeLock({ ...c, failures: 0 });
  locked.value = false;
  try {
    sessionStorage.removeItem(LOCKED);
  } catch {
    // nothing kept
  }
  return { ok: true };
}

function wrong(c: LockConfig): Attempt {
  const failures = c.failures + 1;
  writeLock({ ...c, failures });
  return { ok: false, left: Math.max(0, MAX_TRIES - failures) };
}

/** Checks a PIN; counts wrong ones. */
export async function tryPin(pin: string): Promise<Attempt> {
  const c = readLock();
  if (!c) return { ok: true };
  return (await hashPin(pin, c.salt)) === c.hash ? unlocked(c) : wrong(c);
}

/**
 * Checks the account password with the server; counts wrong ones like wrong PINs (the
 * server's login throttle counts them too).
 *
 * @example
 * const r = await tryPassword(typed);
 * if (!r.ok && 'left' in r && r.left === 0) await endSession();
 */
export async function tryPassword(password: string): Promise<Attempt> {
  const c = readLock();
  if (!c) return { ok: true };
  try {
    await api.post('/api/v1/auth/check-password', { password });
    return unlocked(readLock() ?? c);
  } catch (e) {
    if (e instanceof ApiError && e.status === 400) return wrong(readLock() ?? c);
    if (e instanceof ApiError && e.status === 401) return { ok: false, left: 0 };
    if (e instanceof ApiError && e.status === 429) return { ok: false, problem: e.detail || e.title };
    return {
      ok: false,
      problem:
        'The password can only be checked with a connection to the app’s server. SOS above works without it.',
    };
  }
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
