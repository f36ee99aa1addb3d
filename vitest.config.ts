import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    globalSetup: ['test/global-setup.ts'],
    env: { LOKET_ASR_SETUP_TEST: '1' },
  },
  define: { __VERSION__: JSON.stringify('0.0.0-test') },
});
