import { defineConfig } from 'vitest/config';

/** The browser suite: headless Chromium against the built server (`npm run test:browser`). */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file starts its own server and browser: two at a time suit a 2-core machine.
    maxWorkers: 2,
  },
});
