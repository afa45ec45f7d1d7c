import type { Page } from '@playwright/test';
import { axeViolations } from './a11y';
import { expect, test } from './harness';
import { saveManualConnector } from './seed';
import { newConnector, next, tabTo } from './wizard-keys';
import { ACCOUNTS, buildWorld } from '../aws-endpoint';
import { sharedEndpoint } from '../helpers/aws-endpoint';

/**
 * The wizard's Save-and-test step against the loopback AWS endpoint, reached through its
 * "custom endpoint URL" control as a VPC endpoint or an emulator would be: the right secret passes
 * every check with the caller identity, a wrong one fails with the class and the fix the user needs.
 */
const world = buildWorld();
const WRONG_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEWRONG';

/** Keyboard only: opens the advanced disclosure, types the endpoint and starts the test. */
async function testAgainst(page: Page, url: string): Promise<void> {
  const summary = page.getByText('Advanced: custom endpoint URL');
  await tabTo(page, summary);
  await page.keyboard.press('Enter');
  const endpoint = page.getByRole('textbox', { name: 'Endpoint URL (optional)' });
  await expect(endpoint).toHaveValue('');
  await page.keyboard.press('Tab');
  await expect(endpoint).toBeFocused();
  await page.keyboard.type(url);
  await tabTo(page, page.getByRole('button', { name: 'Test connection' }));
  await page.keyboard.press('Enter');
}

async function screenshots(page: Page, outputPath: (name: string) => string, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // The theme's colours fade in; axe and the picture need the settled ones.
    await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
    expect({ scheme, violations: await axeViolations(page) }).toEqual({ scheme, violations: [] });
    // The view scrolls inside its main area, so a full-page picture would cut it: bring the test result into view.
    await page.locator('.connection-test').evaluate((element) => element.scrollIntoView({ block: 'end' }));
    await page.screenshot({ path: outputPath(`${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test.describe('wizard Save and test', () => {
  const endpoint = sharedEndpoint(test, world.config);

  test('tests a new connector at a custom endpoint URL: passes with the right secret, names the class and fix with a wrong one', async ({
    app,
  }, testInfo) => {
    const { page } = app;
    const before = endpoint.requests.length;
    await app.open('connectors');

    await newConnector(app, 'Loopback AWS');
    await next(page);
    await expect(page.getByRole('textbox', { name: 'Access key ID' })).toBeFocused();
    await page.keyboard.type(world.admin.accessKeyId);
    await page.keyboard.press('Tab');
    await page.keyboard.type(world.admin.secretAccessKey);
    await next(page);
    await next(page);
    await expect(page.getByRole('button', { name: 'Save connector' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').getByText('Saved', { exact: true })).toBeVisible();
    // Nothing was sent anywhere before the user asked.
    expect(endpoint.requests).toHaveLength(before);

    await testAgainst(page, endpoint.url);
    await expect(page.getByRole('status').getByText('Passed', { exact: true })).toBeVisible();
    for (const check of ['Credentials', 'STS identity', 'EC2 regions']) {
      await expect(page.getByRole('button', { name: `us-east-1 ${check}: Passed` })).toBeVisible();
    }
    const identity = page.locator('.identity');
    await expect(identity).toContainText(world.admin.arn);
    await expect(identity).toContainText(ACCOUNTS.main);
    // Every request went to the loopback endpoint, none to AWS: the URL was honoured.
    expect(endpoint.requests.length - before).toBeGreaterThanOrEqual(2);
    await screenshots(page, (name) => testInfo.outputPath(name), 'wizard-test-pass');

    await tabTo(page, page.getByRole('button', { name: 'Finish' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Edit Loopback AWS' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Edit Loopback AWS' })).toBeVisible();
    await tabTo(page, page.getByRole('button', { name: /^Credentials/ }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.locator('#connector-secretKey'));
    await page.keyboard.type(WRONG_SECRET);
    await tabTo(page, page.getByRole('button', { name: /^Save and test/ }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Save connector' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').getByText('Saved', { exact: true })).toBeVisible();

    await testAgainst(page, endpoint.url);
    await expect(page.getByRole('status').getByText('Failed', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'us-east-1 STS identity: secret key mismatch' })).toBeVisible();
    // The failing check opens by itself: its class and fix are on screen without a click.
    const details = page.getByRole('region', { name: 'Check details' });
    await expect(details.getByTestId('error-class')).toHaveText('secret_key_mismatch');
    await expect(details.getByTestId('error-fix')).toContainText('Re-enter the Secret Key');
    await expect(details).toContainText('SignatureDoesNotMatch');
    await expect(page.locator('.identity')).toHaveCount(0);
    await screenshots(page, (name) => testInfo.outputPath(name), 'wizard-test-fail');
    expect(await page.content()).not.toContain(world.admin.secretAccessKey);
    expect(await page.content()).not.toContain(WRONG_SECRET);

    await page.keyboard.press('Control+3');
    await expect(page.getByRole('cell', { name: 'Loopback_AWS' })).toHaveCount(2);
    const runs = app.context.ctx.history.list({ limit: 5 }).runs;
    expect(runs.map((run) => [run.connectorIdentifier, run.kind, run.status])).toEqual([
      ['Loopback_AWS', 'test', 'failed'],
      ['Loopback_AWS', 'test', 'passed'],
    ]);
    expect(app.consoleErrors).toEqual([]);
  });

  test('a malformed endpoint URL is refused with a clear message before any call', async ({ app }) => {
    const { page } = app;
    const before = endpoint.requests.length;
    await saveManualConnector(app, { name: 'Loopback AWS', identifier: 'Loopback_AWS' }, world.admin);
    await app.open('connectors');
    await page.getByRole('button', { name: 'Edit Loopback AWS' }).click();
    await page.getByRole('button', { name: /^Save and test/ }).click();
    await testAgainst(page, 'ftp://127.0.0.1/');
    await expect(page.getByRole('alert')).toContainText('The endpoint URL must be an http:// or https:// URL.');
    expect(endpoint.requests).toHaveLength(before);
  });
});
