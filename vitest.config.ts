import { defineConfig } from 'vitest/config';

// Unit and integration tests under Node 24; the Playwright specs under test/e2e are not vitest's.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
