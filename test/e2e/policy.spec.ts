import { shootBothThemes } from './a11y';
import { expect, test } from './harness';

const identity = JSON.stringify(
  { Version: '2012-10-17', Statement: [{ Sid: 'Everything', Effect: 'Allow', Action: ['ec2:*', 's3:Get*', 's3:List*'], Resource: '*' }] },
  null,
  2,
);
const scp = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyOutsideGovCloud',
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-gov-west-1', 'us-gov-east-1'] } },
      },
    ],
  },
  null,
  2,
);

test.describe('Policy check', () => {
  test('presets and policies in tabs: a verdict per action with the deciding SCP statement', async ({ app }) => {
    const { page } = app;
    await app.open('policy');
    await expect(page.getByRole('heading', { level: 1, name: 'Policy check' })).toBeVisible();

    await page.getByLabel('Identity policies JSON 1').fill(identity);
    await page.getByRole('tab', { name: 'Identity policies (1)' }).press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Permissions boundary' })).toBeFocused();
    await page.getByRole('tab', { name: 'SCPs' }).click();
    await page.getByLabel('SCPs JSON 1').fill(scp);
    await page.getByLabel('S3 read (artifacts, manifests)').check();
    await page.getByLabel('More actions').fill('ec2:DescribeRegion');
    await page.getByRole('button', { name: 'Check policies' }).click();

    const table = page.getByRole('table', { name: 'Verdict per action' });
    const describeRegions = table.getByRole('row').filter({ hasText: 'ec2:DescribeRegions' });
    await expect(describeRegions).toContainText('Explicit deny');
    await expect(describeRegions).toContainText('SCP scp');
    await expect(describeRegions).toContainText('DenyOutsideGovCloud');
    await expect(describeRegions).toContainText('aws:RequestedRegion is us-east-1');
    await expect(page.getByRole('list', { name: 'Lint' })).toContainText('the closest real action is ec2:DescribeRegions');

    await page.getByLabel('Region').fill('us-gov-west-1');
    await page.getByLabel('More actions').fill('');
    await page.getByRole('button', { name: 'Check policies' }).click();
    await expect(page.getByRole('status')).toHaveText('5 allowed, 0 denied.');
    await expect(table.getByRole('row').filter({ hasText: 's3:GetObject' })).toContainText('Allowed');

    await page.getByLabel('Region').fill('us-east-1');
    await page.getByRole('button', { name: 'Check policies' }).click();
    await expect(page.getByRole('status')).toHaveText('0 allowed, 5 denied.');
    await shootBothThemes(page, 'policy', 1400);
    expect(app.consoleErrors).toEqual([]);
  });
});
