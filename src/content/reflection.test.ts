import { describe, expect, it } from 'vitest';
import { breakupReasonSchema, reflectionSchema } from '../method/schema.js';
import { isPrincipleId } from './lessons.js';
import {
  REASONS,
  REFLECTION_PROMPTS,
  REFLECTION_SECTIONS,
  reasonOption,
  sectionForField,
} from './reflection.js';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('reflection prompts', () => {
  it('describes every breakup reason of the snapshot taxonomy, once, in schema order', () => {
    expect(REASONS.map((r) => r.id)).toEqual(breakupReasonSchema.options);
    for (const r of REASONS) {
      expect(r.label.trim()).not.toBe('');
      expect(r.description.length).toBeGreaterThan(20);
      expect(reasonOption(r.id)).toBe(r);
    }
  });

  it('saves each section into its own text field of the reflection record', () => {
    const textFields = Object.keys(reflectionSchema.shape).filter(
      (k) => k !== 'reasons' && k !== 'updatedAt',
    );
    expect(REFLECTION_SECTIONS.map((s) => s.field).sort()).toEqual(textFields.sort());
    for (const s of REFLECTION_SECTIONS) expect(sectionForField(s.field)).toBe(s);
  });

  it('covers reasons, own role, patterns, strengths and what drew you together', () => {
    const ids = REFLECTION_SECTIONS.map((s) => s.id);
    for (const id of ['reasons', 'own-role', 'patterns', 'strengths', 'what-drew-you-together'] as const) {
      expect(ids).toContain(id);
    }
  });

  it('gives every prompt a unique kebab-case id, a question, a hint and valid principles', () => {
    const ids = REFLECTION_PROMPTS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of REFLECTION_PROMPTS) {
      expect(p.id).toMatch(KEBAB);
      expect(p.question.trim().endsWith('?')).toBe(true);
      expect(p.hint.length).toBeGreaterThan(10);
      expect(p.principles.length).toBeGreaterThan(0);
      // Reflection is P1's work: every prompt cites it.
      expect(p.principles).toContain('P1');
      for (const id of p.principles) expect(isPrincipleId(id)).toBe(true);
    }
  });

  it('offers at least two prompts per section', () => {
    for (const s of REFLECTION_SECTIONS) expect(s.prompts.length).toBeGreaterThanOrEqual(2);
  });
});
