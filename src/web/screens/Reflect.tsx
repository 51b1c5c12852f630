/**
 * Reflect<Principles ids={['P1']} />: the reasons from the taxonomy and the user's own words on their part,
 * patterns, strengths, weaknesses and what drew them together. Saved as you go: a pause in
 * typing saves; a failed save keeps the text and says so.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { REASONS, REFLECTION_SECTIONS } from '../../content/reflection.js';
import { type BreakupReason, LIMITS, type Reflection } from '../../method/schema.js';
import { ApiError } from '../api.js';
import { checkForCrisis } from '../components/crisis.js';
import { Principles, TextArea } from '../components/ui.js';
import { forgetUnsaved, stashUnsaved, takeUnsaved } from '../handoff.js';
import { reloadPlan } from '../plan.js';
import { getOne, putOne } from '../resources.js';
import { plainReason } from '../words.js';

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

/** What a closing page hands to the next load (handoff.ts): its words and what it started from. */
interface Handoff {
  base: Reflection;
  data: Reflection;
}
const HANDOFF = 'reflection';

/** Chromium lets a page's outliving requests carry 64 KiB in all; leave room for a draft's. */
const KEEPALIVE_MAX_BYTES = 48 * 1024;

type TextField = Exclude<keyof Reflection, 'reasons' | 'updatedAt'>;
const TEXT_FIELDS: readonly TextField[] = [
  'reasonsNote',
  'ownRole',
  'patterns',
  'strengths',
  'weaknesses',
  'whatDrewUsTogether',
];

/**
 * Two tabs, one reflection: keeps every field this tab changed since it last heard from the
 * server, and takes the other tab's words everywhere else.
 *
 * @example
 * reconcile(base, mine, theirs) // mine where I typed, theirs where they did
 */
export function reconcile(base: Reflection, mine: Reflection, theirs: Reflection): Reflection {
  const out: Reflection = { ...theirs };
  for (const f of TEXT_FIELDS) if ((mine[f] ?? '') !== (base[f] ?? '')) out[f] = mine[f];
  const sameReasons =
    mine.reasons.length === base.reasons.length && mine.reasons.every((r) => base.reasons.includes(r));
  if (!sameReasons) out.reasons = mine.reasons;
  return out;
}

