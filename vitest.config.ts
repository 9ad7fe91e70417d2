import { defineConfig } from 'vitest/config';

// Unit and integration tests under Node 24; the Playwright specs under test/e2e are not vitest's.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    // Runs alone, after the rest (vitest.load.config.ts): its rate holds only with the cores to itself.
    exclude: ['test/integration/load-run.test.ts', '**/node_modules/**'],
    testTimeout: 20_000,
  },
});
