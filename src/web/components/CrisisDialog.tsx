/**
 * Opens over any screen as soon as crisis language appears anywhere (a journal entry, a
 * check-in note, a reflection, the coach). Nothing else is shown first, and no setting
 * turns it off. A warning sign is asked about gently; an explicit statement is answered
 * plainly. The person's own safety plan comes first when they have one (people use a plan
 * far more than a hotline), then the crisis lines for their region.
 */
import { useEffect, useState } from 'preact/hooks';
import { SAFETY_PLAN_SECTIONS } from '../../content/help.js';
import type { SafetyPlanRecord } from '../../method/schema.js';
import { getOne } from '../resources.js';
import { crisisLevel, crisisOpen, saidSafe } from '../state.js';
import { CrisisLines } from './CrisisLines.js';
import { Dialog } from './Dialog.js';

/** The person's safety plan, read when the dialog opens (null when none or offline). */
function useSafetyPlan(open: boolean): SafetyPlanRecord | null {
  const [plan, setPlan] = useState<SafetyPlanRecord | null>(null);
  useEffect(() => {
    if (!open) return;
    getOne<SafetyPlanRecord>('safety-plan')
      .then((r) => setPlan(r.data))
      .catch(() => setPlan(null));
  }, [open]);
  return plan;
}

function PlanFirst(props: { plan: SafetyPlanRecord }) {
  const sections = SAFETY_PLAN_SECTIONS.map((s) => ({
    title: s.title,
    lines: ((props.plan as unknown as Record<string, string[]>)[s.id] ?? []).filter((l) => l.trim() !== ''),
  })).filter((s) => s.lines.length > 0);
  if (sections.length === 0) return null;
  return (
    <section class="card" aria-labelledby="crisis-plan-h" data-testid="crisis-safety-plan">
      <h3 id="crisis-plan-h">Your safety plan</h3>
      {sections.map((s) => (
        <div key={s.title}>
          <p class="small">
            <strong>{s.title}</strong>
          </p>
          <ul>
            {s.lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

export function CrisisDialog() {
  const open = crisisOpen.value;
  const warning = crisisLevel.value === 'warning';
  const plan = useSafetyPlan(open);
  return (
    <Dialog
      open={open}
      onClose={() => (crisisOpen.value = false)}
      title={warning ? 'This sounds heavy. Are you safe right now?' : 'You do not have to carry this alone'}
    >
      <div data-testid="crisis-dialog" data-level={crisisLevel.value}>
        <p>
          {warning
            ? 'What you wrote sounds like a lot of weight to carry. If any part of you is thinking about not being here, please reach out now: your plan, a crisis line, or someone you trust.'
            : 'Some of what you wrote sounds like you are in a lot of pain, maybe thinking about hurting yourself. You matter, whatever happens with this relationship. Please talk to someone now: a crisis line, emergency services if you are in danger, or a person you trust.'}
        </p>
        {plan && <PlanFirst plan={plan} />}
        <CrisisLines showViolence={false} />
        <div class="row">
          <button
            type="button"
            class="secondary"
            data-testid="said-safe"
            onClick={() => {
              saidSafe.value = true;
              crisisOpen.value = false;
            }}
          >
            I'm safe right now
          </button>
          <button
            type="button"
            class="link"
            onClick={() => {
              crisisOpen.value = false;
              location.hash = '#/help';
            }}
          >
            Help and safety
          </button>
        </div>
      </div>
    </Dialog>
  );
}
