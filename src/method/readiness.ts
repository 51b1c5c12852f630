/**
 * Readiness (P5): is getting back together realistic and healthy for both? A composite of
 * the latest assessment (weights in `src/content/assessment.ts`) and the user's recent
 * well-being, with its reasons. Unhealthy motives and crossed red lines are named plainly.
 * It is never a prediction that it will work (P18).
 */
import {
  ASSESSMENT_QUESTIONS,
  motiveInfo,
  NO_HEALTHY_MOTIVE_CAP,
  UNHEALTHY_MOTIVE_PENALTY,
  WELLBEING_WEIGHT,
} from '../content/assessment.js';
import type { Motive } from './schema.js';
import type { ReadinessMetrics, WellBeingMetrics } from './types.js';
import type { JourneyView } from './view.js';

/**
 * The readiness metrics at the view's `now`.
 *
 * @example
 * readinessMetrics(view, wellBeing).healthy // true
 */
export function readinessMetrics(view: JourneyView, wellBeing: WellBeingMetrics): ReadinessMetrics {
  const threshold = view.settings.readinessThreshold;
  const assessment = view.assessments[view.assessments.length - 1];
  if (!assessment) {
    return {
      score: null,
      healthy: false,
      threshold,
      assessedAt: null,
      reasons: [],
      unhealthyMotives: [],
      crossedRedLines: 0,
      explanation:
        'Take the assessment when you feel steady: it helps you decide whether going back is right for both of you (P5).',
      principles: ['P5'],
    };
  }
  const reasons: string[] = [];
  let sum = 0;
  let weights = 0;
  for (const q of ASSESSMENT_QUESTIONS) {
    const answer = assessment[q.id];
    sum += q.weight * ((answer - 1) / 4);
    weights += q.weight;
    if (answer <= 2) reasons.push(q.concern);
  }
  if (wellBeing.mood28 !== null && wellBeing.urge28 !== null) {
    // Feelings settle a decision; they do not make it (small weight).
    const steadiness = ((wellBeing.mood28 - 1) / 9 + (1 - wellBeing.urge28 / 10)) / 2;
    sum += WELLBEING_WEIGHT * steadiness;
    weights += WELLBEING_WEIGHT;
    if (steadiness < 0.4)
      reasons.push(
        'Your recent check-ins show you are still hurting a lot; a decision made from pain is hard to trust.',
      );
  }
  let score = Math.round((sum / weights) * 100);
  const unhealthyMotives: Motive[] = [];
  let healthyMotive = false;
  for (const motive of assessment.motives) {
    const info = motiveInfo(motive);
    if (info.healthy) healthyMotive = true;
    else {
      unhealthyMotives.push(motive);
      reasons.push(info.note ?? info.label);
      score -= UNHEALTHY_MOTIVE_PENALTY;
    }
  }
  if (!healthyMotive) {
    score = Math.min(score, NO_HEALTHY_MOTIVE_CAP);
    reasons.push(
      'None of your reasons is about the person or a future together; that is worth sitting with.',
    );
  }
  score = Math.max(0, Math.min(100, score));
  const crossed = assessment.redLines.filter((r) => r.crossed === 'yes').length;
  const unsure = assessment.redLines.filter((r) => r.crossed === 'unsure').length;
  if (crossed > 0)
    reasons.unshift(
      `${crossed} of your own red lines ${crossed === 1 ? 'is' : 'are'} crossed. Your limits matter (P5 P18).`,
    );
  if (unsure > 0)
    reasons.push(
      `You are unsure about ${unsure} of your red lines; knowing before you reach out protects you both.`,
    );
  // P5: it takes two. The lowest answer on a shared wish to change outweighs every other score.
  const noSharedWish = assessment.mutualWishToChange === 1;
  if (noSharedWish) {
    reasons.unshift(
      'You answered that there is no shared wish to change. It takes two people wanting it; without that, going back would not be healthy, however good the rest looks.',
    );
  }
  const healthy = score >= threshold && crossed === 0 && healthyMotive && !noSharedWish;
  const explanation = healthy
    ? `Readiness ${score}/100 (healthy from ${threshold}). This is a reason to try carefully, not a promise (P5 P18).`
    : `Readiness ${score}/100 (healthy from ${threshold}${crossed > 0 ? ', and a red line is crossed' : ''}${noSharedWish ? ', and the wish to change is not shared' : ''}): not healthy for now. It may not be right now, or at all; either way your growth counts (P5 P18).`;
  return {
    score,
    healthy,
    threshold,
    assessedAt: assessment.at,
    reasons,
    unhealthyMotives,
    crossedRedLines: crossed,
    explanation,
    principles: ['P5', 'P18'],
  };
}
