/**
 * Commitments<Principles ids={['P10']} />: the ledger. Make only promises you can keep; mark each kept, broken or
 * released; the consistency score weighs the recent past. Vague, overdue and too many open
 * commitments are flagged by the method.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Commitment } from '../../method/schema.js';
import { Cited, Field, Notice, Principles, Select, Status, TextArea, useSave } from '../components/ui.js';
import { reloadPlan, usePlan } from '../plan.js';
import { create, list, type Rec, update } from '../resources.js';

type CommitmentRec = Rec<Omit<Commitment, 'id'>>;

export default function Commitments() {
  const p = usePlan();
  const [items, setItems] = useState<CommitmentRec[]>([]);
  const [text, setText] = useState('');
  const [to, setTo] = useState<'user' | 'ex'>('user');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const save = useSave(['text']);
  useEffect(() => {
    list<Commitment>('commitments', 1000)
      .then(setItems)
      .catch(() => setError('Commitments could not load.'));
  }, []);
  const c = p?.metrics.consistency;

  async function resolve(item: CommitmentRec, status: Commitment['status']) {
    setError(undefined);
    try {
      const rec = await update<Commitment>('commitments', item.id, item.version, {
        ...item.data,
        status,
        resolvedAt:
          status === 'open'
            ? null
            : new Date(Math.max(Date.now(), Date.parse(item.data.createdAt))).toISOString(),
      });
      setItems(items.map((x) => (x.id === rec.id ? rec : x)));
      void reloadPlan();
    } catch {
      setError('That change was not saved. Try again.');
    }
  }

  const open = items.filter((i) => i.data.status === 'open');
  const done = items.filter((i) => i.data.status !== 'open');
  return (
    <div>
      <h1>Commitments</h1>
      <p class="muted">
        Trust is rebuilt by doing what you said, every time, including the small things.
        <Principles ids={['P10']} />
      </p>
      {c && (
        <section class="card" aria-labelledby="score-h">
          <h2 id="score-h">Consistency</h2>
          <p class="big-number" data-testid="consistency">
            {c.score === null ? '—' : `${Math.round(c.score)}`}
            {c.score !== null && <span class="small muted"> / 100</span>}
          </p>
          <p class="small">
            Kept {c.kept} · broken {c.broken} · open {c.open} · overdue {c.overdue} · released {c.released}
          </p>
          <p class="small">
            <Cited text={c.explanation} ids={c.principles} />
          </p>
          {c.tooManyOpen && (
            <Notice kind="warn">
              Many promises are open at once. Fewer, kept, beat many, hoped for.
              <Principles ids={['P8', 'P10']} />
            </Notice>
          )}
        </section>
      )}
      <section class="card" aria-labelledby="new-h">
        <h2 id="new-h">Make a commitment</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save.run(async () => {
              if (!text.trim()) throw new Error('Write what you commit to, specifically.');
              const rec = await create<Commitment>('commitments', {
                createdAt: new Date().toISOString(),
                text: text.trim(),
                to,
                dueOn: due || null,
                status: 'open',
                resolvedAt: null,
              });
              setItems([rec, ...items]);
              setText('');
              setDue('');
              await reloadPlan();
            }, 'Added. Keep it small enough to keep.');
          }}
        >
          <TextArea
            label="What exactly will you do?"
            value={text}
            onValue={setText}
            rows={2}
            maxLength={2000}
            hint="Specific and checkable: “Return the books by Saturday”, not “be better”."
            error={save.fieldErrors.text}
          />
          <div class="grid two">
            <Select
              label="To whom"
              value={to}
              options={[
                ['user', 'To myself'],
                ['ex', 'To them'],
              ]}
              onValue={setTo}
            />
            <Field label="Due (optional)" type="date" value={due} onValue={setDue} />
          </div>
          <Status save={save} />
          <button type="submit" disabled={save.busy}>
            Add commitment
          </button>
        </form>
      </section>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <section class="card" aria-labelledby="open-h">
        <h2 id="open-h">Open</h2>
        {open.length === 0 && <p class="muted">Nothing open.</p>}
        <ul class="plain">
          {open.map((i) => (
            <li key={i.id}>
              <strong>{i.data.text}</strong>
              <span class="small muted">
                {' '}
                · {i.data.to === 'ex' ? 'to them' : 'to myself'}
                {i.data.dueOn && ` · due ${i.data.dueOn}`}
                {c?.overdueIds.includes(i.id) && ' · overdue'}
                {c?.vagueIds.includes(i.id) && ' · a bit vague: can you make it checkable?'}
              </span>
              <div class="row">
                <button type="button" onClick={() => void resolve(i, 'kept')}>
                  Kept<span class="visually-hidden">: {i.data.text}</span>
                </button>
                <button type="button" class="secondary" onClick={() => void resolve(i, 'broken')}>
                  Broken<span class="visually-hidden">: {i.data.text}</span>
                </button>
                <button type="button" class="secondary" onClick={() => void resolve(i, 'released')}>
                  Release<span class="visually-hidden">: {i.data.text}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section class="card" aria-labelledby="done-h">
        <h2 id="done-h">History</h2>
        <ul class="plain">
          {done.map((i) => (
            <li key={i.id}>
              <span
                class={`pill ${i.data.status === 'kept' ? 'strength' : i.data.status === 'broken' ? 'problem' : ''}`}
              >
                {i.data.status}
              </span>{' '}
              {i.data.text}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
