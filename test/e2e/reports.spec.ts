import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestConnector } from '../../shared/aws-test/input';
import { createReport, NO_MASKS } from '../../shared/report/build';
import { axeViolations, shootBothThemes } from './a11y';
import { expect, test, type AppFixture } from './harness';
import { doctorResult, runDetail, sweepResult } from '../unit/report/fixtures';
import { hostileReport } from '../unit/report/hostile';

/** A 36-region sweep recorded in the app's history, as the test service records one. */
function recordSweep(app: AppFixture): string {
  const detail = runDetail(sweepResult());
  app.context.ctx.history.record({
    result: detail.result,
    connector: detail.connector as TestConnector,
    options: detail.options,
    appVersion: detail.appVersion,
  });
  return detail.result.runId;
}

/** What the folder host saved (the bridge has no native dialog): the data folder's reports/. */
function savedReports(app: AppFixture): string[] {
  try {
    return readdirSync(join(app.context.ctx.paths.userData, 'reports')).map((name) =>
      join(app.context.ctx.paths.userData, 'reports', name),
    );
  } catch {
    return [];
  }
}

/** The text of the HTML preview, read inside its shadow root. */
const previewText = (app: AppFixture) =>
  app.page
    .getByTestId('report-preview-html')
    .first()
    .evaluate((host) => host.shadowRoot?.textContent ?? '');

const exported = join(tmpdir(), `awb-e2e-sweep-${process.pid}.json`);

test.describe.configure({ mode: 'serial' });

