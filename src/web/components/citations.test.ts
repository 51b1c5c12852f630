import { describe, expect, it } from 'vitest';
import { limitState, withoutCitations } from './ui.js';

describe('principles cited once', () => {
  it('takes inline ids out of method text, since a "why?" link cites them', () => {
    expect(withoutCitations('Give them space (P2 P16).')).toBe('Give them space.');
    expect(withoutCitations('Heal first (P3), then decide (P5).')).toBe('Heal first, then decide.');
    expect(withoutCitations('No ids here.')).toBe('No ids here.');
  });
});

describe('limits shown before they bite', () => {
  it('counts up to the limit and says how far over it is, cutting nothing', () => {
    expect(limitState('a'.repeat(19), 2000)).toEqual({ over: 0, text: '19 of 2,000 characters' });
    const over = limitState('a'.repeat(2003), 2000);
    expect(over.over).toBe(3);
    expect(over.text).toMatch(/3 characters over the limit of 2,000\. Nothing has been cut/);
  });
});
