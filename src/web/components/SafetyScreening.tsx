/**
 * The safety screening, one question at a time (P16): nothing is answered in advance, every
 * question needs an answer (yes, no or not sure), a progress line says how far along the
 * person is, and each question says why it is asked. Help lines and SOS stay one tap away.
 * The answers are saved together at the end, as one screening record.
 */
import { useState } from 'preact/hooks';
import {
  ANSWER_OPTIONS,
  SAFETY_INTRO,
  SAFETY_QUESTIONS,
  type SafetyQuestion,
  SELF_HARMFUL_BEHAVIOUR_NOTE,
} from '../../content/safety.js';
import type { Answer, SafetyScreening as Screening } from '../../method/schema.js';
import { reloadPlan } from '../plan.js';
import { create } from '../resources.js';
import { sosOpen } from '../state.js';
import { Notice, Status, useSave } from './ui.js';

type Side = 'byEx' | 'byUser';

/** One screen's question: a single question, or one side of a question asked about both. */
interface Item {
  id: string;
  question: SafetyQuestion;
  side: Side | null;
  text: string;
}

/** The questions in the order asked, each side of a two-sided question on its own screen. */
export const SCREENING_ITEMS: readonly Item[] = SAFETY_QUESTIONS.flatMap((q): Item[] =>
  q.sided
    ? (['byEx', 'byUser'] as const).map((side) => ({
        id: `${q.id}-${side === 'byEx' ? 'ex' : 'you'}`,
        question: q,
        side,
        text: q.sides[side],
      }))
    : [{ id: q.id, question: q, side: null, text: q.question }],
);

function toScreening(answers: Record<string, Answer>): Omit<Screening, 'id' | 'answeredAt' | 'note'> {
  const out: Record<string, unknown> = {};
  for (const item of SCREENING_ITEMS) {
    const a = answers[item.id]!;
    if (item.side === null) out[item.question.key] = a;
    else out[item.question.key] = { ...(out[item.question.key] as object | undefined), [item.side]: a };
  }
  return out as Omit<Screening, 'id' | 'answeredAt' | 'note'>;
}

export function SafetyScreening(props: { onSaved: () => void; onBack?: () => void }) {
  const [index, setIndex] = useState(-1);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [missing, setMissing] = useState(false);
  const save = useSave();
  const total = SCREENING_ITEMS.length;
  const item = index >= 0 ? SCREENING_ITEMS[index] : undefined;
  const chosen = item ? answers[item.id] : undefined;
  const last = index === total - 1;
  const selfHarmful = SCREENING_ITEMS.some((i) => i.side === 'byUser' && answers[i.id] === 'yes');

  const next = () => {
    if (!item) {
      setIndex(0);
      return;
    }
    if (chosen === undefined) {
      setMissing(true);
      return;
    }
    setMissing(false);
    if (!last) {
      setIndex(index + 1);
      return;
    }
    void save.run(async () => {
      await create<Screening>('safety-screenings', {
        answeredAt: new Date().toISOString(),
        ...toScreening(answers),
      });
      await reloadPlan();
      props.onSaved();
    });
  };

  return (
    <form
      class="card"
      data-testid="safety-screening"
      onSubmit={(e) => {
        e.preventDefault();
        next();
      }}
    >
      <h2>{SAFETY_INTRO.title}</h2>
      <p class="small">
        In danger or overwhelmed right now?{' '}
        <button type="button" class="link" onClick={() => (sosOpen.value = true)}>
          Open SOS
        </button>{' '}
        · <a href="#/help">Help and support lines</a>
      </p>
      {!item ? (
        <>
          <p>{SAFETY_INTRO.text}</p>
          <p class="muted">{SAFETY_INTRO.why}</p>
          <p class="muted">{SAFETY_INTRO.unsure}</p>
          <Notice kind="warn">{SAFETY_INTRO.crisis}</Notice>
          <p class="small muted">There are {total} short questions, one at a time.</p>
        </>
      ) : (
        <>
          <p class="small" id="screening-progress">
            Question {index + 1} of {total}
          </p>
          <progress max={total} value={index + 1} aria-labelledby="screening-progress" />
          <fieldset aria-describedby={`why-${item.id}`}>
            <legend>
              <strong>{item.question.title}.</strong> {item.text}
            </legend>
            <p class="small muted">For example: {item.question.examples.join('; ')}.</p>
            <div class="row">
              {ANSWER_OPTIONS.map((o) => (
                <label class="choice" key={o.value}>
                  <input
                    type="radio"
                    name={item.id}
                    value={o.value}
                    checked={chosen === o.value}
                    onChange={() => {
                      setAnswers({ ...answers, [item.id]: o.value });
                      setMissing(false);
                    }}
                  />
                  {o.label}
                </label>
              ))}
            </div>
            <p class="small" id={`why-${item.id}`}>
              <strong>Why we ask:</strong> {item.question.whyWeAsk}
            </p>
            {chosen && <p class="small muted">{item.question.whatHappens[chosen]}</p>}
          </fieldset>
          {missing && (
            <p class="error" role="alert">
              Choose an answer to go on. If you do not know, “Not sure” is a fine answer.
            </p>
          )}
          {last && selfHarmful && <Notice>{SELF_HARMFUL_BEHAVIOUR_NOTE}</Notice>}
        </>
      )}
      <Status save={save} />
      <div class="row">
        {(index >= 0 || props.onBack) && (
          <button
            type="button"
            class="secondary"
            onClick={() => (index >= 0 ? setIndex(index - 1) : props.onBack?.())}
          >
            Back
          </button>
        )}
        <button type="submit" disabled={save.busy}>
          {!item ? 'Start the questions' : last ? 'Save my answers' : 'Next question'}
        </button>
      </div>
    </form>
  );
}
