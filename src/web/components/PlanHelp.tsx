/**
 * The help that comes with the plan when outreach is locked or crisis language is recent
 * (P15 P16 P18): the emergency number, the help lines for the person's region and their own
 * safety plan, straight from `plan.help` (shipped data; nothing is fetched).
 */
import type { PlanHelp } from '../../method/types.js';

export function PlanHelpCard(props: { help: PlanHelp }) {
  const { help } = props;
  return (
    <section
      class={`card ${help.because === 'locked' ? '' : 'notice warn'}`}
      aria-labelledby="plan-help-h"
      data-testid="plan-help"
    >
      <h2 id="plan-help-h">
        {help.because === 'locked' ? 'Support, whenever you need it' : 'Support first'}
      </h2>
      <p>{help.intro}</p>
      <p>
        <strong>{help.emergency}</strong>
      </p>
      <ul class="plain">
        {help.lines.map((l) => (
          <li key={l.name}>
            <strong>{l.name}</strong>
            {l.hours && <span class="small muted"> ({l.hours})</span>}: {l.ways.join('; ')}
            <br />
            <span class="small muted">{l.description}</span>
          </li>
        ))}
      </ul>
      {help.safetyPlan ? (
        <>
          <h3>Your safety plan</h3>
          {help.safetyPlan.map((s) => (
            <div key={s.title}>
              <p class="small">
                <strong>{s.title}</strong>
              </p>
              <ul class="small">
                {s.entries.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </div>
          ))}
        </>
      ) : (
        <p class="small">
          A short safety plan helps in hard moments. <a href="#/help">Write yours on the Help screen</a>.
        </p>
      )}
    </section>
  );
}
