import type { Locator, Page } from '@playwright/test';
import { harnessIssuerHost, harnessIssuerUrl } from '../../shared/oidc/harness';
import { ACCOUNTS, buildWorld, webIdentityToken, type EndpointConfig, type RoleSpec } from '../aws-endpoint';
import { sharedEndpoint } from '../helpers/aws-endpoint';
import { filesUnder, findCanaries } from '../integration/canary/leaks';
import { axeViolations } from './a11y';
import { expect, test } from './harness';
import { newConnector, next } from './wizard-keys';

/**
 * An OIDC connector through the wizard in Chromium: the fourth credential option with its help and
 * feature-flag note, session tag keys, the AWS-side generator (provider, trust policy, commands),
 * then Save and test with a pasted Harness token against the loopback endpoint, whose IAM knows the
 * Harness account's provider and a role trusting the organization `default`.
 */
const HARNESS_ACCOUNT = 'Hue1lBsaSx2APlXjzVEPIg';
const ISSUER = harnessIssuerHost(HARNESS_ACCOUNT);
const world = buildWorld();
const role: RoleSpec = {
  arn: `arn:aws:iam::${ACCOUNTS.main}:role/harness-oidc`,
  roleId: 'AROAHARNESSOIDCE2E001',
  allow: ['*'],
  trust: { webIdentity: { issuer: ISSUER, sub: `account/${HARNESS_ACCOUNT}:org/default:project/*`, aud: 'sts.amazonaws.com' } },
};
const config: EndpointConfig = {
  ...world.config,
  accounts: world.config.accounts.map((account) =>
    account.id === ACCOUNTS.main
      ? { ...account, oidcProviders: [{ url: harnessIssuerUrl(HARNESS_ACCOUNT), clientIds: ['sts.amazonaws.com'] }] }
      : account,
  ),
  roles: [...(world.config.roles ?? []), role],
};
const token = (exp: number) =>
  webIdentityToken({
    iss: harnessIssuerUrl(HARNESS_ACCOUNT),
    sub: `account/${HARNESS_ACCOUNT}:org/default:project/OIDC_Test`,
    aud: 'sts.amazonaws.com',
    exp,
  });
const signatureOf = (value: string) => value.split('.')[2] ?? '';