export default function ReflectScreen() {
  const [data, setData] = useState<Reflection>(EMPTY);
  const [version, setVersion] = useState<number | null>(null);
  const [status, setStatus] = useState<string>('');
  const [error, setError] = useState<string | undefined>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ data, version });
  latest.current = { data, version: latest.current.version ?? version };
  /** What the server last said it holds (the common ancestor for two tabs). */
  const base = useRef<Reflection>(EMPTY);
  const saving = useRef(false);
  const again = useRef(false);
  const dirty = useRef(false);

  async function load(onlyIfClean: boolean) {
    try {
      const r = await getOne<Reflection>('reflection');
      if (onlyIfClean && (dirty.current || saving.current)) return;
      const stored = r.data ?? EMPTY;
      base.current = stored;
      // Words the last page of this tab left as it closed: keep what it changed, take the
      // server's words everywhere else, and save.
      const left = onlyIfClean ? undefined : takeUnsaved<Handoff>(HANDOFF);
      const data = left
        ? { ...reconcile(left.base, left.data, stored), updatedAt: stored.updatedAt }
        : stored;
      latest.current = { data, version: r.version };
      setData(data);
      setVersion(r.version);
      if (left && TEXT_FIELDS.some((f) => (data[f] ?? '') !== (stored[f] ?? ''))) {
        dirty.current = true;
        void saveNow();
      } else if (left) forgetUnsaved(HANDOFF);
    } catch (e) {
      if (!onlyIfClean) setError(e instanceof ApiError ? e.detail : 'Your reflection could not load.');
    }
  }

  useEffect(() => {
    void load(false);
    // Leaving, or switching away on a phone, saves the last words at once; coming back
    // picks up what another tab saved meanwhile.
    const onHide = () => {
      if (document.visibilityState === 'hidden') {
        if (dirty.current) leaving();
      } else void load(true);
    };
    const onLeave = () => dirty.current && leaving();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onLeave);
    return () => {
      clearTimeout(timer.current);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onLeave);
      if (dirty.current) void saveNow();
    };
  }, []);

  /** The page may be closing: hand the words to the next load too, then save. */
  function leaving() {
    stashUnsaved(HANDOFF, { base: base.current, data: latest.current.data } satisfies Handoff);
    void saveNow();
  }

  async function saveNow() {
    if (latest.current.version === null) return;
    if (saving.current) {
      // A save is on its way: save again right after it, so the last keystrokes go too.
      again.current = true;
      return;
    }
    clearTimeout(timer.current);
    saving.current = true;
    dirty.current = false;
    setStatus('Saving…');
    const body = { ...latest.current.data, updatedAt: new Date().toISOString() };
    // Every save may be the last: a reload blurs the field, and the save that blur starts
    // must outlive the page as much as the one the page's hiding starts. Browsers cap what
    // such requests may carry, so a very long reflection goes as an ordinary request.
    const keepalive = new TextEncoder().encode(JSON.stringify(body)).byteLength < KEEPALIVE_MAX_BYTES;
    try {
      let rec: Awaited<ReturnType<typeof putOne<Reflection>>>;
      try {
        rec = await putOne<Reflection>('reflection', latest.current.version, body, { keepalive });
      } catch (e) {
        if (!(e instanceof ApiError) || e.status !== 409) throw e;
        // Another tab saved first: merge, show the merged words, and save them.
        const theirs = await getOne<Reflection>('reflection');
        const merged = { ...reconcile(base.current, body, theirs.data ?? EMPTY), updatedAt: body.updatedAt };
        latest.current = { data: merged, version: theirs.version };
        setData(merged);
        rec = await putOne<Reflection>('reflection', theirs.version, merged);
      }
      base.current = (rec.data as Reflection | null) ?? body;
      latest.current.version = rec.version;
      setVersion(rec.version);
      setStatus(dirty.current ? 'Unsaved changes…' : 'Saved.');
      if (!dirty.current) forgetUnsaved(HANDOFF);
      setError(undefined);
      void reloadPlan();
    } catch (e) {
      dirty.current = true;
      setStatus('');
      setError(
        e instanceof ApiError
          ? `Not saved: ${plainReason(e)} Your words are still here.`
          : 'Not saved: the app could not reach its server. Your words are still here.',
      );
    } finally {
      saving.current = false;
      if (again.current) {
        again.current = false;
        void saveNow();
      }
    }
  }

  function change(next: Reflection) {
    setData(next);
    latest.current = { ...latest.current, data: next };
    dirty.current = true;
    setStatus('Unsaved changes…');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), 800);
  }

  const toggleReason = (id: BreakupReason) =>
    change({
      ...latest.current.data,
      reasons: latest.current.data.reasons.includes(id)
        ? latest.current.data.reasons.filter((r) => r !== id)
        : [...latest.current.data.reasons, id],
    });

  return (
    <div>
      <h1>Reflect</h1>
      <p class="muted">
        Understanding what happened is the ground everything else stands on.
        <Principles ids={['P1']} /> Write as much or as little as you like; it saves as you go and is
        encrypted on this device.
      </p>
      <p aria-live="polite" class="small muted">
        {status}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {version === null ? (
        // The fields wait for the saved words: typed into before they land, they would be
        // replaced by them (and a reload right after would save the replacement).
        !error && <p class="muted">Opening your reflection…</p>
      ) : (
        <>
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
              <TextArea
                id={`f-${s.field}`}
                label="Your words"
                rows={5}
                placeholder={s.placeholder}
                value={data[s.field] ?? ''}
                limit={LIMITS.longText}
                onValue={(v) => change({ ...latest.current.data, [s.field]: v })}
                onBlur={() => {
                  void saveNow();
                  checkForCrisis(latest.current.data[s.field] ?? '');
                }}
              />
            </section>
          ))}
          <p>
            <button type="button" onClick={() => void saveNow()}>
              Save now
            </button>
          </p>
        </>
      )}
    </div>
  );
}
