import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COUNTRIES,
  countryFromTimeZone,
  EMERGENCY_NUMBERS,
  EMERGENCY_TEXT,
  emptySafetyPlan,
  HELP_LINES,
  helpFor,
  SAFETY_PLAN_SECTIONS,
  safetyPlanToMarkdown,
  THERAPY_GUIDANCE,
} from './help.js';

const NATIONAL = COUNTRIES.filter((c) => c.code !== 'INT');

describe('help lines', () => {
  it('covers at least the US, UK, Canada, Australia, Ireland and New Zealand', () => {
    expect(NATIONAL.map((c) => c.code)).toEqual(expect.arrayContaining(['US', 'GB', 'CA', 'AU', 'IE', 'NZ']));
  });

  it.each(NATIONAL.map((c) => [c.name, c.code] as const))(
    '%s has a crisis line, a domestic-violence resource and an emergency number',
    (_, code) => {
      const help = helpFor(code);
      expect(help.country).toBe(code);
      expect(help.crisis.length).toBeGreaterThan(0);
      expect(help.domesticViolence.length).toBeGreaterThan(0);
      expect(help.emergency?.number).toMatch(/^\d{3}$/);
      expect(EMERGENCY_TEXT).toContain(help.emergency!.number);
    },
  );

  it('ships an international directory, shown whatever the country', () => {
    expect(helpFor('INT').directories.length).toBeGreaterThan(0);
    expect(helpFor('US').directories).toEqual(helpFor('INT').directories);
    expect(HELP_LINES.some((l) => l.country === 'INT' && /findahelpline\.com/.test(l.ways[0]!.value))).toBe(
      true,
    );
  });

  it('lists the numbers people know by heart', () => {
    const values = (code: string) =>
      HELP_LINES.filter((l) => l.country === code).flatMap((l) => l.ways.map((w) => w.value));
    expect(values('US')).toEqual(expect.arrayContaining(['988', '1-800-799-7233']));
    expect(values('GB')).toEqual(expect.arrayContaining(['116 123', '85258', '0808 2000 247']));
    expect(values('CA')).toContain('988');
    expect(values('AU')).toEqual(expect.arrayContaining(['13 11 14', '1800 737 732']));
    expect(values('IE')).toEqual(expect.arrayContaining(['116 123', '50808', '1800 341 900']));
    expect(values('NZ')).toEqual(expect.arrayContaining(['1737', '0800 543 354', '0800 733 843']));
  });

  it('gives every entry a unique id, a description and well-formed ways to reach it', () => {
    expect(new Set(HELP_LINES.map((l) => l.id)).size).toBe(HELP_LINES.length);
    for (const line of HELP_LINES) {
      expect(line.description.length).toBeGreaterThan(20);
      expect(line.ways.length).toBeGreaterThan(0);
      for (const way of line.ways) {
        if (way.how === 'web') expect(() => new URL(way.value)).not.toThrow();
        if (way.how === 'web') expect(way.value.startsWith('https://')).toBe(true);
        if (way.how === 'call' || way.how === 'text') expect(way.value).toMatch(/^\d[\d -]*\d$/);
        if (way.how === 'email') expect(way.value).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
      }
    }
  });

  it('has one emergency number per covered country', () => {
    expect(EMERGENCY_NUMBERS.map((e) => e.country).sort()).toEqual(NATIONAL.map((c) => c.code).sort());
  });

  it('falls back to the worldwide directories for an unknown or missing country', () => {
    for (const input of ['FR', '', null, undefined, 'gb ']) {
      const help = helpFor(input);
      expect(help.directories.length).toBeGreaterThan(0);
    }
    expect(helpFor('FR').country).toBe('INT');
    expect(helpFor('FR').emergency).toBeNull();
    expect(helpFor('gb ').country).toBe('GB');
  });

  it('guesses the country from a time zone only when the zone says so', () => {
    expect(countryFromTimeZone('Europe/London')).toBe('GB');
    expect(countryFromTimeZone('Europe/Dublin')).toBe('IE');
    expect(countryFromTimeZone('America/New_York')).toBe('US');
    expect(countryFromTimeZone('Pacific/Honolulu')).toBe('US');
    expect(countryFromTimeZone('America/Vancouver')).toBe('CA');
    expect(countryFromTimeZone('Australia/Perth')).toBe('AU');
    expect(countryFromTimeZone('Pacific/Auckland')).toBe('NZ');
    // Mexico City is in America/ but not a country we cover.
    expect(countryFromTimeZone('America/Mexico_City')).toBeNull();
    expect(countryFromTimeZone('Europe/Paris')).toBeNull();
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const c = countryFromTimeZone(s);
        expect(c === null || NATIONAL.some((n) => n.code === c)).toBe(true);
      }),
    );
  });
});

describe('personal safety plan', () => {
  it('has the six sections, each with a prompt and examples', () => {
    expect(SAFETY_PLAN_SECTIONS.map((s) => s.id)).toEqual([
      'warning-signs',
      'coping-steps',
      'places-and-people',
      'people-to-ask',
      'professionals-and-lines',
      'safe-environment',
    ]);
    for (const s of SAFETY_PLAN_SECTIONS) {
      expect(s.prompt.trim().endsWith('?') || s.prompt.trim().endsWith('.')).toBe(true);
      expect(s.examples.length).toBeGreaterThan(0);
    }
  });

  it('prints a blank plan with a line to fill in for every section', () => {
    const md = safetyPlanToMarkdown(emptySafetyPlan());
    for (const s of SAFETY_PLAN_SECTIONS) expect(md).toContain(`## ${s.title}`);
    expect(md.match(/- _+/g)?.length).toBe(SAFETY_PLAN_SECTIONS.length);
    expect(md).toContain(EMERGENCY_TEXT);
  });

  it('keeps every entry on its own line, whatever was typed', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 5 }), (entries) => {
        const md = safetyPlanToMarkdown({ 'coping-steps': [...entries, 'a walk\r\nwith\tthe dog'] });
        expect(md).toContain('- a walk with the dog');
        const bullets = md.split('\n').filter((line) => line.startsWith('- '));
        const kept = entries.filter((e) => e.replace(/\s+/g, ' ').trim() !== '').length + 1;
        // Kept entries, plus one blank line for each of the five other sections.
        expect(bullets.length).toBe(kept + SAFETY_PLAN_SECTIONS.length - 1);
      }),
    );
  });
});

describe('therapy guidance (P15)', () => {
  it('names signs, kinds of help, first steps and when not to wait', () => {
    expect(THERAPY_GUIDANCE.principles).toContain('P15');
    expect(THERAPY_GUIDANCE.signs.length).toBeGreaterThanOrEqual(4);
    expect(THERAPY_GUIDANCE.kinds.length).toBeGreaterThanOrEqual(2);
    expect(THERAPY_GUIDANCE.firstSteps.length).toBeGreaterThan(0);
    expect(THERAPY_GUIDANCE.urgent).toMatch(/crisis line|emergency/);
  });
});
