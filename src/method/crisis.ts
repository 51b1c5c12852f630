/**
 * Crisis language in the user's own notes (P15 P18), found with the coach's crisis rules so
 * the app has one definition of it. The coach is pure, so this stays pure too.
 */
import { hasCrisisLanguage } from '../coach/index.js';
import type { CrisisDetector } from './well-being.js';

/**
 * True when the coach finds self-harm or suicidal language in a text.
 *
 * @example
 * coachCrisisDetector('I had a calm walk today') // false
 */
export const coachCrisisDetector: CrisisDetector = (text) => {
  try {
    return hasCrisisLanguage(text);
  } catch {
    // An unexpected error must not break the plan.
    return false;
  }
};
