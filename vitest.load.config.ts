import { defineConfig } from 'vitest/config';

// The load run's rate test, alone: its 2,000 messages/s hold only when no other test file shares the two cores.
// `npm run test:unit` runs it after the rest (vitest.config.ts leaves it out).
export default defineConfig({
  test: {
    include: ['test/integration/load-run.test.ts'],
    testTimeout: 20_000,
  },
});
