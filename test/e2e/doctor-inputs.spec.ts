import { readFileSync } from 'node:fs';
import { axeViolations, shootBothThemes } from './a11y';
import { expect, test } from './harness';

/** Published examples (test/fixtures/doctor/inputs/SOURCES.md): a refused IRSA call in CloudTrail and the delegate pod. */
const fixture = (name: string) => readFileSync(new URL(`../fixtures/doctor/inputs/${name}`, import.meta.url), 'utf8');
const cloudTrail = fixture('cloudtrail-web-identity-denied.json');
const describePod = fixture('describe-pod-irsa.txt');

test.describe('Doctor with a CloudTrail event and a kubectl describe pod', () => {
  test('both kinds detected; the trust denial first, its evidence highlighted in both inputs; keyboard only', async ({ app }) => {
    const { page } = app;
    await app.open('doctor');
    await expect(page.getByRole('heading', { level: 1, name: 'Doctor' })).toBeVisible();

    await page.getByLabel('Paste 1').focus();
    await page.keyboard.insertText(cloudTrail);
    await page.getByRole('button', { name: 'Add input' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Paste 2').focus();
    await page.keyboard.insertText(describePod);

    await expect(page.getByTestId('input-kind')).toHaveText([
      'CloudTrail event records',
      'Kubernetes pod (kubectl describe pod, or get pod -o yaml/json)',
    ]);
    const first = page.getByRole('group', { name: /^Finding 1:/ });
    await expect(first).toContainText('web_identity_trust_denied');
    await expect(first).toContainText('runs as system:serviceaccount:harness-delegate-ng:default');

    // Evidence from each input, each excerpt naming its input, the exact text marked.
    const inCloudTrail = first.getByLabel('Evidence in Paste 1');
    const inPod = first.getByLabel('Evidence in Paste 2');
    await expect(inCloudTrail.locator('mark').filter({ hasText: /^"errorCode": "AccessDenied"$/ })).toHaveCount(1);
    await expect(inPod.locator('mark').filter({ hasText: /^AWS_ROLE_ARN$/ })).toHaveCount(1);
    await expect(inPod.locator('mark').filter({ hasText: /^default$/ })).toHaveCount(1);

    // "Show in input" by keyboard selects the evidence in the customer's own pod text.
    const podEvidence = first
      .locator('.evidence')
      .filter({ has: page.getByLabel('Evidence in Paste 2') })
      .last();
    await podEvidence.getByRole('button', { name: 'Show in input' }).focus();
    await page.keyboard.press('Enter');
    const selected = await page
      .getByRole('textbox', { name: 'Paste 2' })
      .evaluate((area: HTMLTextAreaElement) => area.value.slice(area.selectionStart, area.selectionEnd));
    expect(selected).toBe('AWS_ROLE_ARN');
    await expect(page.getByRole('textbox', { name: 'Paste 2' })).toBeFocused();

    expect(await axeViolations(page)).toEqual([]);
    await shootBothThemes(page, 'doctor-inputs', 1700);
    expect(app.consoleErrors).toEqual([]);
  });
});
