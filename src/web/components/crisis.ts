/**
 * Crisis language anywhere (journal, check-in note, reflection, coach) brings help up at
 * once (METHOD "Safety first", P15). The check runs the coach's own crisis rules in the
 * worker, so no text leaves the page.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Finding } from '../../coach/types.js';
import { coachClient, hasCrisis } from '../coach/client.js';
import { crisisLevel, crisisOpen } from '../state.js';

let seq = 0;

/** The most serious level among crisis findings. */
export function levelOf(findings: readonly Finding[]): 'explicit' | 'warning' {
  return findings.some((f) => f.category === 'crisis' && f.level !== 'warning') ? 'explicit' : 'warning';
}

/** Opens the crisis dialog, worded for the level found. */
export function openCrisisHelp(findings: readonly Finding[]): void {
  crisisLevel.value = levelOf(findings);
  crisisOpen.value = true;
}

/** Checks a note; opens the crisis dialog if needed. Resolves to whether it did. */
export async function checkForCrisis(text: string): Promise<boolean> {
  if (!text.trim()) return false;
  const res = await coachClient().check(`note-${++seq}`, text);
  const found = hasCrisis(res);
  if (found && res.ok) openCrisisHelp(res.report.findings);
  return found;
}

/** How long typing rests before a field is read for crisis language. */
const WATCH_PAUSE_MS = 700;

/**
 * Reads a field for crisis language as the person types (issue 11: every free-text field),
 * a moment after they pause, in the worker. Help opens once when crisis language appears,
 * not again on every keystroke while it stays.
 *
 * @example
 * useCrisisWatch(note);
 */
export function useCrisisWatch(text: string): void {
  const shown = useRef(false);
  useEffect(() => {
    if (!text.trim()) {
      shown.current = false;
      return;
    }
    const timer = setTimeout(() => {
      try {
        void coachClient()
          .check(`watch-${++seq}`, text)
          .then((res) => {
            const found = hasCrisis(res);
            if (found && !shown.current && res.ok) openCrisisHelp(res.report.findings);
            shown.current = found;
          })
          .catch(() => undefined);
      } catch {
        // No worker here (an old browser): the check on save still brings help.
      }
    }, WATCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);
}
