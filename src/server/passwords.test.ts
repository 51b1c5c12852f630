import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH, passwordProblem } from './passwords.js';

describe('passwordProblem', () => {
  it('says the minimum length when a password is too short', () => {
    expect(passwordProblem('short')).toMatch(/at least 10 characters/);
  });

  it('refuses common passwords and their usual variations, whatever the case', () => {
    for (const p of [
      'password123',
      'Password123',
      'qwertyuiop',
      '1234567890',
      'iloveyou123',
      'Football2024',
    ]) {
      expect(passwordProblem(p), p).toMatch(/most common passwords/);
    }
  });

  it('refuses a password of one repeated character', () => {
    expect(passwordProblem('aaaaaaaaaaaa')).toMatch(/too few characters/);
  });

  it('accepts a passphrase of unrelated words, including non-Latin and emoji text', () => {
    expect(passwordProblem('olive trees by the harbour')).toBeNull();
    expect(passwordProblem('оливковая ветвь мира')).toBeNull();
    expect(passwordProblem('🌿 olive branch 🕊️ peace')).toBeNull();
  });

  it('never throws, on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const result = passwordProblem(s);
        expect(result === null || typeof result === 'string').toBe(true);
        if ([...s].length < MIN_PASSWORD_LENGTH) expect(result).not.toBeNull();
      }),
    );
  });
});
