/**
 * Welcome: what the app is and is not, privacy, what losing the password means, then
 * register or log in. Errors are shown next to the field, and nothing typed is lost.
 */
import { useState } from 'preact/hooks';
import { ABOUT, PASSWORD, PRIVACY } from '../../content/copy.js';
import { api } from '../api.js';
import { Field, Notice, Status, useSave } from '../components/ui.js';
import { reloadPlan } from '../plan.js';
import { go } from '../router.js';
import { type Me, me } from '../state.js';

export default function Welcome() {
  const [mode, setMode] = useState<'register' | 'login'>('register');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [ack, setAck] = useState(false);
  const [ackError, setAckError] = useState<string | undefined>();
  const save = useSave(['email', 'password']);

  const submit = (e: Event) => {
    e.preventDefault();
    if (mode === 'register' && !ack) {
      setAckError('Please confirm you understand this before creating the account.');
      return;
    }
    setAckError(undefined);
    void save.run(async () => {
      const body =
        mode === 'register'
          ? { email: email.trim(), password, acknowledgeDataLoss: true }
          : { email: email.trim(), password };
      const res = await api.post<{ user: Me }>(`/api/v1/auth/${mode}`, body);
      me.value = res.user;
      setPassword('');
      if (mode === 'register') go('onboarding');
      else {
        const p = await reloadPlan();
        if (p) go('today');
      }
    });
  };

  return (
    <div class="grid two">
      <section>
        <h1>Olive Branch</h1>
        <p>
          <strong>{ABOUT.tagline}</strong>
        </p>
        <h2>What it is</h2>
        <ul>
          {ABOUT.is.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
        <h2>What it is not</h2>
        <ul>
          {ABOUT.isNot.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
        <h2>{PRIVACY.title}</h2>
        <ul>
          {PRIVACY.points.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      </section>
      <section class="card" aria-labelledby="account-h">
        <h2 id="account-h">{mode === 'register' ? 'Create your private account' : 'Log in'}</h2>
        <fieldset class="row plain">
          <legend class="visually-hidden">Account</legend>
          <button
            type="button"
            class={mode === 'register' ? '' : 'secondary'}
            aria-pressed={mode === 'register'}
            onClick={() => setMode('register')}
          >
            Create account
          </button>
          <button
            type="button"
            class={mode === 'login' ? '' : 'secondary'}
            aria-pressed={mode === 'login'}
            onClick={() => setMode('login')}
          >
            Log in
          </button>
        </fieldset>
        <form onSubmit={submit} style={{ marginTop: '1rem' }}>
          <Field
            label="Email"
            type="email"
            autocomplete="username"
            value={email}
            onValue={setEmail}
            required
            error={save.fieldErrors.email}
          />
          <Field
            label="Password"
            type="password"
            autocomplete={mode === 'register' ? 'new-password' : 'current-password'}
            value={password}
            onValue={setPassword}
            required
            minLength={mode === 'register' ? 10 : undefined}
            hint={
              mode === 'register'
                ? 'At least 10 characters. A short sentence you will remember works well.'
                : undefined
            }
            error={save.fieldErrors.password}
          />
          {mode === 'register' && (
            <>
              <Notice kind="warn">
                <strong>{PASSWORD.title}.</strong> {PASSWORD.text} {PASSWORD.exportReminder}
              </Notice>
              <label class="choice">
                <input
                  type="checkbox"
                  checked={ack}
                  onChange={(e) => setAck((e.currentTarget as HTMLInputElement).checked)}
                  aria-invalid={ackError ? true : undefined}
                />
                {PASSWORD.acknowledgement}
              </label>
              {ackError && (
                <p class="error" role="alert">
                  {ackError}
                </p>
              )}
            </>
          )}
          <Status save={save} />
          <button type="submit" disabled={save.busy}>
            {mode === 'register' ? 'Create my account' : 'Log in'}
          </button>
        </form>
      </section>
    </div>
  );
}
