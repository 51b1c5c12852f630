/**
 * Crisis language anywhere (journal, check-in note, reflection, coach) brings help up at
 * once (METHOD "Safety first", P15). The check runs the coach's own crisis rules in the
 * worker, so no text leaves the page.
 */
import { coachClient, hasCrisis } from '../coach/client.js';
import { crisisOpen } from '../state.js';

let seq = 0;

/** Checks a note; opens the crisis dialog if needed. Resolves to whether it did. */
export async function checkForCrisis(text: string): Promise<boolean> {
  if (!text.trim()) return false;
  const res = await coachClient().check(`note-${++seq}`, text);
  const found = hasCrisis(res);
  if (found) crisisOpen.value = true;
  return found;
}
