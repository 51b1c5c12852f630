/**
 * Help and safety: emergency and crisis lines (shipped as data), the way to the personal
 * safety plan (its own screen), when to see a therapist or counsellor (P15), and every principle's lesson.
 * Reachable without logging in: help never sits behind a password.
 */
import { useEffect } from 'preact/hooks';
import { SAFETY_PLAN_INTRO, THERAPY_GUIDANCE } from '../../content/help.js';
import { LESSONS } from '../../content/lessons.js';
import { CrisisLines } from '../components/CrisisLines.js';
import { Cited } from '../components/ui.js';
import { lessonId } from '../state.js';

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
      <section class="card" aria-labelledby="plan-h">
        <h2 id="plan-h">My safety plan</h2>
        <p>{SAFETY_PLAN_INTRO}</p>
        <p>
          <a class="button" href="#/safety-plan">
            Open my safety plan
          </a>
        </p>
      </section>
      <section class="card" aria-labelledby="therapy-h">
        <h2 id="therapy-h">{g.title}</h2>
        <p>
          <Cited text={g.intro} ids={g.principles} />
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
