#!/usr/bin/env node
// The build runs in `prepare`, so dist/ exists right after `npm install`.
import('../dist/cli/main.js').then((m) => m.main(process.argv.slice(2)));
