import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPrincipleId, LESSONS, lessonFor, PRINCIPLE_IDS } from './lessons.js';

describe('lessons', () => {
  it('has exactly one lesson per principle P1–P18, in order', () => {
    expect(PRINCIPLE_IDS).toEqual(Array.from({ length: 18 }, (_, i) => `P${i + 1}`));
    expect(LESSONS.map((l) => l.id)).toEqual([...PRINCIPLE_IDS]);
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))('%s reads as a complete lesson', (_, lesson) => {
    expect(lesson.title.trim()).not.toBe('');
    expect(lesson.summary.length).toBeGreaterThan(10);
    // The summary is shown on one line under a step.
    expect(lesson.summary).not.toContain('\n');
    expect(lesson.what.length).toBeGreaterThan(40);
    expect(lesson.why.length).toBeGreaterThan(40);
    expect(lesson.how.length).toBeGreaterThanOrEqual(3);
    expect(lesson.how.length).toBeLessThanOrEqual(5);
    expect(new Set(lesson.how).size).toBe(lesson.how.length);
    for (const step of lesson.how) expect(step.trim().length).toBeGreaterThan(10);
  });

  it('gives every lesson a distinct title', () => {
    expect(new Set(LESSONS.map((l) => l.title)).size).toBe(LESSONS.length);
  });

  it('finds a lesson from an id typed in any case, with spaces', () => {
    expect(lessonFor('P6')?.title).toBe('Reconnect carefully');
    expect(lessonFor(' p15 ')?.id).toBe('P15');
    expect(lessonFor('P19')).toBeUndefined();
    expect(lessonFor('')).toBeUndefined();
  });

  it('never throws on odd input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const lesson = lessonFor(s);
        expect(lesson === undefined || isPrincipleId(lesson.id)).toBe(true);
      }),
    );
  });
});
