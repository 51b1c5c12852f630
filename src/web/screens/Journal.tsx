/**
 * Journal and letters (P3 P13). A journal entry is its own record: saving one never changes
 * the day's check-in (its mood, urge or note), and a check-in never changes an entry. Every
 * entry and letter can be edited, and deleted with an undo. Unsent letters are never sent and
 * can be sealed until a date. A daily question, fitting the phase, helps on a blank page.
 */
import { useEffect, useState } from 'preact/hooks';
import { promptById, promptFor } from '../../content/prompts.js';
import type { CheckIn, JournalEntry, Letter } from '../../method/schema.js';
import { LIMITS } from '../../method/schema.js';
import { checkForCrisis } from '../components/crisis.js';
import { Field, limitState, Notice, Status, TextArea, useSave, when } from '../components/ui.js';
import { isMisplaced, moveMisplacedLetters } from '../legacy.js';
import { plan, usePlan } from '../plan.js';
import { create, list, localToday, type Rec, remove, update } from '../resources.js';

type CheckInRec = Rec<Omit<CheckIn, 'id'>>;
type EntryRec = Rec<Omit<JournalEntry, 'id'>>;
type LetterRec = Rec<Omit<Letter, 'id'>>;

interface Undo {
  message: string;
  restore: () => Promise<void>;
}

const ENTRY_MAX = LIMITS.longText;

