import { axeViolations } from './a11y';
import { expect, test, type AppFixture } from './harness';
import { saveManualConnector } from './seed';
import { ACCOUNTS, buildWorld } from '../aws-endpoint';
import { sharedEndpoint } from '../helpers/aws-endpoint';

/**
 * The Test view against the loopback AWS endpoint: a sweep whose regions answer at different speeds
 * and fail for different reasons, so the matrix fills live and shows a mix of results.
 */
const world = buildWorld({
  overrides: {
    accounts: [
      { id: ACCOUNTS.main, enabledOptInRegions: ['eu-south-1'], scpDeniedRegions: ['sa-east-1'], stsDisabledRegions: ['eu-west-3'] },
    ],
    faults: { 'us-west-2': { latencyMs: 1500 }, 'ap-northeast-1': { latencyMs: 1500 } },
  },
});

function saveConnector(app: AppFixture): Promise<void> {
  return saveManualConnector(app, { name: 'AWS Sweep', identifier: 'aws_sweep' }, world.admin);
}

test.describe('Test view', () => {
  const endpoint = sharedEndpoint(test, world.config);

  test('a sweep fills the region × check matrix live; a cell opens its class and fix; the run is in history', async ({ app }, testInfo) => {
    const { page } = app;
    await saveConnector(app);
    await app.open('test');
    await expect(page.getByRole('heading', { level: 1, name: 'Test' })).toBeVisible();
    await page.getByLabel('Regions').selectOption('list');
    await page
      .getByLabel('Region codes')
      .fill('us-east-1, us-west-2, eu-west-1, eu-west-3, eu-south-1, af-south-1, sa-east-1, ap-northeast-1, us-gov-west-1');
    await page.getByLabel('Endpoint URL (optional)').fill(endpoint.url);
    await page.getByRole('button', { name: 'Run', exact: true }).click();

    // Live: the fast regions are done while the slow ones still wait.
    await expect(page.getByRole('status').getByText(/^Running \d of 9$/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'eu-west-1 EC2 regions: Passed' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'us-west-2 EC2 regions: Waiting' })).toBeVisible();

    await expect(page.getByRole('status').getByText('Failed', { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText('5 passed, 3 failed of 9 regions', { exact: false })).toBeVisible();
    await page.getByRole('button', { name: 'af-south-1 STS identity: region not enabled' }).click();
    const details = page.getByRole('region', { name: 'Check details' });
    await expect(details.getByTestId('error-class')).toHaveText('region_not_enabled');
    await expect(details.getByTestId('error-fix')).toContainText('Enable the opt-in region af-south-1');
    await expect(details).toContainText('InvalidClientTokenId');
    await page.getByRole('button', { name: 'sa-east-1 EC2 regions: explicit deny' }).click();
    await expect(details.getByTestId('error-class')).toHaveText('explicit_deny');
    await expect(page.getByRole('region', { name: 'Findings' })).toContainText('AWS GovCloud (US) not tested');
    await page.screenshot({ path: testInfo.outputPath('test-matrix.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: testInfo.outputPath('test-matrix-dark.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await app.open('history');
    await expect(page.getByRole('cell', { name: 'aws_sweep' })).toBeVisible();
    expect(app.consoleErrors).toEqual([]);
  });

  test('cancel stops a sweep; the partial run is recorded as cancelled', async ({ app }) => {
    const { page } = app;
    await saveConnector(app);
    await app.open('test');
    await page.getByLabel('Regions').selectOption('list');
    await page.getByLabel('Region codes').fill('us-east-1, us-west-2, ap-northeast-1');
    await page.getByLabel('At the same time').fill('1');
    await page.getByLabel('Endpoint URL (optional)').fill(endpoint.url);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByRole('button', { name: 'us-east-1 EC2 regions: Passed' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('status').getByText('Cancelled', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'ap-northeast-1 STS identity: Cancelled' })).toBeVisible();
    expect(app.context.ctx.history.list({ limit: 5 }).runs[0]).toMatchObject({
      kind: 'sweep',
      status: 'cancelled',
      connectorIdentifier: 'aws_sweep',
    });
  });

  test('network preflight shows each hop of each endpoint and offers the allowlist', async ({ app }) => {
    const { page } = app;
    await saveConnector(app);
    await app.open('test');
    await page.getByLabel('Endpoint URL (optional)').fill(endpoint.url);
    await page.getByRole('button', { name: 'Network preflight' }).click();
    const panel = page.getByRole('region', { name: 'Network preflight' });
    await expect(panel.getByRole('rowheader', { name: `127.0.0.1:${endpoint.port}` })).toBeVisible();
    await expect(panel.getByText('Passed', { exact: true })).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Copy allowlist for the firewall team' })).toBeVisible();
    await expect(panel).toContainText('1 host');
  });
});
