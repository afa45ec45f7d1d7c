import { existsSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
// eslint-disable-next-line no-restricted-imports -- the issue asks to find the secret through keytar itself, not through the app's own store.
import keytar from 'keytar';
import { axeViolations } from './a11y';
import { expect, test, type AppFixture } from './harness';
import { SHAPES } from '../unit/connector/shapes';
import { newConnector, next, tabTo } from './wizard-keys';

const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYE2ECANARY1';

async function saveAndFinish(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Save and test' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save connector' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').getByText('Saved', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Test connection' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Finish' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Connectors' })).toBeVisible();
}

function databaseBytes(app: AppFixture): string {
  const file = app.context.ctx.paths.database;
  return [file, `${file}-wal`]
    .filter((path) => existsSync(path))
    .map((path) => readFileSync(path).toString('latin1'))
    .join('\n');
}

test.describe('connectors', () => {
  test('creates a connector of each seed type with the keyboard alone, with inline validation', async ({ app }) => {
    const { page } = app;
    await app.open('connectors');
    await expect(page.getByRole('heading', { name: 'No connectors yet' })).toBeVisible();

    // AWS Access Key, through the Harness Platform.
    await newConnector(app, 'AWS Prod');
    await expect(page.getByRole('radio', { name: 'AWS Access Key', exact: true })).toBeFocused();
    await next(page);
    await expect(page.getByText('Access Key is required.')).toBeVisible();
    await expect(page.getByText('Enter the secret key; it is stored in the OS keychain as AWS_Prod_secret_key.')).toBeVisible();
    const accessKey = page.getByRole('textbox', { name: 'Access key ID' });
    await expect(accessKey).toBeFocused();
    await expect(accessKey).toHaveAttribute('aria-invalid', 'true');
    await page.keyboard.type('AKIAIOSFODNN7EXAMPLE');
    await page.keyboard.press('Tab');
    await page.keyboard.type(SECRET_KEY);
    await expect(page.getByText('Access Key is required.')).toHaveCount(0);
    await next(page);
    await expect(page.getByRole('radio', { name: 'Through a Harness Delegate', exact: true })).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(page.getByRole('radio', { name: 'Through the Harness Platform', exact: true })).toBeChecked();
    await next(page);
    await saveAndFinish(page);

    // Use IRSA, cross-account into GovCloud, via a tagged delegate.
    await newConnector(app, 'EKS IRSA');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: 'Use IRSA', exact: true })).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('checkbox', { name: /cross-account access/ })).toBeFocused();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('arn:aws-us-gov:iam::222222222222:role/Deploy');
    await page.keyboard.press('Tab');
    await page.keyboard.type('abc123');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('combobox', { name: 'Test Region' })).toBeFocused();
    await page.keyboard.type('gov west');
    await expect(page.getByRole('option', { name: /us-gov-west-1/ })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('combobox', { name: 'Test Region' })).toHaveValue('us-gov-west-1 — AWS GovCloud (US-West)');
    await next(page);
    await expect(page.getByRole('radio', { name: 'Through the Harness Platform', exact: true })).toBeDisabled();
    await tabTo(page, page.getByRole('textbox', { name: 'Delegate tags' }));
    await page.keyboard.type('eks-irsa-delegate');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Remove delegate tag eks-irsa-delegate' })).toBeVisible();
    await next(page);
    await saveAndFinish(page);

    // Assume IAM Role on Delegate: the missing selector is refused in Harness's words.
    await newConnector(app, 'Delegate role');
    await page.keyboard.press('ArrowUp');
    await expect(page.getByRole('radio', { name: 'Assume IAM Role on Delegate', exact: true })).toBeChecked();
    await next(page);
    await next(page);
    await expect(page.getByText('Delegate Selector cannot be null for inherit from delegate credential type')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Delegate tags' })).toBeFocused();
    await page.keyboard.type('d1');
    await page.keyboard.press('Enter');
    await next(page);
    await saveAndFinish(page);

    const rows = page.getByRole('table', { name: 'Saved connectors' }).getByRole('row');
    await expect(rows).toHaveCount(4);
    await expect(page.getByRole('button', { name: 'AWS Prod', exact: true })).toBeVisible();
    await expect(page.getByRole('row', { name: /EKS IRSA/ })).toContainText('us-gov-west-1');
    await expect(page.getByRole('row', { name: /Delegate role/ })).toContainText('Delegate: d1');
    await page.getByRole('searchbox', { name: 'Search connectors' }).fill('irsa');
    await expect(rows).toHaveCount(2);

    // The secret key is in the OS keychain, and its bytes are nowhere in the database or its WAL.
    expect(await keytar.getPassword(app.context.keychainService, 'AWS_Prod_secret_key')).toBe(SECRET_KEY);
    expect(databaseBytes(app)).toContain('AWS_Prod_secret_key');
    expect(databaseBytes(app)).not.toContain(SECRET_KEY);
    const saved = await app.context.ctx.connectors.get('EKS_IRSA');
    expect(saved.document.connector.spec).toEqual({
      credential: {
        type: 'Irsa',
        spec: null,
        crossAccountAccess: { crossAccountRoleArn: 'arn:aws-us-gov:iam::222222222222:role/Deploy', externalId: 'abc123' },
        region: 'us-gov-west-1',
      },
      delegateSelectors: ['eks-irsa-delegate'],
      executeOnDelegate: true,
    });
    expect(app.consoleErrors).toEqual([]);
  });

  test('edits, clones and deletes, offering to remove keychain entries', async ({ app }) => {
    const { page } = app;
    const { connectors, secrets } = app.context.ctx;
    await connectors.save({
      document: {
        connector: {
          name: 'AWS Prod',
          identifier: 'AWS_Prod',
          type: 'Aws',
          spec: {
            credential: {
              type: 'ManualConfig',
              spec: { accessKey: 'AKIAIOSFODNN7EXAMPLE', secretKeyRef: 'AWS_Prod_secret_key' },
              region: 'eu-west-1',
            },
            executeOnDelegate: false,
          },
        },
      },
      secrets: [{ ref: 'AWS_Prod_secret_key', value: SECRET_KEY }],
    });
    await app.open('connectors');

    await page.getByRole('button', { name: 'Edit AWS Prod' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Edit AWS Prod' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Id' })).toHaveAttribute('readonly', '');
    await page.getByRole('textbox', { name: 'Description' }).fill('Main EU account');
    await page.getByRole('button', { name: 'Save and test' }).click();
    await page.getByRole('button', { name: 'Save connector' }).click();
    await expect(page.getByText(/Secrets in the keychain: AWS_Prod_secret_key \(stored\)/)).toBeVisible();
    await page.getByRole('button', { name: 'Finish' }).click();
    expect((await connectors.get('AWS_Prod')).document.connector.description).toBe('Main EU account');

    await page.getByRole('button', { name: 'Clone AWS Prod' }).click();
    await expect(page.getByRole('button', { name: 'AWS Prod copy', exact: true })).toBeVisible();
    await expect(page.getByText('Cloned as AWS Prod copy (AWS_Prod_copy).', { exact: true })).toBeVisible();

    // The copy shares the secret with the original, so deleting it offers no keychain removal.
    await page.getByRole('button', { name: 'Delete AWS Prod copy' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete AWS Prod copy?' });
    await expect(
      dialog.getByText(/Kept in the keychain because other connectors use them: AWS_Prod_secret_key \(AWS_Prod\)/),
    ).toBeVisible();
    await expect(dialog.getByRole('checkbox')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Delete connector' }).click();
    await expect(page.getByRole('button', { name: 'AWS Prod copy', exact: true })).toHaveCount(0);
    expect(await keytar.getPassword(app.context.keychainService, 'AWS_Prod_secret_key')).toBe(SECRET_KEY);

    await page.getByRole('button', { name: 'Delete AWS Prod' }).click();
    const last = page.getByRole('dialog', { name: 'Delete AWS Prod?' });
    await expect(last.getByRole('checkbox', { name: /Also delete its secrets from the keychain: AWS_Prod_secret_key/ })).toBeChecked();
    expect(await axeViolations(page)).toEqual([]);
    await last.getByRole('button', { name: 'Delete connector' }).click();
    await expect(page.getByText('Deleted AWS_Prod. Removed from the keychain: AWS_Prod_secret_key.', { exact: true })).toBeVisible();
    expect(await keytar.getPassword(app.context.keychainService, 'AWS_Prod_secret_key')).toBeNull();
    expect(await secrets.has('AWS_Prod_secret_key')).toBe(false);
  });

  test('imports a YAML file into the wizard, exactly, and shows where a broken one is wrong', async ({ app }, testInfo) => {
    const { page } = app;
    await app.open('connectors');
    const good = testInfo.outputPath('irsa.yaml');
    const bad = testInfo.outputPath('bad.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(good, SHAPES['IRSA + cross-account']!);
    writeFileSync(bad, SHAPES.OIDC!.replace('type: OidcAuthentication', 'type: AccessKey'));

    await page.getByRole('button', { name: 'Import YAML…' }).click();
    await page.getByLabel('Choose a file').setInputFiles(bad);
    await expect(page.getByRole('alert')).toContainText('bad.yaml cannot be imported');
    await expect(page.getByRole('alert')).toContainText(
      'line 7, column 7 · connector.spec.credential.type: Credential type is not one of the accepted values',
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('connector-import-error.png') });
    await page.getByLabel('Choose a file').setInputFiles(good);
    await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('eks irsa');
    await expect(page.getByRole('textbox', { name: 'Id' })).toHaveValue('eks_irsa');
    expect(await page.getByRole('region', { name: 'YAML preview' }).locator('pre').innerText()).toBe(
      SHAPES['IRSA + cross-account']!.trimEnd(),
    );
    await page.getByRole('button', { name: 'Credentials' }).click();
    await expect(page.getByRole('radio', { name: 'Use IRSA', exact: true })).toBeChecked();
    await expect(page.getByRole('textbox', { name: 'Cross account role ARN' })).toHaveValue('arn:aws:iam::222222222222:role/Deploy');
    await expect(page.getByRole('combobox', { name: 'Test Region' })).toHaveValue('us-east-1 — US East (N. Virginia)');

    // A pasted file keeps its comments in the export, also after an edit.
    await page.getByRole('button', { name: 'Import YAML…' }).click();
    await page.getByRole('textbox', { name: 'Or paste it here' }).fill(`# from the customer\n${SHAPES.OIDC!}`);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('oidc');
    await page.getByRole('textbox', { name: 'Description' }).fill('OIDC role');
    const preview = await page.getByRole('region', { name: 'YAML preview' }).locator('pre').innerText();
    expect(preview.startsWith('# from the customer\nconnector:\n  name: oidc\n')).toBe(true);
    expect(preview.trimEnd().endsWith('description: OIDC role')).toBe(true);
  });

  test('every wizard step is axe clean and looks finished, light and dark', async ({ app }, testInfo) => {
    const { page } = app;
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await app.open('connectors');
      // The light pass left the page on the list with its connector; a reload starts the dark pass clean.
      await page.reload();
      await expect(page.getByRole('heading', { name: 'No connectors yet' })).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'New connector' }).first().click();
      await page.getByRole('textbox', { name: 'Name' }).fill('AWS Prod EU');
      await page.getByRole('textbox', { name: 'Description' }).fill('Payments production account');
      await page.getByRole('textbox', { name: 'Tags' }).fill('team:payments');
      await page.keyboard.press('Enter');
      await page.getByRole('textbox', { name: 'Tags' }).fill('prod');
      await page.keyboard.press('Enter');
      const shots: Array<[string, () => Promise<void>]> = [
        ['overview', async () => undefined],
        [
          'credentials',
          async () => {
            await page.getByRole('button', { name: 'Next' }).click();
            await page.getByRole('textbox', { name: 'Access key ID' }).fill('AKIAIOSFODNN7EXAMPLE');
            await page.locator('#connector-secretKey').fill(SECRET_KEY);
            await page.getByRole('checkbox', { name: /cross-account access/ }).check();
            await page.getByRole('textbox', { name: 'Cross account role ARN' }).fill('arn:aws-us-gov:iam::222222222222:role/Deploy');
            await page.getByRole('combobox', { name: 'Test Region' }).click();
            await page.keyboard.type('eu');
          },
        ],
        ['connectivity', async () => void (await page.getByRole('button', { name: 'Next' }).click())],
        [
          'save',
          async () => {
            await page.getByRole('button', { name: 'Next' }).click();
            await page.getByRole('button', { name: 'Save connector' }).click();
            await page.getByRole('button', { name: 'Test connection' }).click();
            await expect(page.getByRole('button', { name: 'Test again' })).toBeVisible({ timeout: 45_000 });
          },
        ],
      ];
      for (const [step, act] of shots) {
        await act();
        expect({ scheme, step, violations: await axeViolations(page) }).toEqual({ scheme, step, violations: [] });
        await page.screenshot({ path: testInfo.outputPath(`connector-${step}-${scheme}.png`) });
        if (step === 'credentials') {
          // The open region list is its own picture; then pick Ireland and see the partition warning.
          await page.keyboard.press('ArrowDown');
          await page.keyboard.press('Enter');
          await expect(page.getByText(/The Test Region eu-central-2 is in aws, but the cross-account role is in aws-us-gov/)).toBeVisible();
          await page.getByRole('textbox', { name: 'Cross account role ARN' }).fill('arn:aws:iam::222222222222:role/Deploy');
        }
      }
      await page.getByRole('button', { name: 'Finish' }).click();
      await expect(page.getByRole('table', { name: 'Saved connectors' })).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`connector-list-${scheme}.png`) });
      await app.context.ctx.connectors.delete('AWS_Prod_EU', true);
    }
    expect(app.consoleErrors).toEqual([]);
  });

  test('Save and test runs the connection test only when asked, shown as in the Test view', async ({ app }) => {
    const { page } = app;
    await app.open('connectors');
    await newConnector(app, 'Offline');
    await next(page);
    await page.getByRole('textbox', { name: 'Access key ID' }).fill('AKIAIOSFODNN7EXAMPLE');
    await page.locator('#connector-secretKey').fill(SECRET_KEY);
    await next(page);
    await next(page);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').getByText('Saved', { exact: true })).toBeVisible();
    // Saving called nothing on AWS: the history is still empty.
    expect(app.context.ctx.history.list({ limit: 5 }).total).toBe(0);
    await page.getByRole('button', { name: 'Test connection' }).click();
    // Whatever the network says, the run ends with a result and is recorded; it never shows the secret.
    await expect(page.getByRole('button', { name: 'Test again' })).toBeVisible({ timeout: 45_000 });
    await expect.poll(() => app.context.ctx.history.list({ limit: 5 }).total).toBe(1);
    expect(await page.content()).not.toContain(SECRET_KEY);
  });
});

