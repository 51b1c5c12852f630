/**
 * The rule registry: every category file's rules, crisis first. Order matters only as the
 * last tie-break when overlapping findings of one category are merged.
 */
import type { Rule } from '../types.js';
import { rules as appreciation } from './appreciation.js';
import { rules as begging } from './begging.js';
import { rules as blindApology } from './blind-apology.js';
import { rules as crisis } from './crisis.js';
import { rules as empathy } from './empathy.js';
import { rules as iStatement } from './i-statement.js';
import { rules as manipulation } from './manipulation.js';
import { rules as overPromise } from './over-promise.js';
import { rules as pressure } from './pressure.js';
import { rules as rehash } from './rehash.js';
import { rules as respectsSpace } from './respects-space.js';
import { rules as specificApology } from './specific-apology.js';
import { rules as youBlame } from './you-blame.js';

/** Crisis rules: their own set, always run, never silenced by negation, quotes or settings. */
export const crisisRules: readonly Rule[] = crisis;

export const allRules: Rule[] = [
  ...crisis,
  ...youBlame,
  ...begging,
  ...overPromise,
  ...blindApology,
  ...pressure,
  ...manipulation,
  ...rehash,
  ...iStatement,
  ...specificApology,
  ...respectsSpace,
  ...appreciation,
  ...empathy,
];
