import { defineConfig } from 'vitest/config';

/**
 * Browser tests (`npm run test:e2e`): playwright-core driving Debian's Chromium against the
 * real server, built fresh by the global setup. One file at a time: two cores, one browser.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
