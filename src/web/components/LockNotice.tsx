/**
 * Shown wherever outreach would happen while it is locked: the reason, whether anything can
 * lift it, the moving-on path and help. Safety first: no setting lifts a lock.
 */
import { MOVING_ON_PATH } from '../../content/safety.js';
import type { Lock } from '../../method/types.js';
import { Cited } from './ui.js';

export function LockNotice(props: { locks: readonly Lock[]; full?: boolean }) {
  if (props.locks.length === 0) return null;
  return (
    <div class="notice warn" role="status" data-testid="lock-notice">
      <h2>Reaching out is turned off</h2>
      {props.locks.map((l) => (
        <div key={`${l.reason}-${l.since}`}>
          <p>
            <Cited text={l.explanation} ids={l.principles} />
          </p>
          <p class="small">
            {l.lift
              ? `What can change this: ${l.lift}`
              : 'This will not change. It is not a judgement of you; it keeps everyone safe.'}
          </p>
        </div>
      ))}
      <h3>The moving-on path</h3>
      {props.full ? (
        <ol>
          {MOVING_ON_PATH.map((s) => (
            <li key={s.id}>
              <strong>{s.title}.</strong> <Cited text={s.text} ids={s.principles} />
            </li>
          ))}
        </ol>
      ) : (
        <p>
          {MOVING_ON_PATH[0]?.text} <a href="#/today">See the whole path</a>
        </p>
      )}
      <p>
        <a href="#/grow">Grow</a> · <a href="#/journal">Journal</a> ·{' '}
        <a href="#/help">Help and support lines</a>
      </p>
    </div>
  );
}
