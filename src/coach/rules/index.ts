/**
 * The rule registry: every category file's rules. Order matters only as the last tie-break
 * when overlapping findings of one category are merged. Crisis language is not a rule file:
 * it is found by concept (../crisis/), always, whatever the rules say.
 */
import type { Rule } from '../types.js';
import { rules as appreciation } from './appreciation.js';
import { rules as begging } from './begging.js';
import { rules as blindApology } from './blind-apology.js';
import { rules as empathy } from './empathy.js';
import { rules as iStatement } from './i-statement.js';
import { rules as manipulation } from './manipulation.js';
import { rules as overPromise } from './over-promise.js';
import { rules as pressure } from './pressure.js';
import { rules as rehash } from './rehash.js';
import { rules as respectsSpace } from './respects-space.js';
import { rules as specificApology } from './specific-apology.js';
import { rules as youBlame } from './you-blame.js';

export const allRules: Rule[] = [
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
