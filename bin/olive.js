#!/usr/bin/env node
// The build runs in `prepare`, so dist/ exists right after `npm install`.
import '../dist/cli/entry.js';
