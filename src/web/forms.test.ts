import { describe, expect, it } from 'vitest';
import { parseHours } from './forms.js';

describe('hours of sleep as people type them', () => {
  it('reads a comma as a decimal point, like a dot', () => {
    expect(parseHours('7,5')).toEqual({ ok: true, value: 7.5 });
    expect(parseHours(' 7.5 ')).toEqual({ ok: true, value: 7.5 });
    expect(parseHours('8')).toEqual({ ok: true, value: 8 });
  });

  it('treats an empty field as not answered', () => {
    expect(parseHours('')).toEqual({ ok: true, value: null });
  });

  it('explains, in one sentence, what it could not read', () => {
    const words = parseHours('seven');
    expect(words.ok).toBe(false);
    if (!words.ok) expect(words.error).toMatch(/like 7 or 7,5/);
    const many = parseHours('25');
    expect(many.ok).toBe(false);
    if (!many.ok) expect(many.error).toMatch(/0 to 24/);
  });
});
