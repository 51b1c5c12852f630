/** The process entry: `node dist/cli/entry.js …` (bin/olive.js) or `tsx src/cli/entry.ts …`. */
import { main } from './main.js';

await main(process.argv.slice(2));
