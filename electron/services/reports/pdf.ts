import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { Env } from '../aws/http';
import type * as Playwright from 'playwright-core';

/** Prints a report's HTML to PDF bytes: Chromium's own printing, so the PDF is the HTML on paper. */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

/** Page furniture both printers use (the app's `printToPDF` and `page.pdf` here): a page number in the footer. */
export const PDF_FOOTER = `<div style="width:100%;font:9px system-ui,sans-serif;color:#57606a;padding:0 12mm;display:flex;justify-content:space-between"><span>AWS Connector Workbench report</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;

/** Names a local Chromium or Chrome goes by on PATH, most likely first. */
const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'microsoft-edge'];
const WELL_KNOWN = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `CHROMIUM_PATH` when set, else the first browser found on PATH or in its usual install folder; null when there is none. */
export function findChromium(env: Env = process.env): string | null {
  if (env.CHROMIUM_PATH) return executable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const suffixes = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const name of BROWSER_NAMES) {
    for (const dir of dirs) for (const suffix of suffixes) if (executable(join(dir, name + suffix))) return join(dir, name + suffix);
  }
  return WELL_KNOWN.find(executable) ?? null;
}

function noBrowser(env: Env): AppError {
  const named = env.CHROMIUM_PATH
    ? `CHROMIUM_PATH names ${env.CHROMIUM_PATH}, which is not an executable file.`
    : 'No Chromium or Chrome was found on PATH.';
  return new AppError(
    'not_found',
    `A PDF report is printed by a local Chromium or Chrome. ${named}`,
    'Install Chromium or Chrome (apt-get install chromium), or set CHROMIUM_PATH to its executable; or write the report as --format html (prints to PDF from any browser), md or json instead.',
  );
}

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The printer of the CLI and the tests: a headless local Chromium driven by playwright-core. The
 * page runs no script and may fetch nothing (every request is refused), so the PDF is the HTML alone.
 */
export function chromiumPrinter(env: Env = process.env): PdfPrinter {
  return async (html) => {
    const executablePath = findChromium(env);
    if (!executablePath) throw noBrowser(env);
    // Loaded by a name esbuild cannot follow, so the CLI bundle leaves playwright-core a package of its own
    // (it finds its files relative to itself) and only a PDF export loads it.
    const moduleName = 'playwright-core';
    const { chromium } = (await import(moduleName)) as typeof Playwright;
    const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
    try {
      const page = await browser.newPage({ javaScriptEnabled: false, offline: true });
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print', colorScheme: 'light' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: PDF_FOOTER,
        margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
      });
    } finally {
      await browser.close();
    }
  };
}
