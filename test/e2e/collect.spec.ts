import { runCollect } from '../integration/collect/harness';
import { shootBothThemes } from './a11y';
import { expect, test } from './harness';

test.describe('Doctor: ask the customer for a bundle', () => {
  test('generate the script, run it beside a broken delegate, drop the bundle: the right first finding with its evidence', async ({
    app,
  }) => {
    test.setTimeout(120_000);
    const { page } = app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    await app.open('doctor');

    await page.getByRole('button', { name: 'Ask the customer for a bundle' }).click();
    const form = page.getByRole('form', { name: 'Bundle script options' });
    await expect(form.getByLabel('Namespace')).toHaveValue('harness-delegate-ng');
    await form.getByLabel('Delegate name').fill('Harness Delegate');
    await expect(page.getByText('Delegate name must be a Kubernetes object name')).toBeVisible();
    await form.getByLabel('Delegate name').fill('harness-delegate');
    await form.getByLabel('Regions').fill('us-east-1');
    await form.getByLabel('Also check from inside the delegate pod (kubectl exec)').check();
    const script = page.getByTestId('collect-script');
    await expect(script).toContainText("DELEGATE='harness-delegate'\nEXEC='1'");
    await expect(page.getByTestId('collect-note')).toContainText('From inside the delegate pod it also reads the claims');

    await page
      .getByRole('region', { name: /^awb-collect\.sh/ })
      .getByRole('button', { name: 'Copy' })
      .click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^#!\/usr\/bin\/env bash\n# awb-collect\.sh: read-only diagnostics/);

    // The customer runs the copied script beside a delegate whose pod started before its service account got the role.
    const run = await runCollect({ script: copied, cluster: { injected: false, serviceAccountUpdatedAt: '2024-05-14T11:05:00Z' } });
    expect(run.code, run.stderr).toBe(0);

    const files = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'awb-bundle-20240514T110600Z.json', { type: 'application/json' }));
      return transfer;
    }, run.bundleText);
    await page.getByRole('region', { name: /^Inputs/ }).dispatchEvent('drop', { dataTransfer: files });
    await expect(page.getByTestId('input-kind')).toHaveText('awb collect bundle');
    const first = page.getByRole('group', { name: /^Finding 1:/ });
    await expect(first).toContainText('The service account has the IAM role, but the delegate pod has no AWS_ROLE_ARN');
    await expect(first).toContainText('irsa_misconfigured');
    await expect(first.locator('mark').first()).toHaveText('arn:aws:iam::111111111111:role/HarnessDelegateIrsa');
    await expect(first.getByRole('listitem').first()).toContainText(
      'kubectl rollout restart deployment/harness-delegate -n harness-delegate-ng',
    );

    await shootBothThemes(page, 'doctor-collect', 2000);
    expect(app.consoleErrors).toEqual([]);
  });
});
