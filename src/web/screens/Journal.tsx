/**
 * Journal and letters (P3 P13). Journal entries live in the day's check-in note (with the
 * day's mood), so the mood chart and the words stay together; unsent letters are written to
 * get feelings out, never sent, and can be sealed until a date.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CheckIn, Letter } from '../../method/schema.js';
import { checkForCrisis } from '../components/crisis.js';
import { Field, Notice, Scale, Status, TextArea, useSave, when } from '../components/ui.js';
import { plan, reloadPlan } from '../plan.js';
import { create, list, localToday, type Rec, remove, update } from '../resources.js';

type CheckInRec = Rec<Omit<CheckIn, 'id'>>;
type LetterRec = Rec<Omit<Letter, 'id'>>;

const NOTE_MAX = 2000;

export default function Journal() {
  const today = plan.value?.today ?? localToday(new Date());
  const [checkIns, setCheckIns] = useState<CheckInRec[]>([]);
  const [letters, setLetters] = useState<LetterRec[]>([]);
  const [query, setQuery] = useState('');
  const [entry, setEntry] = useState('');
  const [mood, setMood] = useState(5);
  const [urge, setUrge] = useState(3);
  const [title, setTitle] = useState('');
  const [letter, setLetter] = useState('');
  const [sealUntil, setSealUntil] = useState('');
  const [loadError, setLoadError] = useState<string | undefined>();
  const saveEntry = useSave();
  const saveLetter = useSave();

  useEffect(() => {
    list<CheckIn>('check-ins')
      .then(setCheckIns)
      .catch(() => setLoadError('Your journal could not load. Is the app still running?'));
    list<Letter>('letters')
      .then(setLetters)
      .catch(() => setLoadError('Your letters could not load. Is the app still running?'));
  }, []);

  const q = query.trim().toLocaleLowerCase();
  const entries = checkIns.filter(
    (c) => c.data.note?.trim() && (!q || c.data.note.toLocaleLowerCase().includes(q)),
  );
  const sealed = (l: LetterRec) => l.data.sealedUntilOn !== null && l.data.sealedUntilOn > today;
  const shownLetters = letters.filter(
    (l) =>
      !q ||
      l.data.title.toLocaleLowerCase().includes(q) ||
      (!sealed(l) && l.data.text.toLocaleLowerCase().includes(q)),
  );

  const entryTooLong = (() => {
    const existing = checkIns.find((c) => c.data.on === today)?.data.note ?? '';
    const total = (existing ? `${existing}\n\n` : '').length + entry.length;
    return total > NOTE_MAX
      ? `Today's journal holds ${NOTE_MAX} characters; this would make ${total}.`
      : undefined;
  })();

  return (
    <div>
      <h1>Journal and letters</h1>
      <p class="muted">
        Writing things down helps feelings move through instead of taking over (P3). Everything here is
        private and encrypted; letters are never sent.
      </p>
      {loadError && (
        <p class="error" role="alert">
          {loadError}
        </p>
      )}
      <div class="grid two">
        <section class="card" aria-labelledby="entry-h">
          <h2 id="entry-h">Write today's entry</h2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!entry.trim() || entryTooLong) return;
              void saveEntry.run(async () => {
                const existing = checkIns.find((c) => c.data.on === today);
                const note = existing?.data.note ? `${existing.data.note}\n\n${entry}` : entry;
                const rec = existing
                  ? await update<CheckIn>('check-ins', existing.id, existing.version, {
                      ...existing.data,
                      mood,
                      urge,
                      note,
                    })
                  : await create<CheckIn>('check-ins', { on: today, mood, urge, sleepHours: null, note });
                setCheckIns([rec, ...checkIns.filter((c) => c.id !== rec.id)]);
                const text = entry;
                setEntry('');
                await checkForCrisis(text);
                void reloadPlan();
              }, 'Saved to today’s journal.');
            }}
          >
            <TextArea
              label="What is on your mind?"
              value={entry}
              onValue={setEntry}
              rows={6}
              error={entryTooLong}
            />
            <Scale
              label="Mood"
              min={1}
              max={10}
              value={mood}
              onValue={setMood}
              low="very low"
              high="very good"
            />
            <Scale
              label="Urge to contact them"
              min={0}
              max={10}
              value={urge}
              onValue={setUrge}
              low="none"
              high="overwhelming"
            />
            <Status save={saveEntry} />
            <button type="submit" disabled={saveEntry.busy || !entry.trim()}>
              Save entry
            </button>
          </form>
        </section>
        <section class="card" aria-labelledby="letter-h">
          <h2 id="letter-h">Write an unsent letter</h2>
          <p class="small muted">
            Say everything you want to say to them, here, where it cannot hurt either of you (P13).
          </p>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void saveLetter.run(async () => {
                if (!title.trim() || !letter.trim())
                  throw new Error('A letter needs a title and some words.');
                const rec = await create<Letter>('letters', {
                  createdAt: new Date().toISOString(),
                  title: title.trim(),
                  text: letter,
                  sealedUntilOn: sealUntil || null,
                });
                setLetters([rec, ...letters]);
                const text = letter;
                setTitle('');
                setLetter('');
                setSealUntil('');
                await checkForCrisis(text);
              }, 'Letter kept. It will never be sent.');
            }}
          >
            <Field
              label="Title"
              value={title}
              onValue={setTitle}
              maxLength={200}
              error={saveLetter.fieldErrors.title}
            />
            <TextArea label="Letter" value={letter} onValue={setLetter} rows={6} maxLength={20000} />
            <Field
              label="Seal it until (optional)"
              type="date"
              value={sealUntil}
              onValue={setSealUntil}
              min={today}
              hint="A sealed letter stays closed until that day: a note to your future self."
            />
            <Status save={saveLetter} />
            <button type="submit" disabled={saveLetter.busy}>
              Keep the letter
            </button>
          </form>
        </section>
      </div>
      <section class="card" aria-labelledby="past-h">
        <h2 id="past-h">Past entries and letters</h2>
        <Field label="Search" type="search" value={query} onValue={setQuery} />
        {entries.length === 0 && shownLetters.length === 0 && <p class="muted">Nothing here yet.</p>}
        <ul class="plain">
          {entries.map((c) => (
            <li key={c.id}>
              <p class="small muted">
                {c.data.on} · mood {c.data.mood}/10 · urge {c.data.urge}/10
              </p>
              <p style={{ whiteSpace: 'pre-wrap' }}>{c.data.note}</p>
            </li>
          ))}
          {shownLetters.map((l) => (
            <li key={l.id}>
              <p class="small muted">
                Letter · {when(l.data.createdAt)}
                {sealed(l) && ` · sealed until ${l.data.sealedUntilOn}`}
              </p>
              <h3>{l.data.title}</h3>
              {sealed(l) ? (
                <Notice>This letter is sealed until {l.data.sealedUntilOn}. It will open on that day.</Notice>
              ) : (
                <p style={{ whiteSpace: 'pre-wrap' }}>{l.data.text}</p>
              )}
              <button
                type="button"
                class="secondary"
                onClick={() =>
                  remove('letters', l.id)
                    .then(() => setLetters((ls) => ls.filter((x) => x.id !== l.id)))
                    .catch(() => undefined)
                }
              >
                Delete<span class="visually-hidden"> letter {l.data.title}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
