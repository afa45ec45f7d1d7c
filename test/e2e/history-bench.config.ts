import { defineConfig } from '@playwright/test';

/** Playwright for the History render bench only (`npm run bench` starts it): one file, one worker. */
export default defineConfig({
  testDir: '.',
  testMatch: 'history-render.measure.ts',
  workers: 1,
  retries: 0,
  timeout: 300_000,
  outputDir: '../../test-results/bench',
  reporter: [['line']],
});
