/** A principle's lesson, opened from any principle id; the lessons load only when asked for. */
import { useEffect, useState } from 'preact/hooks';
import type { Lesson } from '../../content/lessons.js';
import { lessonId } from '../state.js';
import { Dialog } from './Dialog.js';

export function LessonDialog() {
  const id = lessonId.value;
  const [lesson, setLesson] = useState<Lesson | undefined>();
  useEffect(() => {
    if (!id) return;
    let alive = true;
    import('../../content/lessons.js').then((m) => alive && setLesson(m.lessonFor(id)));
    return () => {
      alive = false;
    };
  }, [id]);
  const l = lesson && lesson.id === id ? lesson : undefined;
  return (
    <Dialog
      open={id !== null}
      onClose={() => (lessonId.value = null)}
      title={l ? `${l.id}: ${l.title}` : (id ?? '')}
    >
      {l ? (
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
      ) : (
        <p class="muted">Loading…</p>
      )}
    </Dialog>
  );
}
