/**
 * The app lock's screen: nothing of the person's journal is on the page while it shows, only
 * the PIN (or password) field, SOS (help is never locked away) and a way out. Five wrong
 * tries end the session: the person logs in again with their password.
 */
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { MAX_TRIES, removeLock, tryPassword, tryPin, unlockMethod } from '../lock.js';
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
  const method = unlockMethod();
  const what = method === 'pin' ? 'PIN' : 'password';
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  return (
    <div class="lock-screen">
      <h1>Olive Branch is locked</h1>
      <p class="muted">
        {method === 'pin'
          ? 'Enter your PIN to open it. SOS above works without it.'
          : 'Enter your account password to open it. SOS above works without it.'}
      </p>
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void (method === 'pin' ? tryPin(secret) : tryPassword(secret))
            .then(async (r) => {
              setSecret('');
              if (r.ok) return;
              if ('problem' in r) {
                setError(r.problem);
                return;
              }
              if (r.left === 0) {
                await endSession();
                return;
              }
              setError(
                `That ${what} is not right. ${r.left} ${r.left === 1 ? 'try' : 'tries'} left before you are logged out (after ${MAX_TRIES} wrong tries, you log in again with your password).`,
              );
            })
            .finally(() => setBusy(false));
        }}
      >
        <div class="field">
          <label for="unlock-secret">{method === 'pin' ? 'PIN' : 'Password'}</label>
          <input
            id="unlock-secret"
            type="password"
            inputMode={method === 'pin' ? 'numeric' : undefined}
            autoComplete={method === 'pin' ? 'off' : 'current-password'}
            value={secret}
            onInput={(e) => setSecret((e.currentTarget as HTMLInputElement).value)}
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
          <button type="submit" disabled={busy || secret === ''}>
            Unlock
          </button>
          <button type="button" class="secondary" onClick={() => void endSession()}>
            {method === 'pin' ? 'Forgot the PIN? Log in with your password' : 'Log out and log in again'}
          </button>
        </div>
      </form>
    </div>
  );
}
