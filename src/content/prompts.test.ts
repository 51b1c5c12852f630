import { describe, expect, it } from 'vitest';
import { PROMPTS_BY_PHASE, promptById, promptFor } from './prompts.js';

describe('daily journal prompts', () => {
  it('stays the same all day and changes the next day', () => {
    const today = promptFor('heal-and-grow', '2026-03-01');
    expect(promptFor('heal-and-grow', '2026-03-01')).toEqual(today);
    expect(promptFor('heal-and-grow', '2026-03-02')).not.toEqual(today);
  });

  it('fits the phase: reflecting asks about your part, moving on about what comes next', () => {
    const week = (phase: Parameters<typeof promptFor>[0]) =>
      Array.from({ length: 7 }, (_, i) => promptFor(phase, `2026-03-0${i + 1}`).id);
    expect(week('reflect')).toContain('my-part');
    expect(week('outcome')).toContain('next-chapter');
    expect(week('reflect')).not.toContain('next-chapter');
  });

  it('offers a different question on request, and finds any prompt again by id', () => {
    const a = promptFor('decide', '2026-03-01');
    const b = promptFor('decide', '2026-03-01', 1);
    expect(b.id).not.toBe(a.id);
    expect(promptById(b.id)?.text).toBe(b.text);
  });

  it('has unique ids and every phase has at least five prompts', () => {
    for (const list of Object.values(PROMPTS_BY_PHASE)) {
      expect(list.length).toBeGreaterThanOrEqual(5);
      expect(new Set(list.map((p) => p.id)).size).toBe(list.length);
    }
  });
});
