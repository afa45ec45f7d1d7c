import type { Locator, Page } from '@playwright/test';
import { expect, type AppFixture } from './harness';

/** Keyboard only: presses Tab until the element has focus. */
export async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

/** Keyboard only: the wizard's Next button. */
export async function next(page: Page): Promise<void> {
  await tabTo(page, page.getByRole('button', { name: 'Next' }));
  await page.keyboard.press('Enter');
}

/** Keyboard only: opens a new connector from the Connectors view, names it and moves on to Credentials. */
export async function newConnector(app: AppFixture, name: string): Promise<void> {
  const { page } = app;
  await page.keyboard.press('Control+1');
  await tabTo(page, page.getByRole('button', { name: 'New connector' }).first());
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Credentials', exact: true })).toBeVisible();
}
