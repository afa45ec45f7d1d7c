import type { Page } from '@playwright/test';
import { shootBothThemes } from './a11y';
import { expect, test } from './harness';
import { CONNECTOR, historyWorld, SECRET_REF, seedHistory } from './history-seed';
import { tabTo } from './wizard-keys';
import { sharedEndpoint } from '../helpers/aws-endpoint';

/**
 * History end to end, keyboard only: find runs, open one, compare two, trends per region, re-run and
 * compare, delete with undo, retention. The week of history is real runs against the loopback
 * endpoint, recorded again at chosen times (see history-seed.ts for why).
 */

const day = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short' });
const count = (page: Page) => page.getByTestId('run-count');
const connectorPicker = (page: Page) => page.getByRole('combobox', { name: /^Connector/ });

/** Keyboard only: into the list (one Tab stop), Home to its first row, then down to row `index`, on the checkbox or the link. */
async function rowControl(page: Page, index: number, cell: 'select' | 'open') {
  await tabTo(page, page.locator('tbody [data-cell="select"][tabindex="0"]'));
  if (cell === 'open') await page.keyboard.press('Tab');
  await page.keyboard.press('Home');
  for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
  const target = page.locator(`tr[data-index="${index}"] [data-cell="${cell}"]`);
  await expect(target).toBeFocused();
  return target;
}

