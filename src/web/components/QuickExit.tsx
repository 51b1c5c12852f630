/**
 * Quick exit, as domestic-abuse support sites offer it: one tap hides everything on the
 * screen at once and leaves for a blank page, replacing this page in the tab's history. With
 * the app lock on, the app is locked too, so coming back asks for the PIN. Nothing is sent
 * anywhere: the blank page is the browser's own.
 */
import { closeHandoffs } from '../handoff.js';
import { lockNow } from '../lock.js';

export function quickExit(): void {
  closeHandoffs();
  lockNow();
  document.title = 'New tab';
  document.body.replaceChildren();
  location.replace('about:blank');
}

export function QuickExit() {
  return (
    <button type="button" class="quick-exit secondary" onClick={quickExit}>
      Exit<span class="visually-hidden"> quickly: leave this app and clear the screen</span>
    </button>
  );
}
