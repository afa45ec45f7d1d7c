import { shootBothThemes } from './a11y';
import { expect, test } from './harness';

const delegateLog = `2024-05-14 10:22:31,114 [delegate-task-3] ERROR io.harness.delegate.task.aws.AwsValidationHandler - AWS connector test failed
Hint: Please ensure that the AWS credentials are correct.
Explanation: The security token included in the request is invalid. (Service: AWSSecurityTokenService; Status Code: 403; Error Code: InvalidClientTokenId; Request ID: 0b5c1e2e-7a0c-4bb1-9e2b-6f1d5b7d9a11)
	at com.amazonaws.http.AmazonHttpClient$RequestExecutor.handleErrorResponse(AmazonHttpClient.java:1879)`;

const connectorYaml = `connector:
  name: aws gov
  identifier: aws_gov
  type: Aws
  spec:
    credential:
      type: ManualConfig
      spec:
        accessKey: AKIAY34FZKBOKMUTVV7A
        secretKeyRef: account.aws_secret
      crossAccountAccess:
        crossAccountRoleArn: arn:aws-us-gov:iam::123456789012:role/Deploy
    delegateSelectors:
      - gov-delegate
    executeOnDelegate: true
`;

test.describe('Doctor', () => {
  test('a delegate log and a connector YAML: kinds detected, the partition mismatch first, evidence highlighted', async ({ app }) => {
    const { page } = app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    await app.open('doctor');
    await expect(page.getByRole('heading', { level: 1, name: 'Doctor' })).toBeVisible();

    await page.getByLabel('Paste 1').fill(delegateLog);
    await page.getByRole('button', { name: 'Add input' }).click();
    await page.getByLabel('Paste 2').fill(connectorYaml);

    await expect(page.getByTestId('input-kind')).toHaveText(['Log excerpt or stack trace', 'Harness connector YAML']);
    const first = page.getByRole('group', { name: /^Finding 1:/ });
    await expect(first).toContainText('Credentials and endpoint are in different AWS partitions');
    await expect(first).toContainText('partition_mismatch');
    await expect(first.locator('mark').first()).toHaveText('InvalidClientTokenId');
    await expect(first.locator('mark').filter({ hasText: 'arn:aws-us-gov:iam::123456789012:role/Deploy' })).toHaveCount(1);
    await expect(first.getByRole('listitem').first()).toContainText('Test Region');

    // The evidence is selected in the customer's own text.
    await first.getByRole('button', { name: 'Show in input' }).first().click();
    const selected = await page
      .getByRole('textbox', { name: 'Paste 1' })
      .evaluate((area: HTMLTextAreaElement) => area.value.slice(area.selectionStart, area.selectionEnd));
    expect(selected).toBe('InvalidClientTokenId');

    await first.getByRole('button', { name: 'Copy' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^1\. GovCloud/);

    // The key's account is decoded offline and shown last, as information.
    await expect(page.getByRole('group', { name: /Access key AKIA…VV7A: long-term, account 609629065308/ })).toBeVisible();

    await shootBothThemes(page, 'doctor', 1500);
    expect(app.consoleErrors).toEqual([]);
  });

  test('files dropped on the inputs are read as inputs of their own', async ({ app }) => {
    const { page } = app;
    await app.open('doctor');
    const files = await page.evaluateHandle(
      ({ log, yaml }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([log], 'delegate.log', { type: 'text/plain' }));
        transfer.items.add(new File([yaml], 'aws-gov.yaml', { type: 'application/yaml' }));
        return transfer;
      },
      { log: delegateLog, yaml: connectorYaml },
    );
    await page.getByRole('region', { name: /^Inputs/ }).dispatchEvent('drop', { dataTransfer: files });
    await expect(page.getByTestId('input-kind')).toHaveText(['Log excerpt or stack trace', 'Harness connector YAML']);
    await expect(page.getByRole('group', { name: /^Finding 1:/ })).toContainText('partition_mismatch');
    expect(app.consoleErrors).toEqual([]);
  });

  test('binary junk and an empty paste get a clear word, not a crash', async ({ app }) => {
    const { page } = app;
    await app.open('doctor');
    await page.getByLabel('Paste 1').fill('\u0001\u0002\u0003\u0004PK\u0005\u0006'.repeat(50));
    await expect(page.getByTestId('input-kind')).toHaveText('Binary data, not text: paste the error text, log, YAML or JSON instead.');
    await expect(page.getByRole('group', { name: /is binary data, not text/ })).toBeVisible();
    expect(app.consoleErrors).toEqual([]);
  });
});
