import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DelegateFormInput } from '../../shared/delegate/form';
import { tempDir } from '../helpers/temp-dir';
import { shootBothThemes } from './a11y';
import { expect, test } from './harness';

const fixtureText = readFileSync(join(import.meta.dirname, '../fixtures/delegate/harness-delegate.yaml'), 'utf8');
const ROLE = 'arn:aws:iam::123456789012:role/harness-delegate';
const ISSUER = 'https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
const SA = 'harness-delegate-irsa';

/** A pasted manifest with canary tokens where Harness puts the real ones (base64, as Harness writes them). */
const TOKEN = Buffer.from('canary-delegate-token-e2e-71c4a9').toString('base64');
const UPGRADER = Buffer.from('canary-upgrader-token-e2e-0d5b3f').toString('base64');
const CANARIES = [TOKEN, UPGRADER, 'canary-delegate-token-e2e-71c4a9', 'canary-upgrader-token-e2e-0d5b3f'];
const manifest = fixtureText
  .replace('  DELEGATE_TOKEN: "PUT_YOUR_DELEGATE_TOKEN"', `  DELEGATE_TOKEN: "${TOKEN}"`)
  .replace('  UPGRADER_TOKEN: "PUT_YOUR_DELEGATE_TOKEN"', `  UPGRADER_TOKEN: "${UPGRADER}"`);

/** What `awb delegate irsa --out` writes for the pasted manifest: the Save button must give the same bytes. */
function cliOutput(): string {
  const dir = tempDir('awb-delegate-e2e-');
  try {
    const input = join(dir.path, 'harness-delegate.yaml');
    const out = join(dir.path, 'harness-delegate.irsa.yaml');
    writeFileSync(input, manifest);
    const cli = spawnSync(
      process.execPath,
      [
        'electron/cli/awb.mjs',
        'delegate',
        'irsa',
        '--in',
        input,
        '--service-account',
        SA,
        '--role-arn',
        ROLE,
        '--oidc-issuer',
        ISSUER,
        '--out',
        out,
      ],
      {
        cwd: join(import.meta.dirname, '../..'),
        encoding: 'utf8',
      },
    );
    if (cli.status !== 0) throw new Error(`awb delegate irsa exited ${cli.status}: ${cli.stderr}`);
    return readFileSync(out, 'utf8');
  } finally {
    dir.remove();
  }
}

interface RecordingWindow {
  __awbInvoke(channel: string, args: unknown): Promise<unknown>;
  __awbResults: Array<{ channel: string; json: string }>;
}

