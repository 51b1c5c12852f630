import { describe, expect, it } from 'vitest';
import { ApiError } from './api.js';
import { fieldLabel, fieldMessages, importReason, plainMessage, plainReason } from './words.js';

describe('server answers in plain words', () => {
  it('names a field the way the form labels it', () => {
    expect(fieldLabel('data.currentPassword')).toBe('Current password');
    expect(fieldLabel('checkIns[3].sleepHours')).toBe('Hours of sleep');
    expect(fieldLabel('whatDrewUsTogether')).toBe('What drew us together');
  });

  it('says a message once, as a sentence, without repeating the field', () => {
    expect(plainMessage('reflection: reflection: at most 20000 characters')).toBe(
      'At most 20,000 characters.',
    );
    expect(plainMessage('This is not your current password.')).toBe('This is not your current password.');
  });

  it('only names a field the form already explains, so nothing shows twice', () => {
    const e = new ApiError(400, 'Bad', 'currentPassword: This is not your current password.', [
      { path: 'currentPassword', message: 'This is not your current password.' },
    ]);
    expect(plainReason(e, ['currentPassword'])).toBe('Please check “Current password”.');
    expect(plainReason(e)).toBe('Current password: This is not your current password.');
    expect(fieldMessages(e.errors).currentPassword).toBe('This is not your current password.');
  });

  it('explains a refused import without internals, and says nothing changed', () => {
    const errors = Array.from({ length: 22 }, (_, i) => ({
      path: i === 0 ? 'version' : `checkIns[${i}].mood`,
      message: i === 0 ? 'unknown snapshot version (this build reads 1)' : 'expected at most 10',
    }));
    const text = importReason(new ApiError(400, 'Bad', 'version: unknown…', errors));
    expect(text).not.toMatch(/snapshot|version:|\(and \d+ more\)/);
    expect(text).toMatch(/Nothing here was changed/);
  });
});
