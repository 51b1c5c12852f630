import type { Command } from './usage.js';

// Placeholder until the 'plan' command lands; replaced by its owner.
export const run: Command = async (_argv, io) => {
  io.stderr.write('olive plan: not available in this build yet\n');
  return 70;
};
