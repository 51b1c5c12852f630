/**
 * Olive Branch's public library entry. The coach and the method are pure and run
 * anywhere; the server and the store are reached through the `olive` CLI.
 *
 * @example
 * import { analyze } from 'olivebranch';
 * analyze('You never listen to me.').verdict; // 'revise'
 */
export * from './coach/index.js';
export * from './method/index.js';