function EntryEditor(props: { rec: EntryRec; onSaved: (r: EntryRec) => void; onCancel: () => void }) {
  const [text, setText] = useState(props.rec.data.text);
  const save = useSave(['text']);
  const over = limitState(text, ENTRY_MAX).over > 0;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save.run(async () => {
          const rec = await update<JournalEntry>('journal-entries', props.rec.id, props.rec.version, {
            ...props.rec.data,
            text,
          });
          props.onSaved(rec);
          await checkForCrisis(text);
        });
      }}
    >
      <TextArea
        label="Edit this entry"
        value={text}
        onValue={setText}
        rows={6}
        limit={ENTRY_MAX}
        error={save.fieldErrors.text}
      />
      <Status save={save} />
      <div class="row">
        <button type="submit" disabled={save.busy || over || !text.trim()}>
          Save changes
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function LetterEditor(props: {
  rec: LetterRec;
  today: string;
  onSaved: (r: LetterRec) => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState(props.rec.data.title);
  const [text, setText] = useState(props.rec.data.text);
  const [sealUntil, setSealUntil] = useState(props.rec.data.sealedUntilOn ?? '');
  const save = useSave(['title', 'text']);
  const over = limitState(text, LIMITS.longText).over > 0 || title.length > LIMITS.shortText;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save.run(async () => {
          const rec = await update<Letter>('letters', props.rec.id, props.rec.version, {
            ...props.rec.data,
            title: title.trim(),
            text,
            sealedUntilOn: sealUntil || null,
          });
          props.onSaved(rec);
          await checkForCrisis(text);
        });
      }}
    >
      <Field
        label="Title"
        value={title}
        onValue={setTitle}
        error={
          save.fieldErrors.title ??
          (title.length > LIMITS.shortText
            ? `A title holds up to ${LIMITS.shortText} characters.`
            : undefined)
        }
      />
      <TextArea
        label="Letter"
        value={text}
        onValue={setText}
        rows={6}
        limit={LIMITS.longText}
        error={save.fieldErrors.text}
      />
      <Field
        label="Seal it until (optional)"
        type="date"
        value={sealUntil}
        onValue={setSealUntil}
        min={props.today}
      />
      <Status save={save} />
      <div class="row">
        <button type="submit" disabled={save.busy || over || !title.trim() || !text.trim()}>
          Save changes
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export default function Journal() {
  const p = usePlan();
  const today = p?.today ?? plan.value?.today ?? localToday(new Date());
  const phase = p?.phase.id ?? 'heal-and-grow';
  const [checkIns, setCheckIns] = useState<CheckInRec[]>([]);
  const [entries, setEntries] = useState<EntryRec[]>([]);
  const [letters, setLetters] = useState<LetterRec[]>([]);
  const [query, setQuery] = useState('');
  const [entry, setEntry] = useState('');
  const [promptOffset, setPromptOffset] = useState(0);
  const [title, setTitle] = useState('');
  const [letter, setLetter] = useState('');
  const [sealUntil, setSealUntil] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [undo, setUndo] = useState<Undo | null>(null);
  const [loadError, setLoadError] = useState<string | undefined>();
  const saveEntry = useSave(['text']);
  const saveLetter = useSave(['title', 'text']);
  const removing = useSave();

  useEffect(() => {
    list<CheckIn>('check-ins')
      .then(setCheckIns)
      .catch(() => setLoadError('Your journal could not load. Is the app still running?'));
    list<JournalEntry>('journal-entries')
      .then(setEntries)
      .catch(() => setLoadError('Your journal could not load. Is the app still running?'));
    // Older versions kept the safety plan and coach drafts as letters: move them out first.
    moveMisplacedLetters()
      .then(() => list<Letter>('letters'))
      .then((ls) => setLetters(ls.filter((l) => !isMisplaced(l.data.title))))
      .catch(() => setLoadError('Your letters could not load. Is the app still running?'));
  }, []);

  const prompt = promptFor(phase, today, promptOffset);
  const q = query.trim().toLocaleLowerCase();
  const matches = (s: string | undefined) => !q || (s ?? '').toLocaleLowerCase().includes(q);
  const sealed = (l: LetterRec) => l.data.sealedUntilOn !== null && l.data.sealedUntilOn > today;
  const shownEntries = entries.filter((e) => matches(e.data.text));
  const notes = checkIns.filter((c) => c.data.note?.trim() && matches(c.data.note));
  const shownLetters = letters.filter(
    (l) => !q || matches(l.data.title) || (!sealed(l) && matches(l.data.text)),
  );
  const entryOver = limitState(entry, ENTRY_MAX).over > 0;

  async function deleteEntry(e: EntryRec) {
    await removing.run(async () => {
      await remove('journal-entries', e.id);
      setEntries((xs) => xs.filter((x) => x.id !== e.id));
      setUndo({
        message: `The entry from ${e.data.on} is deleted.`,
        restore: async () => {
          const rec = await create<JournalEntry>('journal-entries', e.data);
          setEntries((xs) => [rec, ...xs].sort((a, b) => (a.data.writtenAt < b.data.writtenAt ? 1 : -1)));
        },
      });
    });
  }

  async function deleteLetter(l: LetterRec) {
    await removing.run(async () => {
      await remove('letters', l.id);
      setLetters((xs) => xs.filter((x) => x.id !== l.id));
      setUndo({
        message: `The letter “${l.data.title}” is deleted.`,
        restore: async () => {
          const rec = await create<Letter>('letters', l.data);
          setLetters((xs) => [rec, ...xs].sort((a, b) => (a.data.createdAt < b.data.createdAt ? 1 : -1)));
        },
      });
    });
  }

  return (
    <div>
      <h1>Journal and letters</h1>
      <p class="muted">
        Writing things down helps feelings move through instead of taking over. Everything here is private and
        encrypted; letters are never sent. Your daily check-in lives on <a href="#/today">Today</a>: nothing
        here changes it.
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
              if (!entry.trim() || entryOver) return;
              void saveEntry.run(async () => {
                const data: Omit<JournalEntry, 'id'> = {
                  on: today,
                  writtenAt: new Date().toISOString(),
                  text: entry,
                };
                if (entry.trim()) data.promptId = prompt.id;
                const rec = await create<JournalEntry>('journal-entries', data);
                setEntries((xs) => [rec, ...xs]);
                const text = entry;
                setEntry('');
                await checkForCrisis(text);
              }, 'Saved to your journal.');
            }}
          >
            <p class="prompt" id="prompt-text">
              <span class="small muted">Today's question</span>
              <br />
              {prompt.text}
            </p>
            <p>
              <button type="button" class="link" onClick={() => setPromptOffset((n) => n + 1)}>
                Another question
              </button>
            </p>
            <TextArea
              label="Your entry"
              hint="Answer the question, or write about anything else on your mind."
              value={entry}
              onValue={setEntry}
              rows={6}
              limit={ENTRY_MAX}
              error={saveEntry.fieldErrors.text}
            />
            <Status save={saveEntry} />
            <button type="submit" disabled={saveEntry.busy || !entry.trim() || entryOver}>
              Save entry
            </button>
          </form>
        </section>
        <section class="card" aria-labelledby="letter-h">
          <h2 id="letter-h">Write an unsent letter</h2>
          <p class="small muted">
            Say everything you want to say to them, here, where it cannot hurt either of you.
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
              hint={`Up to ${LIMITS.shortText} characters.`}
              error={
                saveLetter.fieldErrors.title ??
                (title.length > LIMITS.shortText
                  ? `This title is ${title.length - LIMITS.shortText} characters too long.`
                  : undefined)
              }
            />
            <TextArea
              label="Letter"
              value={letter}
              onValue={setLetter}
              rows={6}
              limit={LIMITS.longText}
              error={saveLetter.fieldErrors.text}
            />
            <Field
              label="Seal it until (optional)"
              type="date"
              value={sealUntil}
              onValue={setSealUntil}
              min={today}
              hint="A sealed letter stays closed until that day: a note to your future self."
            />
            <Status save={saveLetter} />
            <button
              type="submit"
              disabled={
                saveLetter.busy ||
                title.length > LIMITS.shortText ||
                limitState(letter, LIMITS.longText).over > 0
              }
            >
              Keep the letter
            </button>
          </form>
        </section>
      </div>
      <section class="card" aria-labelledby="past-h">
        <h2 id="past-h">Past entries and letters</h2>
        <Field label="Search" type="search" value={query} onValue={setQuery} />
        <div aria-live="polite">
          {undo && (
            <Notice kind="info">
              {undo.message}{' '}
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  const u = undo;
                  setUndo(null);
                  void removing.run(u.restore, 'Restored.');
                }}
              >
                Undo
              </button>
            </Notice>
          )}
          <Status save={removing} />
        </div>
        {shownEntries.length === 0 && notes.length === 0 && shownLetters.length === 0 && (
          <p class="muted">Nothing here yet.</p>
        )}
        {shownEntries.length > 0 && <h3>Journal</h3>}
        <ul class="plain entries">
          {shownEntries.map((e) => {
            const asked = e.data.promptId ? promptById(e.data.promptId) : undefined;
            return (
              <li key={e.id} data-entry={e.id}>
                <p class="small muted">
                  {e.data.on} · written {when(e.data.writtenAt)}
                  {e.updatedAt !== e.createdAt && ' · edited'}
                </p>
                {asked && <p class="small muted">{asked.text}</p>}
                {editing === e.id ? (
                  <EntryEditor
                    rec={e}
                    onCancel={() => setEditing(null)}
                    onSaved={(r) => {
                      setEntries((xs) => xs.map((x) => (x.id === r.id ? r : x)));
                      setEditing(null);
                    }}
                  />
                ) : (
                  <>
                    <p class="prewrap">{e.data.text}</p>
                    <div class="row">
                      <button type="button" class="secondary" onClick={() => setEditing(e.id)}>
                        Edit<span class="visually-hidden"> the entry from {e.data.on}</span>
                      </button>
                      <button type="button" class="secondary" onClick={() => void deleteEntry(e)}>
                        Delete<span class="visually-hidden"> the entry from {e.data.on}</span>
                      </button>
                    </div>
                  </>
                )}
              </li>
            );
          })}
        </ul>
        {notes.length > 0 && <h3>Notes from your check-ins</h3>}
        <ul class="plain entries">
          {notes.map((c) => (
            <li key={c.id}>
              <p class="small muted">
                Check-in {c.data.on} · mood {c.data.mood}/10 · urge {c.data.urge}/10
              </p>
              <p class="prewrap">{c.data.note}</p>
              {c.data.on === today && (
                <p class="small">
                  <a href="#/today">Change today's check-in on Today</a>
                </p>
              )}
            </li>
          ))}
        </ul>
        {shownLetters.length > 0 && <h3>Letters</h3>}
        <ul class="plain entries">
          {shownLetters.map((l) => (
            <li key={l.id} data-letter={l.id}>
              <p class="small muted">
                Letter · {when(l.data.createdAt)}
                {sealed(l) && ` · sealed until ${l.data.sealedUntilOn}`}
              </p>
              {editing === l.id ? (
                <LetterEditor
                  rec={l}
                  today={today}
                  onCancel={() => setEditing(null)}
                  onSaved={(r) => {
                    setLetters((xs) => xs.map((x) => (x.id === r.id ? r : x)));
                    setEditing(null);
                  }}
                />
              ) : (
                <>
                  <h4>{l.data.title}</h4>
                  {sealed(l) ? (
                    <Notice>
                      This letter is sealed until {l.data.sealedUntilOn}. It will open on that day.
                    </Notice>
                  ) : (
                    <p class="prewrap">{l.data.text}</p>
                  )}
                  <div class="row">
                    {!sealed(l) && (
                      <button type="button" class="secondary" onClick={() => setEditing(l.id)}>
                        Edit<span class="visually-hidden"> letter {l.data.title}</span>
                      </button>
                    )}
                    <button type="button" class="secondary" onClick={() => void deleteLetter(l)}>
                      Delete<span class="visually-hidden"> letter {l.data.title}</span>
                    </button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
