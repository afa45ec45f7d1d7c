import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations } from './a11y';
import { expect, test } from './harness';

const manifest = readFileSync(join(import.meta.dirname, '../fixtures/delegate/harness-delegate.yaml'), 'utf8');
const ROLE = 'arn:aws:iam::123456789012:role/harness-delegate';
const ISSUER = 'https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';

test.describe('Delegate YAML workbench', () => {
  test('paste the Harness manifest, fill the form, see the diff, problems and policies, save and copy', async ({ app }) => {
    const { page } = app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    await app.open('delegate');
    await expect(page.getByRole('heading', { level: 1, name: 'Delegate YAML' })).toBeVisible();

    await page.getByLabel('Delegate manifest YAML').fill(manifest);
    await expect(page.getByLabel('What the manifest contains')).toContainText('Deployment PUT_YOUR_DELEGATE_NAME in harness-delegate-ng, runs as default');
    await expect(page.getByLabel('What the manifest contains')).toContainText('harness-delegate-cluster-admin');

    await page.getByRole('textbox', { name: 'Service account', exact: true }).fill('harness-delegate-irsa');
    await page.getByRole('textbox', { name: 'Role ARN' }).fill(ROLE);
    await page.getByLabel('OIDC issuer URL').fill(ISSUER);
    await page.getByLabel('Cluster name').fill('prod-eks');
    await page.getByLabel('S3 read (artifacts, manifests)').check();

    const changes = page.getByRole('list', { name: 'Changes' });
    await expect(changes).toContainText('Set serviceAccountName: harness-delegate-irsa in Deployment PUT_YOUR_DELEGATE_NAME.');
    await expect(changes).toContainText('Added ServiceAccount harness-delegate-ng/harness-delegate-irsa');

    const diff = page.getByRole('region', { name: 'Side-by-side diff of the manifest' });
    await expect(diff.getByRole('row').filter({ hasText: 'serviceAccountName: harness-delegate-irsa' })).toHaveCount(1);
    await expect(diff.getByRole('row').filter({ hasText: '−    name: default' })).toHaveCount(1);
    await expect(diff.getByRole('button', { name: /Show \d+ unchanged lines/ }).first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Validation' })).toContainText('0 errors, 5 warnings');
    await expect(page.getByRole('region', { name: 'Validation' })).toContainText('PUT_YOUR_DELEGATE_TOKEN is still a placeholder (lines 40, 206).');

    await expect(page.getByTestId('artifact-text')).toContainText('"Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"');
    await expect(page.getByTestId('artifact-text')).toContainText('system:serviceaccount:harness-delegate-ng:harness-delegate-irsa');
    await page.getByRole('tab', { name: 'Permission policy' }).click();
    await expect(page.getByTestId('artifact-text')).toContainText('"ec2:DescribeRegions"');
    await expect(page.getByTestId('artifact-text')).toContainText('"s3:Get*"');
    await page.getByRole('tab', { name: 'Permission policy' }).press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'eksctl' })).toBeFocused();
    await expect(page.getByTestId('artifact-text')).toContainText('eksctl create iamserviceaccount');
    await expect(page.getByTestId('artifact-text')).toContainText('--cluster prod-eks');
    await page.getByRole('tab', { name: 'Helm values' }).click();
    await expect(page.getByTestId('artifact-text')).toContainText(`eks.amazonaws.com/role-arn: ${ROLE}`);
    await page.getByRole('tab', { name: 'Checks' }).click();
    await expect(page.getByTestId('artifact-text')).toContainText("grep -E 'AWS_ROLE_ARN|AWS_WEB_IDENTITY_TOKEN_FILE'");

    // Save the patched manifest: the download is exactly what the service produced.
    const expected = (await app.router.invoke('delegate.irsa', { manifest, form: { serviceAccount: 'harness-delegate-irsa', roleArn: ROLE, oidcIssuer: ISSUER, clusterName: 'prod-eks', useCases: ['s3-read'] } }, { url: `${app.origin}/index.html`, isTopFrame: true })) as { ok: true; value: { output: string } };
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save harness-delegate.irsa.yaml' }).click()]);
    expect(download.suggestedFilename()).toBe('harness-delegate.irsa.yaml');
    expect(readFileSync((await download.path()) as string, 'utf8')).toBe(expected.value.output);

    await page.getByRole('button', { name: 'Copy', exact: true }).first().click();
    await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected.value.output);

    await page.getByRole('tab', { name: 'Trust policy' }).click();
    // The content scrolls inside <main>; a tall window shows the whole view in one picture.
    await page.setViewportSize({ width: 1280, height: 2300 });
    await page.getByRole('main').evaluate((main) => main.scrollTo(0, 0));
    await page.screenshot({ path: 'test-results/delegate.png' });
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'test-results/delegate-dark.png' });
    expect(await axeViolations(page)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });

  test('open a file; a role from another partition than the cluster is an error with its line', async ({ app }) => {
    const { page } = app;
    await app.open('delegate');
    // Opened from a file this time (the hidden input behind "Open file…"), not pasted.
    await page.locator('input[type="file"]').setInputFiles(join(import.meta.dirname, '../fixtures/delegate/harness-delegate.yaml'));
    await expect(page.getByLabel('Delegate manifest YAML')).toHaveValue(manifest);
    await page.getByRole('textbox', { name: 'Service account', exact: true }).fill('harness-delegate-irsa');
    await page.getByRole('textbox', { name: 'Role ARN' }).fill(ROLE);
    await page.getByRole('textbox', { name: 'Region', exact: true }).fill('us-gov-west-1');
    const validation = page.getByRole('region', { name: 'Validation' });
    await expect(validation).toContainText('1 error, 5 warnings');
    await expect(validation.getByRole('listitem').first()).toContainText('line 14');
    await expect(validation.getByRole('listitem').first()).toContainText('The role ARN is in partition "aws" but the cluster\'s region us-gov-west-1 is in "aws-us-gov".');
    await page.getByRole('radio', { name: 'Enter account ID and role name' }).check();
    await page.getByLabel('AWS account ID').fill('123456789012');
    await page.getByRole('textbox', { name: 'Role name', exact: true }).fill('harness-delegate');
    await expect(validation).toContainText('0 errors, 5 warnings');
    await expect(page.getByRole('region', { name: 'Side-by-side diff of the manifest' })).toContainText('arn:aws-us-gov:iam::123456789012:role/harness-delegate');
  });
});