test.describe('leaving the wizard', () => {
  test('closing over typed work asks first: Escape or Keep editing keep it, Discard leaves', async ({ app }) => {
    const { page } = app;
    await app.open('connectors');

    // Nothing typed, nothing to lose: Close just closes.
    await page.getByRole('button', { name: 'New connector' }).first().click();
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('heading', { name: 'No connectors yet' })).toBeVisible();

    await newConnector(app, 'Scratch');
    await page.getByRole('textbox', { name: 'Access key ID' }).fill('AKIAIOSFODNN7EXAMPLE');
    await page.locator('#connector-secretKey').fill(SECRET_KEY);
    const close = page.getByRole('button', { name: 'Close' });
    const dialog = page.getByRole('dialog', { name: 'Discard changes to Scratch?' });

    await close.click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Keep editing' })).toBeFocused();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Access key ID' })).toHaveValue('AKIAIOSFODNN7EXAMPLE');
    await expect(page.locator('#connector-secretKey')).toHaveValue(SECRET_KEY);

    // Enter on the focused default keeps editing too.
    await close.click();
    await expect(dialog.getByRole('button', { name: 'Keep editing' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Access key ID' })).toHaveValue('AKIAIOSFODNN7EXAMPLE');

    // Another view and back: the wizard is still open where it was, with what was typed.
    await page.keyboard.press('Control+2');
    await expect(page.getByRole('heading', { level: 1, name: 'Test' })).toBeVisible();
    await page.keyboard.press('Control+1');
    await expect(page.getByRole('textbox', { name: 'Access key ID' })).toHaveValue('AKIAIOSFODNN7EXAMPLE');
    await expect(page.locator('#connector-secretKey')).toHaveValue(SECRET_KEY);

    await close.click();
    await dialog.getByRole('button', { name: 'Discard' }).click();
    await expect(page.getByRole('heading', { name: 'No connectors yet' })).toBeVisible();
    expect(app.context.ctx.connectors.list()).toHaveLength(0);
    expect(await keytar.getPassword(app.context.keychainService, 'Scratch_secret_key')).toBeNull();
    expect(app.consoleErrors).toEqual([]);
  });

  test('an edit asks only once the saved connector was changed', async ({ app }) => {
    const { page } = app;
    await app.context.ctx.connectors.save({
      document: {
        connector: {
          name: 'AWS Prod',
          identifier: 'AWS_Prod',
          type: 'Aws',
          spec: {
            credential: {
              type: 'ManualConfig',
              spec: { accessKey: 'AKIAIOSFODNN7EXAMPLE', secretKeyRef: 'AWS_Prod_secret_key' },
              region: 'eu-west-1',
            },
            executeOnDelegate: false,
          },
        },
      },
      secrets: [{ ref: 'AWS_Prod_secret_key', value: SECRET_KEY }],
    });
    await app.open('connectors');
    await page.getByRole('button', { name: 'Edit AWS Prod' }).click();
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('table', { name: 'Saved connectors' })).toBeVisible();

    await page.getByRole('button', { name: 'Edit AWS Prod' }).click();
    await page.getByRole('textbox', { name: 'Description' }).fill('Main EU account');
    await page.getByRole('button', { name: 'Close' }).click();
    const dialog = page.getByRole('dialog', { name: 'Discard changes to AWS Prod?' });
    await dialog.getByRole('button', { name: 'Keep editing' }).click();
    await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue('Main EU account');
    await page.getByRole('button', { name: 'Close' }).click();
    await dialog.getByRole('button', { name: 'Discard' }).click();
    await expect(page.getByRole('table', { name: 'Saved connectors' })).toBeVisible();
    expect((await app.context.ctx.connectors.get('AWS_Prod')).document.connector.description).toBeUndefined();
  });
});

