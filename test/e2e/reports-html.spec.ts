import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, expect, test, type Browser } from '@playwright/test';
import { chromiumPrinter } from '../../electron/services/reports/pdf';
import { createReport, NO_MASKS } from '../../shared/report/build';
import { renderHtml } from '../../shared/report/html';
import { axeViolations } from './a11y';
import { CHROMIUM_PATH, checkRequirement, chromiumRequirement } from '../helpers/requirements';
import { delegateSection, doctorResult, policySection, runDetail } from '../unit/report/fixtures';

const OUT = 'test-results/report-html';
const report = createReport(
  {
    runs: [runDetail()],
    sections: [{ type: 'doctor', result: doctorResult }, policySection, delegateSection],
    appVersion: '0.1.0',
    createdAt: '2026-12-03T10:30:00.000Z',
  },
  { ...NO_MASKS, accounts: true },
);

let browser: Browser | null = null;
test.beforeAll(async () => {
  if (checkRequirement('report HTML', chromiumRequirement()))
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
});
test.afterAll(async () => browser?.close());

test.describe('the HTML report in a browser', () => {
  test('opened with the network off it renders completely, fetches nothing, runs nothing, and axe finds no violation', async () => {
    test.skip(!browser, chromiumRequirement().reason);
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, 'report.html');
    writeFileSync(file, renderHtml(report));
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser!.newContext({ offline: true, colorScheme: scheme, viewport: { width: 1100, height: 900 } });
      const requests: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url !== pathToFileURL(file).href) requests.push(url);
        return url === pathToFileURL(file).href ? route.continue() : route.abort();
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      await page.goto(pathToFileURL(file).href);
      await expect(page.locator('.report-footer')).toBeVisible();
      expect(await page.locator('section.section').count()).toBe(4);
      await expect(page.locator('table.matrix tbody tr:not(.group)')).toHaveCount(36);
      expect(
        await page.evaluate(() => ({ scripts: document.scripts.length, resources: performance.getEntriesByType('resource').length })),
      ).toEqual({
        scripts: 0,
        resources: 0,
      });
      // Every colour came from the inline style sheet: a status reads in its colour, not the browser's default.
      expect(
        await page
          .locator('td.cell.fail')
          .first()
          .evaluate((cell) => getComputedStyle(cell).color),
      ).toBe(scheme === 'dark' ? 'rgb(255, 123, 114)' : 'rgb(180, 35, 24)');
      await page.screenshot({ path: join(OUT, `report-${scheme}.png`), fullPage: true });
      expect({ scheme, violations: await axeViolations(page) }).toEqual({ scheme, violations: [] });
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  test('the PDF is printed from the same HTML; its pages, rendered, are kept for a look', async () => {
    test.skip(!browser, chromiumRequirement().reason);
    mkdirSync(OUT, { recursive: true });
    const pdf = join(OUT, 'report.pdf');
    writeFileSync(pdf, await chromiumPrinter({ ...process.env, CHROMIUM_PATH })(renderHtml(report)));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const word of [
      'us-east-1',
      'me-south-1',
      'Passed',
      'Failed',
      'Skipped',
      'region_not_enabled',
      'secret_key_mismatch',
      '[account-1]',
    ]) {
      expect(text).toContain(word);
    }
    execFileSync('pdftoppm', ['-r', '70', '-png', pdf, join(OUT, 'report-pdf-page')]);
    expect(readdirSync(OUT).filter((name) => name.startsWith('report-pdf-page')).length).toBeGreaterThanOrEqual(3);
  });
});