test.describe('History', () => {
  const endpoint = sharedEndpoint(test, historyWorld.config);

  test('find runs with filters and sorting, open one: the matrix, failing checks, identity, snapshot and options', async ({ app }) => {
    const { page } = app;
    const seeded = await seedHistory(app, endpoint);
    await app.open('history');
    await expect(count(page)).toHaveText('18 runs');

    await tabTo(page, page.getByRole('checkbox', { name: 'Failed' }));
    await page.keyboard.press('Space');
    await expect(count(page)).toHaveText('3 runs match');
    await tabTo(page, page.getByLabel('Error class', { exact: true }));
    await page.getByLabel('Error class', { exact: true }).selectOption('explicit_deny');
    await expect(count(page)).toHaveText('2 runs match');

    await page.getByLabel('Error class', { exact: true }).selectOption('');
    await tabTo(page, page.getByRole('checkbox', { name: 'Failed' }));
    await page.keyboard.press('Space');
    await expect(count(page)).toHaveText('18 runs');
    const search = page.getByRole('searchbox', { name: 'Search' });
    await tabTo(page, search);
    await page.keyboard.type('staging');
    await expect(count(page)).toHaveText('3 runs match');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await page.getByLabel('Kind', { exact: true }).selectOption('test');
    await expect(count(page)).toHaveText('3 runs match');
    await page.getByLabel('Kind', { exact: true }).selectOption('');
    await page.getByLabel('Region', { exact: true }).selectOption('eu-west-1');
    await expect(count(page)).toHaveText('15 runs match');
    await page.getByLabel('Region', { exact: true }).selectOption('');
    await page.getByLabel('Source', { exact: true }).selectOption('imported');
    await expect(count(page)).toHaveText('1 run matches');
    await page.getByLabel('Source', { exact: true }).selectOption('');
    // Days are the user's own: the SCP day holds its two sweeps and that day's staging test.
    const deniedDay = new Date(seeded.deniedAt).toLocaleDateString('en-CA');
    await page.getByLabel('From', { exact: true }).fill(deniedDay);
    await page.getByLabel('To', { exact: true }).fill(deniedDay);
    await expect(count(page)).toHaveText('3 runs match');
    await page.getByLabel('From', { exact: true }).fill('');
    await page.getByLabel('To', { exact: true }).fill('');
    await expect(count(page)).toHaveText('18 runs');
    await page.getByLabel('Error class', { exact: true }).selectOption('explicit_deny');
    await expect(count(page)).toHaveText('2 runs match');

    // The older of the two denied runs is the one where eu-west-1 broke.
    const link = await rowControl(page, 1, 'open');
    await expect(link).toHaveText(new Date(seeded.deniedAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }));
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 1, name: CONNECTOR.identifier })).toBeVisible();
    await expect(page.getByRole('button', { name: 'eu-west-1 EC2 regions: explicit deny' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'us-east-1 EC2 regions: Passed' })).toBeVisible();
    const failing = page.getByRole('region', { name: 'Failing checks' });
    await expect(failing.getByTestId('failing-class')).toHaveText('explicit_deny');
    await expect(failing).toContainText('eu-west-1');
    await expect(page.getByTestId('identity-arn')).toHaveText(historyWorld.admin.arn);
    const yaml = page.getByRole('region', { name: 'Connector as tested' });
    await expect(yaml).toContainText(`secretKeyRef: ${SECRET_REF}`);
    await expect(yaml).not.toContainText(historyWorld.admin.secretAccessKey);
    await expect(page.getByTestId('run-options')).toContainText('us-east-1, eu-west-1, ap-southeast-2');
    // The denied runs went to the SCP-guarded endpoint, on a port of its own.
    await expect(page.getByTestId('run-options')).toContainText(/Endpoint http:\/\/127\.0\.0\.1:\d+\//);
    await expect(page.getByTestId('run-source')).toHaveText('Run on this machine');
    await expect(page.getByRole('region', { name: 'About this run' })).toContainText('0.0.0-test');
    await shootBothThemes(page, 'history-run', 1000);

    // Back keeps the filters, and focus returns to the row the run was opened from.
    await page.goBack();
    await expect(count(page)).toHaveText('2 runs match');
    await expect(page.locator('tr[data-index="1"] [data-cell="open"]')).toBeFocused();

    await tabTo(page, page.getByRole('button', { name: 'Clear filters' }));
    await page.keyboard.press('Enter');
    await expect(count(page)).toHaveText('18 runs');
    await tabTo(page, page.getByRole('button', { name: 'Connector', exact: true }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('columnheader', { name: 'Connector' })).toHaveAttribute('aria-sort', 'ascending');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('columnheader', { name: 'Connector' })).toHaveAttribute('aria-sort', 'descending');
    await expect(page.locator('tr[data-index="0"]')).toContainText('aws_staging');
    await tabTo(page, page.getByRole('button', { name: 'Started' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('columnheader', { name: 'Started' })).toHaveAttribute('aria-sort', 'descending');
    await rowControl(page, 0, 'select');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await expect(count(page)).toHaveText('18 runs · 2 selected');
    await shootBothThemes(page, 'history-list', 800);

    // An imported run says where it came from.
    await page.goto(`${app.origin}/index.html#/history/run/${seeded.importedId}`);
    await expect(page.getByTestId('run-source')).toContainText('Imported from customer-report.json');
    expect(app.consoleErrors).toEqual([]);
  });

  test('compare two runs picked in the list, and a run with the one before it', async ({ app }) => {
    const { page } = app;
    await seedHistory(app, endpoint);
    await app.open('history');
    await tabTo(page, connectorPicker(page));
    await connectorPicker(page).selectOption(CONNECTOR.identifier);
    await expect(count(page)).toHaveText('15 runs match');
    await tabTo(page, page.getByRole('button', { name: 'Started' }));
    await page.keyboard.press('Enter'); // oldest first

    // The last pass before the SCP, and the first run after it.
    await rowControl(page, 7, 'select');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await expect(count(page)).toHaveText('15 runs match · 2 selected');
    await tabTo(page, page.getByRole('link', { name: 'Compare the two' }));
    await page.keyboard.press('Enter');

    await expect(page.getByTestId('compare-headline')).toContainText('1 broke: eu-west-1 ec2_describe_regions now explicit_deny');
    const euWest = page.locator('tbody[data-region="eu-west-1"]');
    const ec2 = euWest.getByRole('row').filter({ hasText: 'EC2 regions' });
    await expect(ec2).toContainText('Passed');
    await expect(ec2).toContainText('explicit deny');
    await expect(ec2).toContainText('Broke');
    await expect(page.getByText('at least 1.5× the earlier time and 250 ms apart')).toBeVisible();
    await shootBothThemes(page, 'history-compare', 900);

    await tabTo(page, page.getByRole('link', { name: /^Later run/ }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('link', { name: 'Compare with previous' }));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('compare-headline')).toContainText('1 broke: eu-west-1 ec2_describe_regions now explicit_deny');
    expect(app.consoleErrors).toEqual([]);
  });

  test('trends: a small chart per region with pass and fail, the breaks named; a table instead', async ({ app }) => {
    const { page } = app;
    const seeded = await seedHistory(app, endpoint);
    await app.open('history');
    await tabTo(page, page.getByRole('link', { name: 'Trends' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Trends' })).toBeVisible();
    await expect(connectorPicker(page)).toHaveValue(CONNECTOR.identifier);

    const charts = page.getByRole('article');
    await expect(charts).toHaveCount(3);
    const badSecretDay = day.format(new Date(seeded.runs.find((run) => run.template === 'badSecret')!.startedAt));
    const deniedDay = day.format(new Date(seeded.deniedAt));
    const euWest = charts.filter({ has: page.getByRole('heading', { name: 'eu-west-1' }) });
    await expect(euWest.locator('.story > span')).toHaveText([
      `Broke on ${deniedDay}: explicit_deny`,
      `Broke on ${badSecretDay}: secret_key_mismatch`,
      `Passing again since ${badSecretDay}`,
    ]);
    await expect(euWest.getByRole('img')).toHaveAttribute(
      'aria-label',
      /^eu-west-1: 15 runs, 12 passed, 3 failed, median \d+ ms\. Broke on .+: explicit_deny; Broke on .+: secret_key_mismatch; passing again since .+\.$/,
    );
    await expect(euWest.locator('text.break-label')).toHaveText(['explicit_deny', 'secret_key_mismatch']);
    await expect(charts.filter({ hasText: 'us-east-1' })).toContainText(`Broke on ${badSecretDay}: secret_key_mismatch`);
    await expect(charts.filter({ hasText: 'us-east-1' })).toContainText('Latest: Passed');
    await shootBothThemes(page, 'history-trend', 900);

    await tabTo(page, page.getByRole('tab', { name: 'Charts' }));
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Table' })).toHaveAttribute('aria-selected', 'true');
    const table = page.getByRole('table', { name: 'eu-west-1' });
    await expect(table.getByRole('row').filter({ hasText: 'Broke: explicit_deny' })).toContainText(deniedDay);
    expect(app.consoleErrors).toEqual([]);
  });

  test('re-run a run that worked: the new run is compared with it', async ({ app }) => {
    const { page } = app;
    await seedHistory(app, endpoint);
    await app.open('history');
    await rowControl(page, 0, 'open');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'us-east-1 STS identity: Passed' })).toBeVisible();

    // Since then the key was rotated in AWS and the keychain holds the old one.
    await app.context.ctx.secrets.set(SECRET_REF, `${historyWorld.admin.secretAccessKey.slice(0, -4)}OLD0`);
    await tabTo(page, page.getByRole('button', { name: 'Re-run and compare' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/history\/compare\/[^/]+\/[^/]+$/, { timeout: 20_000 });
    await expect(page.getByTestId('compare-headline')).toContainText('3 broke: ');
    await expect(page.getByTestId('compare-headline')).toContainText('sts_get_caller_identity now secret_key_mismatch');
    await shootBothThemes(page, 'history-rerun-compare', 900);
    expect(app.context.ctx.history.list({ limit: 1 }).runs[0]).toMatchObject({
      connectorIdentifier: CONNECTOR.identifier,
      status: 'failed',
    });
    expect(app.consoleErrors).toEqual([]);
  });

  test('delete hides the runs at once with an undo; only after the undo time are they gone', async ({ app }) => {
    const { page } = app;
    await seedHistory(app, endpoint);
    await app.open('history');
    await rowControl(page, 0, 'select');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Delete 2 runs' }));
    await page.keyboard.press('Enter');
    await expect(count(page)).toHaveText('16 runs');
    await expect(page.getByRole('status').filter({ hasText: '2 runs deleted.' })).toBeVisible();
    await page.keyboard.press('Control+z');
    await expect(count(page)).toHaveText('18 runs');
    expect(app.context.ctx.history.list({}).total).toBe(18);

    // From a run's page: back to the list, the run already gone from it, Undo a Tab away.
    await rowControl(page, 0, 'open');
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Delete', exact: true }));
    await page.keyboard.press('Enter');
    await expect(count(page)).toHaveText('17 runs');
    await tabTo(page, page.getByRole('button', { name: 'Undo' }));
    await page.keyboard.press('Enter');
    await expect(count(page)).toHaveText('18 runs');

    await rowControl(page, 2, 'select');
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Delete 1 run' }));
    await page.keyboard.press('Enter');
    await expect(count(page)).toHaveText('17 runs');
    expect(app.context.ctx.history.list({}).total).toBe(18);
    await expect.poll(() => app.context.ctx.history.list({}).total, { timeout: 10_000 }).toBe(17);
    await expect(page.getByRole('status').filter({ hasText: 'deleted' })).toHaveCount(0);
    await expect(count(page)).toHaveText('17 runs');
    expect(app.consoleErrors).toEqual([]);
  });

  test('retention: keep the newest runs per connector; imported runs stay', async ({ app }) => {
    const { page } = app;
    const seeded = await seedHistory(app, endpoint);
    await app.open('history');
    await expect(page.getByText('Every run is kept until you delete it.')).toBeVisible();
    await tabTo(page, page.getByRole('button', { name: 'Keep history…' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Keep history' });
    await expect(dialog).toBeVisible();
    await tabTo(page, dialog.getByRole('checkbox', { name: 'Keep only the newest' }));
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('0');
    await expect(dialog.getByRole('alert')).toHaveText('Give a whole number of runs from 1 to 1,000,000.');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('5');
    await shootBothThemes(page, 'history-retention', 800);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Retention saved. 9 runs removed.')).toBeVisible();
    await expect(count(page)).toHaveText('9 runs');
    await expect(page.getByText('all but the newest 5 of each connector')).toBeVisible();
    expect(app.context.ctx.history.show(seeded.importedId)?.imported).toBe(true);
    expect(app.consoleErrors).toEqual([]);
  });
});