test.describe('Reports', () => {
  test('a sweep chosen for the Reports view (as its run page links it), account masking on, previewed and saved', async ({ app }) => {
    const { page } = app;
    const runId = recordSweep(app);
    await app.open(`reports/runs/${runId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: /Include the sweep of prod_aws_deploy/ })).toBeChecked();
    await expect.poll(() => previewText(app)).toContain('34 passed, 2 failed of 36 regions');
    expect(await previewText(app)).toContain('210987654321');

    await page.getByRole('checkbox', { name: 'Account IDs' }).check();
    await expect.poll(() => previewText(app)).toContain('[account-1]');
    const text = await previewText(app);
    expect(text).not.toMatch(/\d{12}/);
    // Every redaction is marked, with what it was.
    const marks = await page
      .getByTestId('report-preview-html')
      .evaluate((host) => [...(host.shadowRoot?.querySelectorAll('mark.redacted') ?? [])].map((m) => m.getAttribute('title')));
    expect(new Set(marks)).toEqual(new Set(['Account ID masked', 'Access key ID shortened']));
    await expect(page.getByTestId('redactions-applied')).toContainText('account IDs masked consistently');
    await shootBothThemes(page, 'reports-view', 1500);

    await page.getByRole('radio', { name: /JSON/ }).check();
    await page.getByRole('button', { name: 'Save JSON…' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved to' })).toContainText('reports/awb-report-');
    const [json] = savedReports(app);
    expect(json).toMatch(/\.json$/);
    const saved = readFileSync(json!, 'utf8');
    expect(saved).not.toMatch(/(?<!\d)\d{12}(?!\d)/);
    writeFileSync(exported, saved);
    expect(app.consoleErrors).toEqual([]);
  });

  test('a sweep exported from its run page: the dialog previews it, account masking on', async ({ app }) => {
    const { page } = app;
    const runId = recordSweep(app);
    await app.open(`history/run/${runId}`);
    await page.getByRole('button', { name: 'Export report' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export report' });
    await expect(dialog).toBeVisible();
    const preview = () => dialog.getByTestId('report-preview-html').evaluate((host) => host.shadowRoot?.textContent ?? '');
    await expect.poll(preview).toContain('34 passed, 2 failed of 36 regions');
    await dialog.getByRole('checkbox', { name: 'Account IDs' }).check();
    await expect.poll(preview).toContain('[account-1]');
    expect(await preview()).not.toMatch(/\d{12}/);
    await shootBothThemes(page, 'reports-export-from-run-page', 900);
  });

  test('the report imported into a fresh profile: the run opens from History', async ({ app }) => {
    const { page } = app;
    await app.open('reports');
    await page.locator('input[type=file][accept^=".json"]').setInputFiles(exported);
    const result = page.getByTestId('import-result');
    await expect(result).toContainText('1 run added to History');
    const report = JSON.parse(readFileSync(exported, 'utf8')) as { sections: Array<{ run: { result: { runId: string } } }> };
    const runId = report.sections[0]!.run.result.runId;
    expect(app.context.ctx.history.show(runId)).toMatchObject({ imported: true });
    await result.getByRole('link', { name: new RegExp(`Open run ${runId}`) }).click();
    await expect(page).toHaveURL(new RegExp(`#/history/run/${runId}$`));
    await expect(page.getByRole('main')).toContainText('prod_aws_deploy');
    // Importing it again adds nothing.
    await app.open('reports');
    await page.locator('input[type=file][accept^=".json"]').setInputFiles(exported);
    await expect(page.getByTestId('import-result')).toContainText('0 runs added to History, 1 already there');
    expect(app.context.ctx.history.list().total).toBe(1);
  });

  test("the Doctor's result exported as Markdown from the Doctor and copied", async ({ app }) => {
    const { page } = app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    await app.open('doctor');
    await page
      .getByLabel('Paste 1')
      .fill(
        'An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: The request signature we calculated does not match the signature you provided.\nAWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
      );
    await expect(page.getByRole('status').filter({ hasText: /finding/ })).toBeVisible();
    await page.getByRole('button', { name: 'Export report' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export report' });
    await dialog.getByRole('radio', { name: /Markdown/ }).check();
    const markdown = dialog.getByTestId('report-preview-markdown');
    await expect(markdown).toContainText('## Doctor diagnosis');
    await expect(markdown.locator('mark', { hasText: 'AKIA…MPLE' }).first()).toBeVisible();
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.screenshot({ path: `test-results/reports-export-dialog${scheme === 'dark' ? '-dark' : ''}.png` });
      expect({ scheme, violations: await axeViolations(page) }).toEqual({ scheme, violations: [] });
    }
    await dialog.getByRole('button', { name: 'Copy Markdown' }).click();
    await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^# Doctor diagnosis\n/);
    expect(copied).toContain('`secret_key_mismatch`');
    expect(copied).not.toContain('AKIAIOSFODNN7EXAMPLE');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  });

  test('a hostile report (markup and script in every string) is inert in the app', async ({ app }) => {
    const { page } = app;
    const hostile = hostileReport(
      createReport(
        {
          runs: [runDetail()],
          sections: [{ type: 'doctor', result: doctorResult }],
          appVersion: '0.1.0',
          createdAt: '2026-12-03T10:30:00.000Z',
        },
        NO_MASKS,
      ),
    );
    const file = join(tmpdir(), `awb-e2e-hostile-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(hostile));
    await page.addInitScript(() =>
      Object.assign(window, { __pwned: 0, alert: () => ((window as unknown as { __pwned: number }).__pwned += 1) }),
    );
    await app.open('reports');
    await page.locator('input[type=file][accept^=".json"]').setInputFiles(file);
    await expect(page.getByTestId('import-result')).toContainText('<script>alert(1)</script>');
    await page.getByText('The imported report').click();
    const host = page.getByTestId('import-result').getByTestId('report-preview-html');
    const inside = await host.evaluate((element) => ({
      elements: [...(element.shadowRoot?.querySelectorAll('script, img, iframe, object, embed, [onerror], [onload]') ?? [])].length,
      text: element.shadowRoot?.textContent ?? '',
    }));
    expect(inside.elements).toBe(0);
    expect(inside.text).toContain('<img src=x onerror=alert(2)>');
    await page.getByRole('button', { name: 'Open the Doctor diagnosis' }).click();
    await expect(page.getByRole('main')).toContainText('<script>alert(1)</script>');
    expect(await page.evaluate(() => (window as unknown as { __pwned: number }).__pwned)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('img, iframe').length)).toBe(0);
    expect(app.consoleErrors).toEqual([]);
  });
});
