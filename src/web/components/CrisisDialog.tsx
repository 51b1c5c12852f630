/**
 * Opens over any screen as soon as crisis language appears anywhere (a journal entry, a
 * check-in note, the coach). Nothing else is shown first, and no setting turns it off.
 */
import { crisisOpen } from '../state.js';
import { CrisisLines } from './CrisisLines.js';
import { Dialog } from './Dialog.js';

export function CrisisDialog() {
  return (
    <Dialog
      open={crisisOpen.value}
      onClose={() => (crisisOpen.value = false)}
      title="You do not have to carry this alone"
    >
      <div data-testid="crisis-dialog">
        <p>
          Some of what you wrote sounds like you are in a lot of pain, maybe thinking about hurting yourself.
          You matter, whatever happens with this relationship. Please talk to someone today: a crisis line, a
          doctor, or a person you trust.
        </p>
        <CrisisLines showViolence={false} />
        <p class="small muted">
          More support, a personal safety plan and when to see a counsellor:{' '}
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
        </p>
      </div>
    </Dialog>
  );
}