test.describe('moving through the wizard', () => {
  test('Back and Next keep every value typed; the secret key stays hidden until Show is pressed', async ({ app }) => {
    const { page } = app;
    await app.open('connectors');
    await newConnector(app, 'Round trip');
    const accessKey = page.getByRole('textbox', { name: 'Access key ID' });
    const secret = page.locator('#connector-secretKey');
    await accessKey.fill('AKIAIOSFODNN7EXAMPLE');
    await secret.fill(SECRET_KEY);
    await expect(secret).toHaveAttribute('type', 'password');
    await page.getByRole('button', { name: 'Show secret' }).click();
    await expect(secret).toHaveAttribute('type', 'text');
    await expect(page.getByRole('button', { name: 'Hide secret' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Hide secret' }).click();
    await expect(secret).toHaveAttribute('type', 'password');

    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('radio', { name: 'Through the Harness Platform', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(accessKey).toHaveValue('AKIAIOSFODNN7EXAMPLE');
    await expect(secret).toHaveValue(SECRET_KEY);
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('Round trip');
    await expect(page.getByRole('textbox', { name: 'Id' })).toHaveValue('Round_trip');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(accessKey).toHaveValue('AKIAIOSFODNN7EXAMPLE');
    await expect(secret).toHaveValue(SECRET_KEY);
    expect(app.consoleErrors).toEqual([]);
  });
});
