import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/**
 * Launches the real packaged-style app where an Electron runtime is installed. Electron's runtime is
 * downloaded from github.com at install time; where it could not be, the test says so and skips, even
 * under CI (the CI machines have no route to github.com), because nothing on this machine can run it.
 */
const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const pathFile = join(electronDir, 'path.txt');
const binary = existsSync(pathFile) ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8')) : null;
const reason =
  'the Electron runtime is not installed here (its download from github.com is not reachable); run this on a machine with internet access';

test('the Electron app starts with a locked-down window', async () => {
  if (!binary || !existsSync(binary)) console.warn(`SKIPPED: Electron launch test: ${reason}`);
  test.skip(!binary || !existsSync(binary), reason);
  const app = await electron.launch({ args: ['out/main/index.js'], executablePath: binary ?? undefined });
  const page = await app.firstWindow();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  // Isolated and sandboxed: the page sees window.api and no Node at all.
  const seen = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    api: typeof window.api.app.info,
  }));
  expect(seen).toEqual({ require: 'undefined', process: 'undefined', api: 'function' });
  const info = await page.evaluate(() => window.api.app.info());
  expect(info).toMatchObject({ ok: true, value: { versions: { electron: expect.stringMatching(/^\d+\./) } } });
  // Navigation away, new windows and permission prompts are all refused by the main process.
  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  await page.evaluate(() => {
    location.href = 'https://example.com/';
  });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(page.url()).toMatch(/^app:\/\/workbench\//);
  expect(app.windows()).toHaveLength(1);
  expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
  await app.close();
});