/** Both themes, each checked by axe, with `target` scrolled to the top or bottom (the view scrolls inside its main area). */
async function screenshots(
  page: Page,
  target: Locator,
  path: (name: string) => string,
  name: string,
  block: 'start' | 'end' = 'start',
): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
    expect({ scheme, violations: await axeViolations(page) }).toEqual({ scheme, violations: [] });
    await target.evaluate((element, where) => element.scrollIntoView({ block: where }), block);
    await page.screenshot({ path: path(`${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test.describe('OIDC connector wizard', () => {
  const endpoint = sharedEndpoint(test, config);

  test('creates an OIDC connector, generates its AWS setup, and tests it with a pasted token', async ({ app }, testInfo) => {
    const { page } = app;
    const shot = (target: Locator, name: string, block?: 'start' | 'end') =>
      screenshots(page, target, (file) => testInfo.outputPath(file), name, block);
    await app.open('connectors');
    await newConnector(app, 'Harness OIDC');

    const option = page.getByRole('radio', { name: 'Use OIDC', exact: true });
    await option.check();
    await expect(page.getByText('Feature-flagged in Harness (CDS_AWS_OIDC_AUTHENTICATION)')).toBeVisible();
    await expect(page.getByText(/Use OIDC appears only with the feature flag/)).toBeVisible();
    await page.getByRole('textbox', { name: 'IAM role ARN' }).fill(role.arn);
    const tags = page.getByRole('textbox', { name: 'Session tag keys (optional)' });
    await tags.fill('pipeline_id');
    await tags.press('Enter');
    await expect(page.getByRole('list', { name: 'session tag keys' })).toContainText('pipeline_id');
    await shot(page.getByRole('group', { name: 'How the connector gets AWS credentials' }), 'oidc-option');

    await page.getByText('Set up the AWS side').click();
    await expect(page.getByRole('textbox', { name: "AWS account ID (the role's)" })).toHaveValue(ACCOUNTS.main);
    await page.getByRole('textbox', { name: 'Harness account ID' }).fill(HARNESS_ACCOUNT);
    await page.getByRole('textbox', { name: 'Limit to organization (optional)' }).fill('default');
    const policy = page.locator('pre[aria-label="the trust policy"]');
    await expect(policy).toContainText(`"${ISSUER}:sub": "account/${HARNESS_ACCOUNT}:org/default:project/*"`);
    await expect(policy).toContainText('sts:TagSession');
    await expect(page.getByText(/PL_OIDC_ENHANCED_SUBJECT_FIELD/)).toBeVisible();
    await page.getByRole('tab', { name: 'AWS CLI commands' }).click();
    await expect(page.locator('pre[aria-label="the setup commands"]')).toContainText(
      '--thumbprint-list df3c24f9bfd666761b268073fe06d1cc8d4f82a4',
    );
    await page.getByRole('tab', { name: 'Trust policy' }).click();
    await shot(page.getByText('Set up the AWS side'), 'oidc-setup');

    await next(page);
    await next(page);
    await page.getByRole('button', { name: 'Save connector' }).click();
    await expect(page.getByRole('status').getByText('Saved', { exact: true })).toBeVisible();
    const saved = await app.context.ctx.connectors.get('Harness_OIDC');
    expect(saved.document.connector.spec.credential).toMatchObject({
      type: 'OidcAuthentication',
      spec: { iamRoleArn: role.arn, oidcSessionTagKeys: ['pipeline_id'] },
    });

    // An expired token: its claims say so before anything is sent, and AWS says so too.
    const before = endpoint.requests.length;
    const tokenField = page.getByLabel('Harness OIDC token', { exact: true });
    const expired = token(Math.floor(Date.now() / 1000) - 600);
    await tokenField.fill(expired);
    await expect(page.getByText(/The token expired 10 minutes ago/)).toBeVisible();
    expect(endpoint.requests).toHaveLength(before);

    const fresh = token(Math.floor(Date.now() / 1000) + 3600);
    await tokenField.fill(fresh);
    const claims = page.getByRole('region', { name: 'What the token says' });
    await expect(claims).toContainText(harnessIssuerUrl(HARNESS_ACCOUNT));
    await expect(claims).toContainText(`account/${HARNESS_ACCOUNT}:org/default:project/OIDC_Test`);
    await expect(claims).toContainText('sts.amazonaws.com');
    await expect(claims).toContainText('what the role’s trust policy asks for');
    expect(endpoint.requests).toHaveLength(before);
    await shot(claims, 'oidc-token-claims');

    await page.getByText('Advanced: custom endpoint URL').click();
    await page.getByRole('textbox', { name: 'Endpoint URL (optional)' }).fill(endpoint.url);
    await page.getByRole('button', { name: 'Test with this token' }).click();
    await expect(page.getByRole('status').getByText('Passed', { exact: true })).toBeVisible();
    for (const check of ['Credentials', 'STS identity', 'EC2 regions']) {
      await expect(page.getByRole('button', { name: `us-east-1 ${check}: Passed` })).toBeVisible();
    }
    await expect(page.locator('.identity')).toContainText(`arn:aws:sts::${ACCOUNTS.main}:assumed-role/harness-oidc/awb-oidc-`);
    expect(endpoint.requests.slice(before).map((r) => r.action)).toEqual([
      'AssumeRoleWithWebIdentity',
      'GetCallerIdentity',
      'DescribeRegions',
    ]);
    // Used once, then forgotten: the field is empty and the token is nowhere in the page.
    await expect(tokenField).toHaveValue('');
    expect(await page.content()).not.toContain(signatureOf(fresh));
    await shot(page.locator('.identity'), 'oidc-test-pass', 'end');

    await tokenField.fill(expired);
    await page.getByRole('button', { name: 'Test with this token' }).click();
    await expect(page.getByRole('status').getByText('Failed', { exact: true })).toBeVisible();
    const details = page.getByRole('region', { name: 'Check details' });
    await expect(details.getByTestId('error-class')).toHaveText('expired_credentials');
    await expect(details.getByTestId('error-fix')).toContainText('The Harness token expired');
    await shot(details, 'oidc-test-expired');

    const runs = app.context.ctx.history.list({ limit: 5 }).runs;
    expect(runs.map((run) => [run.connectorIdentifier, run.status])).toEqual([
      ['Harness_OIDC', 'failed'],
      ['Harness_OIDC', 'passed'],
    ]);
    const files = filesUnder(app.context.ctx.paths.userData).map(({ path, bytes }) => ({ where: path, bytes }));
    expect(findCanaries({ fresh: signatureOf(fresh), expired: signatureOf(expired) }, files)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
