import { describe, expect, it } from 'vitest';
import {
  BREATHING,
  BREATHING_SECONDS,
  GROUNDING_LINES,
  PAUSE_SCRIPT,
  PAUSE_SECONDS,
  SOS_CRISIS_LINE,
  WRITE_IT,
} from './sos.js';

describe('SOS screen', () => {
  it('fills the 60-second pause with lines in time order, starting at once', () => {
    expect(PAUSE_SECONDS).toBe(60);
    expect(PAUSE_SCRIPT[0]!.atSecond).toBe(0);
    for (let i = 1; i < PAUSE_SCRIPT.length; i++) {
      expect(PAUSE_SCRIPT[i]!.atSecond).toBeGreaterThan(PAUSE_SCRIPT[i - 1]!.atSecond);
    }
    expect(PAUSE_SCRIPT.at(-1)!.atSecond).toBeLessThan(PAUSE_SECONDS);
    // No line stays up for more than 15 seconds: a long silence feels like the app froze.
    const gaps = PAUSE_SCRIPT.map((l, i) => (PAUSE_SCRIPT[i + 1]?.atSecond ?? PAUSE_SECONDS) - l.atSecond);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(15);
  });

  it('paces the breathing with an out-breath longer than the in-breath, for about a minute', () => {
    const inhale = BREATHING.steps.find((s) => s.cue === 'in')!;
    const exhale = BREATHING.steps.find((s) => s.cue === 'out')!;
    expect(exhale.seconds).toBeGreaterThan(inhale.seconds);
    for (const s of BREATHING.steps) expect(Number.isInteger(s.seconds) && s.seconds > 0).toBe(true);
    expect(BREATHING_SECONDS).toBeGreaterThanOrEqual(45);
    expect(BREATHING_SECONDS).toBeLessThanOrEqual(120);
    expect(BREATHING.reducedMotionHint).toMatch(/four/);
  });

  it('promises that a written letter is never sent', () => {
    expect(WRITE_IT.intro).toMatch(/never send/);
    expect(WRITE_IT.principles).toContain('P2');
  });

  it('has short grounding lines and always points to crisis help', () => {
    expect(GROUNDING_LINES.length).toBeGreaterThanOrEqual(5);
    for (const line of GROUNDING_LINES) expect(line.length).toBeLessThanOrEqual(80);
    expect(SOS_CRISIS_LINE).toMatch(/help lines/);
  });
});
