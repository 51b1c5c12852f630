/**
 * The plan the server computes (`plan(snapshot, now)` from src/method), shared by every
 * screen. Reloaded after each save so the phase, steps and locks stay true to the data.
 */
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Plan } from '../method/types.js';
import { ApiError, api } from './api.js';
import { go } from './router.js';

export const plan = signal<Plan | null>(null);
export const planError = signal<string | undefined>(undefined);

/** Fetches the plan; before the profile exists the server answers 409 and we go to onboarding. */
export async function reloadPlan(): Promise<Plan | null> {
  try {
    const p = await api.get<Plan>('/api/v1/plan');
    plan.value = p;
    planError.value = undefined;
    return p;
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) {
      plan.value = null;
      go('onboarding');
      return null;
    }
    planError.value = err instanceof ApiError ? err.detail : 'The plan could not load.';
    return null;
  }
}

/** Loads the plan when a screen opens. */
export function usePlan(): Plan | null {
  useEffect(() => {
    void reloadPlan();
  }, []);
  return plan.value;
}

/**
 * Why the outreach tools (the coach's "I sent it", the contact log, the ladder) are not
 * available right now, or null when they are: the safety questions come first, and while
 * crisis language is recent, support comes before anything about the ex.
 */
export function outreachWaitsFor(p: Plan | null): 'screening' | 'crisis' | null {
  if (!p?.screened) return 'screening';
  if (p.crisis) return 'crisis';
  return null;
}
