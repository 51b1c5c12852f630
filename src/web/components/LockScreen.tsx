/**
 * The app lock's screen: nothing of the person's journal is on the page while it shows, only
 * the PIN field, SOS (help is never locked away) and a way out. Five wrong PINs end the
 * session: the person logs in again with their password.
 */
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { MAX_TRIES, removeLock, tryPin } from '../lock.js';
import { clearOffline } from '../offline.js';
import { go } from '../router.js';
import { me } from '../state.js';

/** Ends the session everywhere this device can reach, and wipes what the device kept. */
export async function endSession(): Promise<void> {
  try {
    await api.post('/api/v1/auth/logout');
  } catch {
    // Offline: the cookie still goes below with the device data.
  }
  await clearOffline();
  removeLock();
  me.value = null;
  go('welcome');
}

export function LockScreen() {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  return (
    <div class="lock-screen">
      <h1>Olive Branch is locked</h1>
      <p class="muted">Enter your PIN to open it. SOS above works without it.</p>
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void tryPin(pin)
            .then(async (r) => {
              setPin('');
              if (r.ok) return;
              if (r.left === 0) {
                await endSession();
                return;
              }
              setError(
                `That PIN is not right. ${r.left} ${r.left === 1 ? 'try' : 'tries'} left before you are logged out (after ${MAX_TRIES} wrong PINs, you log in again with your password).`,
              );
            })
            .finally(() => setBusy(false));
        }}
      >
        <div class="field">
          <label for="unlock-pin">PIN</label>
          <input
            id="unlock-pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            onInput={(e) => setPin((e.currentTarget as HTMLInputElement).value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'unlock-err' : undefined}
          />
          {error && (
            <p id="unlock-err" class="error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div class="row">
          <button type="submit" disabled={busy || pin === ''}>
            Unlock
          </button>
          <button type="button" class="secondary" onClick={() => void endSession()}>
            Forgot the PIN? Log in with your password
          </button>
        </div>
      </form>
    </div>
  );
}
