// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { closeHandoffs, forgetUnsaved, stashUnsaved, takeUnsaved } from './handoff.js';

describe('words handed from a closing page to the next load', () => {
  it('gives the next load what the closing page left, until it is forgotten', () => {
    stashUnsaved('reflection', { data: { patterns: 'I go quiet' } });
    expect(takeUnsaved('reflection')).toEqual({ data: { patterns: 'I go quiet' } });
    forgetUnsaved('reflection');
    expect(takeUnsaved('reflection')).toBeUndefined();
  });

  it('reads nothing from a damaged entry', () => {
    sessionStorage.setItem('olive.unsaved.reflection', '{not json');
    expect(takeUnsaved('reflection')).toBeUndefined();
  });

  it('leaves nothing behind after quick exit, and takes no more', () => {
    stashUnsaved('reflection', { data: 'private words' });
    sessionStorage.setItem('olive.locked', '1');
    closeHandoffs();
    expect(takeUnsaved('reflection')).toBeUndefined();
    stashUnsaved('reflection', { data: 'typed after' });
    expect(takeUnsaved('reflection')).toBeUndefined();
    // Only hand-offs go: the lock's own flag stays, so coming back asks for the PIN.
    expect(sessionStorage.getItem('olive.locked')).toBe('1');
  });
});
