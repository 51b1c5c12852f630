/**
 * Words a page could not be sure it saved, handed to the next load of the same tab. A reload
 * right after typing starts a save as the page closes, and the new page may read the server
 * before that save lands (or the browser may drop it): the last words would be gone. So the
 * closing page also leaves them in this tab's sessionStorage, and the next load merges them
 * and saves. They stay only until then: a successful save removes them, and quick exit
 * removes them and stops any more being left. sessionStorage belongs to this tab alone and
 * is gone when the tab closes.
 */
const PREFIX = 'olive.unsaved.';
let closed = false;

/** Leaves `value` for the next load of this tab under `name` (never after quick exit). */
export function stashUnsaved(name: string, value: unknown): void {
  if (closed) return;
  try {
    sessionStorage.setItem(PREFIX + name, JSON.stringify(value));
  } catch {
    // Storage full or refused (private mode): the save as the page closes still runs.
  }
}

/** What a closing page left under `name`, if anything. */
export function takeUnsaved<T>(name: string): T | undefined {
  try {
    const raw = sessionStorage.getItem(PREFIX + name);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

export function forgetUnsaved(name: string): void {
  try {
    sessionStorage.removeItem(PREFIX + name);
  } catch {
    // Nothing to remove.
  }
}

/** Quick exit: remove every hand-off and leave no more until the page is loaded again. */
export function closeHandoffs(): void {
  closed = true;
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // Nothing to remove.
  }
}
