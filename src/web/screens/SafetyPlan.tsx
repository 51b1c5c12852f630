/**
 * My safety plan (P15): its own screen under Help and safety. Written on a calmer day for a
 * hard one, kept as its own encrypted record (never a letter), and a copy is kept on this
 * device, encrypted, so it opens even when the server cannot be reached.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  emptySafetyPlan,
  SAFETY_PLAN_INTRO,
  SAFETY_PLAN_SECTIONS,
  type SafetyPlan,
  safetyPlanToMarkdown,
} from '../../content/help.js';
import { LIMITS, type SafetyPlanRecord } from '../../method/schema.js';
import { ApiError } from '../api.js';
import { Notice, Status, useSave } from '../components/ui.js';
import { moveMisplacedLetters } from '../legacy.js';
import { readOffline, writeOffline } from '../offline.js';
import { getOne, putOne } from '../resources.js';
import { me } from '../state.js';

type Texts = Record<keyof SafetyPlan, string>;

function toTexts(plan: Partial<SafetyPlan>): Texts {
  const out = {} as Texts;
  for (const s of SAFETY_PLAN_SECTIONS) out[s.id] = (plan[s.id] ?? []).join('\n');
  return out;
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** What is wrong with a section, in words, or undefined (nothing is ever cut). */
function sectionError(text: string): string | undefined {
  const ls = lines(text);
  if (ls.length > LIMITS.safetyPlanLines)
    return `This part holds up to ${LIMITS.safetyPlanLines} lines; it has ${ls.length}. Join or remove a few to save.`;
  const long = ls.findIndex((l) => l.length > LIMITS.noteText);
  if (long >= 0)
    return `Line ${long + 1} is longer than ${LIMITS.noteText.toLocaleString('en-GB')} characters.`;
  return undefined;
}

export const OFFLINE_PLAN_KEY = 'safety-plan';

export default function SafetyPlanScreen() {
  const [version, setVersion] = useState<number | null>(null);
  const [texts, setTexts] = useState<Texts>(toTexts(emptySafetyPlan()));
  const [offline, setOffline] = useState(false);
  const [loadError, setLoadError] = useState<string | undefined>();
  const save = useSave();

  useEffect(() => {
    let alive = true;
    moveMisplacedLetters()
      .then(() => getOne<SafetyPlanRecord>('safety-plan'))
      .then((r) => {
        if (!alive) return;
        setVersion(r.version);
        if (r.data) {
          setTexts(toTexts(r.data));
          void writeOffline(OFFLINE_PLAN_KEY, r.data);
        }
      })
      .catch(async (e) => {
        // Logged out: the screen says how to log in; nothing failed.
        if (e instanceof ApiError && e.status === 401) return;
        // No server: show the copy kept on this device, if there is one.
        const copy = await readOffline<SafetyPlanRecord>(OFFLINE_PLAN_KEY);
        if (!alive) return;
        if (copy) {
          setTexts(toTexts(copy));
          setOffline(true);
        } else setLoadError('Your safety plan could not load, and there is no copy on this device yet.');
      });
    return () => {
      alive = false;
    };
  }, []);

  const errors = Object.fromEntries(SAFETY_PLAN_SECTIONS.map((s) => [s.id, sectionError(texts[s.id])]));
  const blocked = Object.values(errors).some(Boolean);
  const asPlan = (): SafetyPlan => {
    const p = emptySafetyPlan();
    for (const s of SAFETY_PLAN_SECTIONS) p[s.id] = lines(texts[s.id]);
    return p;
  };

  return (
    <div>
      <p class="small">
        <a href="#/help">← Help and safety</a>
      </p>
      <h1>My safety plan</h1>
      <p>{SAFETY_PLAN_INTRO}</p>
      {offline && (
        <Notice kind="info" role="status">
          You are offline. This is the copy kept on this device; changes can be saved once the app reaches its
          server again.
        </Notice>
      )}
      {loadError && (
        <p class="error" role="alert">
          {loadError}
        </p>
      )}
      {!me.value && !offline && (
        <p class="card">
          <a href="#/welcome">Log in</a> to write a personal safety plan that stays private to you.
        </p>
      )}
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          if (blocked || version === null) return;
          void save.run(async () => {
            const data: SafetyPlanRecord = { updatedAt: new Date().toISOString(), ...asPlan() };
            const rec = await putOne<SafetyPlanRecord>('safety-plan', version, data);
            setVersion(rec.version);
            await writeOffline(OFFLINE_PLAN_KEY, data);
          }, 'Your safety plan is saved, and a copy is kept on this device for when you are offline.');
        }}
      >
        {SAFETY_PLAN_SECTIONS.map((s) => (
          <div class="field" key={s.id}>
            <label for={`sp-${s.id}`}>{s.title}</label>
            <p class="hint" id={`sp-${s.id}-hint`}>
              {s.prompt} One per line, up to {LIMITS.safetyPlanLines} lines.
            </p>
            <textarea
              id={`sp-${s.id}`}
              rows={3}
              aria-describedby={`sp-${s.id}-hint${errors[s.id] ? ` sp-${s.id}-err` : ''}`}
              aria-invalid={errors[s.id] ? true : undefined}
              placeholder={s.examples.join('\n')}
              value={texts[s.id]}
              readOnly={offline}
              onInput={(e) => setTexts({ ...texts, [s.id]: (e.currentTarget as HTMLTextAreaElement).value })}
            />
            {errors[s.id] && (
              <p class="error" id={`sp-${s.id}-err`} role="alert">
                {errors[s.id]}
              </p>
            )}
          </div>
        ))}
        <Status save={save} />
        <div class="row">
          {!offline && me.value && (
            <button type="submit" disabled={save.busy || blocked || version === null}>
              Save my safety plan
            </button>
          )}
          <a
            class="button secondary"
            download="safety-plan.md"
            href={`data:text/markdown;charset=utf-8,${encodeURIComponent(safetyPlanToMarkdown(asPlan()))}`}
          >
            Download to print
          </a>
        </div>
      </form>
    </div>
  );
}