test.describe('Delegate YAML workbench', () => {
  test('paste the Harness manifest, fill the form, see the diff, problems and policies, save and copy', async ({ app }) => {
    const { page } = app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    await app.open('delegate');
    await expect(page.getByRole('heading', { level: 1, name: 'Delegate YAML' })).toBeVisible();
    // Keep a copy of every answer the window gets from the main process from here on.
    await page.evaluate(() => {
      const w = window as unknown as RecordingWindow;
      const invoke = w.__awbInvoke.bind(w);
      w.__awbResults = [];
      w.__awbInvoke = async (channel, args) => {
        const result = await invoke(channel, args);
        w.__awbResults.push({ channel, json: JSON.stringify(result) });
        return result;
      };
    });

    await page.getByLabel('Delegate manifest YAML').fill(manifest);
    await expect(page.getByLabel('What the manifest contains')).toContainText(
      'Deployment PUT_YOUR_DELEGATE_NAME in harness-delegate-ng, runs as default',
    );
    await expect(page.getByLabel('What the manifest contains')).toContainText('harness-delegate-cluster-admin');

    await page.getByRole('textbox', { name: 'Service account', exact: true }).fill(SA);
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
    // The tokens are filled in, so their placeholder warning is gone; the other four remain.
    await expect(page.getByRole('region', { name: 'Validation' })).toContainText('0 errors, 4 warnings');
    await expect(page.getByRole('region', { name: 'Validation' })).toContainText(
      'PUT_YOUR_ACCOUNT_ID is still a placeholder (lines 110, 223).',
    );
    await expect(page.getByRole('region', { name: 'Validation' })).not.toContainText('PUT_YOUR_DELEGATE_TOKEN');

    await expect(page.getByTestId('artifact-text')).toContainText(
      '"Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"',
    );
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

    // Save the patched manifest: the window patched it itself, and it is exactly what the CLI writes.
    const expected = cliOutput();
    expect(expected).toContain(TOKEN);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save harness-delegate.irsa.yaml' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('harness-delegate.irsa.yaml');
    expect(readFileSync((await download.path()) as string, 'utf8')).toBe(expected);

    await page.getByRole('button', { name: 'Copy', exact: true }).first().click();
    await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

    // The tokens reached the window only because they were pasted: no answer from the main process held them.
    const direct = await page.evaluate(
      async ([text, form]) => [
        await window.api.delegate.analyze({ manifest: text }),
        await window.api.delegate.irsa({ manifest: text, form }),
        await window.api.delegate.generate({ form }),
      ],
      [manifest, { serviceAccount: SA, roleArn: ROLE, oidcIssuer: ISSUER, clusterName: 'prod-eks', useCases: ['s3-read'] }] as [
        string,
        DelegateFormInput,
      ],
    );
    expect(direct.every((result) => result.ok)).toBe(true);
    const recorded = await page.evaluate(() => (window as unknown as RecordingWindow).__awbResults);
    const delegateAnswers = [
      ...direct.map((result) => JSON.stringify(result)),
      ...recorded.filter((r) => r.channel.startsWith('delegate.')).map((r) => r.json),
    ];
    expect(recorded.filter((r) => r.channel === 'delegate.irsa').length).toBeGreaterThan(0);
    for (const json of delegateAnswers) {
      for (const canary of CANARIES) expect(json).not.toContain(canary);
    }

    await page.getByRole('tab', { name: 'Trust policy' }).click();
    await shootBothThemes(page, 'delegate', 2300);
    expect(app.consoleErrors).toEqual([]);
  });

  test('generate the EKS Pod Identity setup: manifest, trust policy, association, checks, connector type, migration', async ({ app }) => {
    const { page } = app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    await app.open('delegate');
    await page.getByLabel('Delegate manifest YAML').fill(manifest);
    await page.getByRole('radio', { name: 'EKS Pod Identity' }).check();
    await expect(page.getByRole('heading', { level: 2, name: 'Pod Identity settings' })).toBeVisible();
    // IRSA's fields are gone: Pod Identity needs no OIDC provider and no annotation.
    await expect(page.getByLabel('OIDC issuer URL')).toHaveCount(0);
    await expect(page.getByText('sts-regional-endpoints')).toHaveCount(0);

    const GOV_ROLE = 'arn:aws-us-gov:iam::123456789012:role/harness-delegate';
    await page.getByRole('textbox', { name: 'Service account', exact: true }).fill(SA);
    await page.getByRole('textbox', { name: 'Role ARN' }).fill(GOV_ROLE);
    await page.getByRole('textbox', { name: 'Region', exact: true }).fill('us-gov-west-1');
    await page.getByLabel('Cluster name').fill('prod-eks');

    await expect(page.getByRole('heading', { level: 2, name: 'Pod Identity-ready manifest' })).toBeVisible();
    const changes = page.getByRole('list', { name: 'Changes' });
    await expect(changes).toContainText('Added ServiceAccount harness-delegate-ng/harness-delegate-irsa.');
    await expect(changes).toContainText('Set serviceAccountName: harness-delegate-irsa in Deployment PUT_YOUR_DELEGATE_NAME.');
    const diff = page.getByRole('region', { name: 'Side-by-side diff of the manifest' });
    await expect(diff).not.toContainText('eks.amazonaws.com/role-arn');
    await expect(page.getByRole('region', { name: 'Validation' })).toContainText('0 errors');

    const artifact = page.getByTestId('artifact-text');
    await expect(artifact).toContainText('"Service": "pods.eks.amazonaws.com"');
    await expect(artifact).toContainText('"sts:TagSession"');
    await expect(artifact).toContainText('"aws:RequestTag/kubernetes-service-account": "harness-delegate-irsa"');
    await page.getByRole('tab', { name: 'Association' }).click();
    await expect(artifact).toContainText('aws eks create-pod-identity-association');
    await expect(artifact).toContainText(`--role-arn ${GOV_ROLE}`);
    await expect(artifact).toContainText('eksctl create podidentityassociation --cluster prod-eks');
    await expect(artifact).toContainText('kubectl rollout restart deployment/PUT_YOUR_DELEGATE_NAME -n harness-delegate-ng');
    await page.getByRole('tab', { name: 'Helm values' }).click();
    await expect(artifact).toContainText('No annotation: the Pod Identity association maps this service account to the role.');
    await expect(artifact).not.toContainText('role-arn');
    await page.getByRole('tab', { name: 'Checks' }).click();
    await expect(artifact).toContainText('kubectl get daemonset eks-pod-identity-agent -n kube-system');
    await expect(artifact).toContainText('Pod Identity does not work on Fargate');
    await expect(artifact).toContainText('AWS SDK for Java is 1.12.746 or later');
    await expect(artifact).toContainText('arn:aws-us-gov:sts::123456789012:assumed-role/harness-delegate/');

    const connector = page.getByRole('region', { name: 'Connector credential type' });
    await expect(connector).toContainText('Assume IAM Role on Delegate');
    await expect(connector).toContainText('InheritFromDelegate');
    await expect(connector).toContainText('Use IRSA cannot work');

    const migration = page.getByRole('list', { name: 'Migration steps' });
    await expect(migration.getByRole('listitem')).toHaveCount(7);
    await expect(migration.getByRole('heading', { level: 4 })).toHaveText([
      'Check that the delegate can use Pod Identity',
      'Install the EKS Pod Identity Agent add-on',
      'Let the role trust EKS Pod Identity as well',
      'Create the association, right before the restart',
      'Restart the delegate and check its pods',
      'Switch the connectors to Assume IAM Role on Delegate',
      'Clean up once every connector passes',
    ]);
    await expect(page.getByRole('list', { name: 'Rollback steps' }).getByRole('listitem')).toHaveCount(2);
    const step4 = page.getByLabel('Migration steps, step 4', { exact: true });
    await expect(step4).toContainText('aws eks create-pod-identity-association');
    await migration.getByRole('listitem').nth(3).getByRole('button', { name: 'Copy' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('--region us-gov-west-1');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save harness-delegate.pod-identity.yaml' }).click(),
    ]);
    const saved = readFileSync((await download.path()) as string, 'utf8');
    expect(saved).toContain(`kind: ServiceAccount\nmetadata:\n  name: ${SA}\n  namespace: harness-delegate-ng\n`);
    expect(saved).not.toContain('eks.amazonaws.com/role-arn');

    await page.getByRole('tab', { name: 'Association' }).click();
    await shootBothThemes(page, 'delegate-pod-identity', 4700);
    expect(app.consoleErrors).toEqual([]);
  });

  test('open a file; a role from another partition than the cluster is an error with its line', async ({ app }) => {
    const { page } = app;
    await app.open('delegate');
    // Opened from a file this time (the hidden input behind "Open file…"), not pasted.
    await page.locator('input[type="file"]').setInputFiles(join(import.meta.dirname, '../fixtures/delegate/harness-delegate.yaml'));
    await expect(page.getByLabel('Delegate manifest YAML')).toHaveValue(fixtureText);
    await page.getByRole('textbox', { name: 'Service account', exact: true }).fill('harness-delegate-irsa');
    await page.getByRole('textbox', { name: 'Role ARN' }).fill(ROLE);
    await page.getByRole('textbox', { name: 'Region', exact: true }).fill('us-gov-west-1');
    const validation = page.getByRole('region', { name: 'Validation' });
    await expect(validation).toContainText('1 error, 5 warnings');
    await expect(validation.getByRole('listitem').first()).toContainText('line 14');
    await expect(validation.getByRole('listitem').first()).toContainText(
      'The role ARN is in partition "aws" but the cluster\'s region us-gov-west-1 is in "aws-us-gov".',
    );
    await page.getByRole('radio', { name: 'Enter account ID and role name' }).check();
    await page.getByLabel('AWS account ID').fill('123456789012');
    await page.getByRole('textbox', { name: 'Role name', exact: true }).fill('harness-delegate');
    await expect(validation).toContainText('0 errors, 5 warnings');
    await expect(page.getByRole('region', { name: 'Side-by-side diff of the manifest' })).toContainText(
      'arn:aws-us-gov:iam::123456789012:role/harness-delegate',
    );
  });
});
