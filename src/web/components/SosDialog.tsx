/**
 * SOS, one tap from every screen: a 60-second pause, a breathing exercise, "write it, don't
 * send it" (kept as an unsent letter), grounding ideas and crisis lines. Motion is dropped
 * when the person prefers reduced motion; counting still works.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  BREATHING,
  GROUNDING_LINES,
  PAUSE_DONE,
  PAUSE_SCRIPT,
  PAUSE_SECONDS,
  SOS_CRISIS_LINE,
  SOS_INTRO,
  WRITE_IT,
} from '../../content/sos.js';
import type { Letter } from '../../method/schema.js';
import { create } from '../resources.js';
import { me, sosOpen } from '../state.js';
import { CrisisLines } from './CrisisLines.js';
import { checkForCrisis } from './crisis.js';
import { Dialog } from './Dialog.js';
import { Field, Status, TextArea, useSave } from './ui.js';

type Mode = 'menu' | 'pause' | 'breathe' | 'write' | 'help';

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Counts whole seconds up from 0 while mounted (restarts when `run` changes). */
function useSeconds(run: number): number {
  const [s, setS] = useState(0);
  useEffect(() => {
    setS(0);
    const t = setInterval(() => setS((x) => x + 1), 1000);
    return () => clearInterval(t);
  }, [run]);
  return s;
}

function Pause() {
  const [run, setRun] = useState(0);
  const s = useSeconds(run);
  const left = Math.max(0, PAUSE_SECONDS - s);
  const line = [...PAUSE_SCRIPT].reverse().find((l) => l.atSecond <= s) ?? PAUSE_SCRIPT[0];
  return (
    <div>
      <p class="big-number" aria-hidden="true">
        {left}
      </p>
      <p aria-live="polite">{left > 0 ? line?.text : PAUSE_DONE.text}</p>
      {left === 0 && (
        <button type="button" class="secondary" onClick={() => setRun(run + 1)}>
          {PAUSE_DONE.again}
        </button>
      )}
    </div>
  );
}

function Breathe() {
  const s = useSeconds(0);
  const cycle = BREATHING.steps.reduce((a, x) => a + x.seconds, 0);
  const total = cycle * BREATHING.cycles;
  const done = s >= total;
  let t = s % cycle;
  let step = BREATHING.steps[0]!;
  for (const x of BREATHING.steps) {
    if (t < x.seconds) {
      step = x;
      break;
    }
    t -= x.seconds;
  }
  const still = reducedMotion();
  return (
    <div>
      <p>{BREATHING.intro}</p>
      {still && <p class="small muted">{BREATHING.reducedMotionHint}</p>}
      {done ? (
        <p aria-live="polite">{BREATHING.outro}</p>
      ) : (
        <div
          class={`breath ${still ? '' : step.cue === 'in' ? 'in' : step.cue === 'out' ? 'out' : ''}`}
          aria-live="polite"
        >
          <span>
            {step.label}
            <br />
            {step.seconds - t}
          </span>
        </div>
      )}
    </div>
  );
}

function WriteIt() {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [seal, setSeal] = useState('');
  const save = useSave();
  if (!me.value) {
    return (
      <p>
        Write it on paper for now, then tear it up or keep it. <a href="#/welcome">Log in</a> to keep letters
        here, privately.
      </p>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save.run(async () => {
          if (!text.trim()) throw new Error('Write a few words first; there is no wrong way to do it.');
          await create<Letter>('letters', {
            createdAt: new Date().toISOString(),
            title: title.trim() || `Unsent letter, ${new Date().toLocaleDateString()}`,
            text,
            sealedUntilOn: seal || null,
          });
          const written = text;
          setText('');
          setTitle('');
          await checkForCrisis(written);
        }, WRITE_IT.saved);
      }}
    >
      <p>{WRITE_IT.intro}</p>
      <Field label="Title (optional)" value={title} onValue={setTitle} maxLength={200} />
      <TextArea
        label="What you want to say"
        value={text}
        onValue={setText}
        rows={6}
        maxLength={20000}
        hint={WRITE_IT.placeholder}
      />
      <Field
        label="Seal until (optional)"
        type="date"
        value={seal}
        onValue={setSeal}
        hint={WRITE_IT.sealHint}
      />
      <Status save={save} />
      <button type="submit" disabled={save.busy}>
        {WRITE_IT.saveLabel}
      </button>
    </form>
  );
}

export function SosDialog() {
  const [mode, setMode] = useState<Mode>('menu');
  const open = sosOpen.value;
  useEffect(() => {
    if (open) setMode('menu');
  }, [open]);
  const titles: Record<Mode, string> = {
    menu: SOS_INTRO.title,
    pause: SOS_INTRO.options.pause,
    breathe: BREATHING.title,
    write: WRITE_IT.title,
    help: SOS_INTRO.options.help,
  };
  return (
    <Dialog open={open} onClose={() => (sosOpen.value = false)} title={titles[mode]}>
      <div data-testid="sos">
        {mode === 'menu' ? (
          <>
            <p>{SOS_INTRO.text}</p>
            <div class="grid two">
              <button type="button" onClick={() => setMode('pause')}>
                {SOS_INTRO.options.pause}
              </button>
              <button type="button" onClick={() => setMode('breathe')}>
                {SOS_INTRO.options.breathe}
              </button>
              <button type="button" onClick={() => setMode('write')}>
                {SOS_INTRO.options.write}
              </button>
              <button type="button" class="danger" onClick={() => setMode('help')}>
                {SOS_INTRO.options.help}
              </button>
            </div>
            <h3>Ground yourself</h3>
            <ul>
              {GROUNDING_LINES.slice(0, 4).map((g) => (
                <li key={g}>{g}</li>
              ))}
            </ul>
            <p class="small">{SOS_CRISIS_LINE}</p>
          </>
        ) : (
          <>
            {mode === 'pause' && <Pause />}
            {mode === 'breathe' && <Breathe />}
            {mode === 'write' && <WriteIt />}
            {mode === 'help' && <CrisisLines />}
            <p>
              <button type="button" class="secondary" onClick={() => setMode('menu')}>
                Back to SOS
              </button>
            </p>
          </>
        )}
      </div>
    </Dialog>
  );
}
