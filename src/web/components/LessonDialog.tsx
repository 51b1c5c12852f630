/** A principle's lesson, opened from any principle id; the lessons load only when asked for. */
import { useEffect, useState } from 'preact/hooks';
import type { Lesson } from '../../content/lessons.js';
import { lessonId } from '../state.js';
import { Dialog } from './Dialog.js';

/** One lesson, or several when a sentence rests on more than one principle ("P3 P4"). */
export function LessonDialog() {
  const key = lessonId.value;
  const ids = key ? key.split(' ').filter(Boolean) : [];
  const [lessons, setLessons] = useState<{ key: string; list: Lesson[] } | undefined>();
  useEffect(() => {
    if (!key) return;
    let alive = true;
    import('../../content/lessons.js').then(
      (m) =>
        alive &&
        setLessons({
          key,
          list: key
            .split(' ')
            .map((i) => m.lessonFor(i))
            .filter((l): l is Lesson => l !== undefined),
        }),
    );
    return () => {
      alive = false;
    };
  }, [key]);
  const list = lessons && lessons.key === key ? lessons.list : undefined;
  const title = list && list.length === 1 ? `${list[0]!.id}: ${list[0]!.title}` : `Why: ${ids.join(' and ')}`;
  return (
    <Dialog open={key !== null} onClose={() => (lessonId.value = null)} title={title}>
      {list ? (
        list.map((l) => <LessonBody key={l.id} l={l} heading={list.length > 1} />)
      ) : (
        <p class="muted">Loading…</p>
      )}
    </Dialog>
  );
}

function LessonBody(props: { l: Lesson; heading: boolean }) {
  const { l } = props;
  return (
    <>
      {props.heading && (
        <h3>
          {l.id}: {l.title}
        </h3>
      )}
      {
        <div data-testid="lesson">
          <p>
            <strong>{l.summary}</strong>
          </p>
          <p>{l.what}</p>
          <h3>Why it matters</h3>
          <p>{l.why}</p>
          <h3>How</h3>
          <ul>
            {l.how.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
          {l.watchOut && (
            <p class="notice warn">
              <strong>Watch out:</strong> {l.watchOut}
            </p>
          )}
        </div>
      }
    </>
  );
}
