/**
 * Help and safety: emergency and crisis lines (shipped as data), a personal safety plan the
 * person fills in, when to see a therapist or counsellor (P15), and every principle's lesson.
 * Reachable without logging in: help never sits behind a password.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  emptySafetyPlan,
  SAFETY_PLAN_INTRO,
  SAFETY_PLAN_LETTER_TITLE,
  SAFETY_PLAN_SECTIONS,
  type SafetyPlan,
  safetyPlanToMarkdown,
  THERAPY_GUIDANCE,
} from '../../content/help.js';
import { LESSONS } from '../../content/lessons.js';
import type { Letter } from '../../method/schema.js';
import { CrisisLines } from '../components/CrisisLines.js';
import { Principles, Status, useSave } from '../components/ui.js';
import { create, list, type Rec, update } from '../resources.js';
import { lessonId, me } from '../state.js';

/** Where the safety plan is kept (a private letter with this title; see content/help.ts). */
export const SAFETY_PLAN_TITLE = SAFETY_PLAN_LETTER_TITLE;

function parsePlan(text: string): SafetyPlan {
  const plan = emptySafetyPlan();
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    for (const s of SAFETY_PLAN_SECTIONS) {
      const v = raw[s.id];
      if (Array.isArray(v)) plan[s.id] = v.filter((x): x is string => typeof x === 'string').slice(0, 20);
    }
  } catch {
    // An unreadable plan starts empty rather than breaking the Help screen.
  }
  return plan;
}

function SafetyPlanEditor() {
  const [rec, setRec] = useState<Rec<Omit<Letter, 'id'>> | null>(null);
  const [plan, setPlan] = useState<SafetyPlan>(emptySafetyPlan());
  const save = useSave();
  useEffect(() => {
    list<Letter>('letters')
      .then((ls) => {
        const found = ls.find((l) => l.data.title === SAFETY_PLAN_TITLE);
        if (found) {
          setRec(found);
          setPlan(parsePlan(found.data.text));
        }
      })
      .catch(() => undefined);
  }, []);
  return (
    <section class="card" aria-labelledby="plan-h">
      <h2 id="plan-h">My safety plan</h2>
      <p>{SAFETY_PLAN_INTRO}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save.run(async () => {
            const data = {
              createdAt: rec?.data.createdAt ?? new Date().toISOString(),
              title: SAFETY_PLAN_TITLE,
              text: JSON.stringify(plan),
              sealedUntilOn: null,
            };
            setRec(
              rec
                ? await update<Letter>('letters', rec.id, rec.version, data)
                : await create<Letter>('letters', data),
            );
          }, 'Your safety plan is saved.');
        }}
      >
        {SAFETY_PLAN_SECTIONS.map((s) => (
          <div class="field" key={s.id}>
            <label for={`sp-${s.id}`}>{s.title}</label>
            <p class="hint" id={`sp-${s.id}-hint`}>
              {s.prompt} One per line.
            </p>
            <textarea
              id={`sp-${s.id}`}
              rows={3}
              aria-describedby={`sp-${s.id}-hint`}
              placeholder={s.examples.join('\n')}
              value={plan[s.id].join('\n')}
              onInput={(e) =>
                setPlan({
                  ...plan,
                  [s.id]: (e.currentTarget as HTMLTextAreaElement).value.split('\n').slice(0, 20),
                })
              }
            />
          </div>
        ))}
        <Status save={save} />
        <div class="row">
          <button type="submit" disabled={save.busy}>
            Save my safety plan
          </button>
          <a
            class="button secondary"
            download="safety-plan.md"
            href={`data:text/markdown;charset=utf-8,${encodeURIComponent(safetyPlanToMarkdown(plan))}`}
          >
            Download to print
          </a>
        </div>
      </form>
    </section>
  );
}

export default function Help(props: { rest: string }) {
  const m = /^principles\/(P\d{1,2})$/.exec(props.rest);
  useEffect(() => {
    if (m?.[1]) lessonId.value = m[1];
  }, [props.rest]);
  const g = THERAPY_GUIDANCE;
  return (
    <div>
      <h1>Help and safety</h1>
      <section class="card" aria-labelledby="now-h">
        <h2 id="now-h">If you need help now</h2>
        <CrisisLines />
      </section>
      {me.value ? (
        <SafetyPlanEditor />
      ) : (
        <p class="card">
          <a href="#/welcome">Log in</a> to write a personal safety plan that stays private on this device.
        </p>
      )}
      <section class="card" aria-labelledby="therapy-h">
        <h2 id="therapy-h">{g.title}</h2>
        <p>
          {g.intro}
          <Principles ids={g.principles} />
        </p>
        <h3>Signs it is time</h3>
        <ul>
          {g.signs.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
        <h3>Who can help</h3>
        <ul>
          {g.kinds.map((k) => (
            <li key={k.name}>
              <strong>{k.name}:</strong> {k.description}
            </li>
          ))}
        </ul>
        <h3>First steps</h3>
        <ul>
          {g.firstSteps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
        <p class="notice warn">{g.urgent}</p>
      </section>
      <section class="card" aria-labelledby="principles-h">
        <h2 id="principles-h">The principles behind the method</h2>
        <ul class="plain">
          {LESSONS.map((l) => (
            <li key={l.id}>
              <button type="button" class="link" onClick={() => (lessonId.value = l.id)}>
                {l.id}: {l.title}
              </button>
              <br />
              <span class="small muted">{l.summary}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
