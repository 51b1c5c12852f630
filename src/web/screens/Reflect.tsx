/**
 * Reflect (P1): the reasons from the taxonomy and the user's own words on their part,
 * patterns, strengths, weaknesses and what drew them together. Saved as you go: a pause in
 * typing saves; a failed save keeps the text and says so.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { REASONS, REFLECTION_SECTIONS } from '../../content/reflection.js';
import type { BreakupReason, Reflection } from '../../method/schema.js';
import { ApiError } from '../api.js';
import { checkForCrisis } from '../components/crisis.js';
import { Principles } from '../components/ui.js';
import { reloadPlan } from '../plan.js';
import { getOne, putOne } from '../resources.js';

const EMPTY: Reflection = {
  reasons: [],
  reasonsNote: '',
  ownRole: '',
  patterns: '',
  strengths: '',
  weaknesses: '',
  whatDrewUsTogether: '',
  updatedAt: null,
};

export default function ReflectScreen() {
  const [data, setData] = useState<Reflection>(EMPTY);
  const [version, setVersion] = useState<number | null>(null);
  const [status, setStatus] = useState<string>('');
  const [error, setError] = useState<string | undefined>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ data, version });
  latest.current = { data, version };
  const saving = useRef(false);

  useEffect(() => {
    getOne<Reflection>('reflection')
      .then((r) => {
        setData(r.data ?? EMPTY);
        setVersion(r.version);
      })
      .catch((e) => setError(e instanceof ApiError ? e.detail : 'Could not load your reflection.'));
    return () => clearTimeout(timer.current);
  }, []);

  async function saveNow() {
    if (saving.current || latest.current.version === null) return;
    saving.current = true;
    setStatus('Saving…');
    const body = { ...latest.current.data, updatedAt: new Date().toISOString() };
    try {
      const rec = await putOne<Reflection>('reflection', latest.current.version, body);
      setVersion(rec.version);
      latest.current.version = rec.version;
      setStatus('Saved.');
      setError(undefined);
      void reloadPlan();
    } catch (e) {
      setStatus('');
      setError(
        e instanceof ApiError
          ? `Not saved: ${e.detail} Your words are still here.`
          : 'Not saved: the app could not reach its server. Your words are still here.',
      );
    } finally {
      saving.current = false;
    }
  }

  function change(next: Reflection) {
    setData(next);
    setStatus('Unsaved changes…');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), 800);
  }

  const toggleReason = (id: BreakupReason) =>
    change({
      ...data,
      reasons: data.reasons.includes(id) ? data.reasons.filter((r) => r !== id) : [...data.reasons, id],
    });

  return (
    <div>
      <h1>Reflect</h1>
      <p class="muted">
        Understanding what happened is the ground everything else stands on (P1). Write as much or as little
        as you like; it saves as you go and is encrypted on this device.
      </p>
      <p aria-live="polite" class="small muted">
        {status}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {REFLECTION_SECTIONS.map((s) => (
        <section class="card" key={s.id} aria-labelledby={`sec-${s.id}`}>
          <h2 id={`sec-${s.id}`}>{s.title}</h2>
          <p>{s.intro}</p>
          {s.id === 'reasons' && (
            <fieldset>
              <legend>What played a part? (choose any)</legend>
              {REASONS.map((r) => (
                <label class="choice" key={r.id}>
                  <input
                    type="checkbox"
                    checked={data.reasons.includes(r.id)}
                    onChange={() => toggleReason(r.id)}
                  />
                  <span>
                    {r.label} <span class="small muted">— {r.description}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          <ul class="small">
            {s.prompts.map((p) => (
              <li key={p.id}>
                {p.question} <span class="muted">{p.hint}</span>
                <Principles ids={p.principles} />
              </li>
            ))}
          </ul>
          <label for={`f-${s.field}`}>Your words</label>
          <textarea
            id={`f-${s.field}`}
            rows={5}
            placeholder={s.placeholder}
            value={data[s.field] ?? ''}
            maxLength={20000}
            onInput={(e) => change({ ...data, [s.field]: (e.currentTarget as HTMLTextAreaElement).value })}
            onBlur={(e) => {
              void saveNow();
              checkForCrisis((e.currentTarget as HTMLTextAreaElement).value);
            }}
          />
        </section>
      ))}
      <p>
        <button type="button" onClick={() => void saveNow()}>
          Save now
        </button>
      </p>
    </div>
  );
}
