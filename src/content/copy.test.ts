import { describe, expect, it } from 'vitest';
import type { PhaseId } from '../method/types.js';
import { ABOUT, PASSWORD, PHASES, PRIVACY, phaseCopy } from './copy.js';

const PHASE_IDS: PhaseId[] = [
  'safety-locked',
  'reflect',
  'heal-and-grow',
  'decide',
  'reconnect',
  'rebuild',
  'outcome',
];

describe('app copy', () => {
  it('describes every phase the engine can report, and both outcomes', () => {
    for (const id of PHASE_IDS) expect(phaseCopy(id).title.trim()).not.toBe('');
    expect(phaseCopy('outcome', 'together').id).toBe('together');
    expect(phaseCopy('outcome', 'moving-on').id).toBe('moving-on');
    // Without a known outcome, the gentler reading.
    expect(phaseCopy('outcome').id).toBe('moving-on');
    expect(phaseCopy('outcome', null).id).toBe('moving-on');
    expect(new Set(PHASES.map((p) => p.id)).size).toBe(PHASES.length);
  });

  it('keeps each phase summary to one short line', () => {
    for (const p of PHASES) {
      expect(p.summary.length).toBeLessThanOrEqual(80);
      expect(p.principles.length).toBeGreaterThan(0);
    }
  });

  it('says plainly what the app is not: no guarantees, not therapy', () => {
    const isNot = ABOUT.isNot.join(' ');
    expect(isNot).toMatch(/not a way to get someone back/);
    expect(isNot).toMatch(/not therapy/);
  });

  it('explains that a lost password means lost data, and to export', () => {
    expect(PASSWORD.text).toMatch(/cannot be recovered/);
    expect(PASSWORD.exportReminder).toMatch(/[Ee]xport/);
    expect(PRIVACY.points.join(' ')).toMatch(/no analytics/);
  });
});
