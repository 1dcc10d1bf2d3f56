import { defineConfig } from 'vitest/config';

/** Unit, database and server tests. The browser suite has its own runner (tests/e2e). */
export default defineConfig({
  test: {
    include: ['tests/domain/**/*.test.ts', 'tests/db/**/*.test.ts', 'tests/server/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 240_000,
    fileParallelism: true,
  },
});
