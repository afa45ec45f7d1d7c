import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { test as base, chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { createHandlers } from '../../electron/app/handlers';
import { createRouter, type Router } from '../../electron/app/ipc-router';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { createTestContext, type TestContext } from '../helpers/app-context';
import { CHROMIUM_PATH, checkRequirement, chromiumRequirement, keychainRequirement } from '../helpers/requirements';

const RENDERER_DIR = normalize(join(import.meta.dirname, '../../out/renderer') + sep);
const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** Serves the built renderer the way the app protocol does: same files, same strict CSP header. */
async function serveRenderer(): Promise<{ server: Server; origin: string }> {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const file = normalize(join(RENDERER_DIR, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(RENDERER_DIR)) return void response.writeHead(404).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': contentSecurityPolicy('production'),
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let bridgeScript: Promise<string> | undefined;
function pageApiScript(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [join(import.meta.dirname, 'bridge/page-api.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    target: 'chrome120',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return bridgeScript;
}

export interface AppFixture {
  readonly page: Page;
  readonly origin: string;
  readonly context: TestContext;
  readonly router: Router;
  /** Console errors and CSP violations the page reported; a clean app has none. */
  readonly consoleErrors: string[];
  open(view?: string): Promise<void>;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const test = base.extend<{ app: AppFixture }, { browserInstance: Browser | null }>({
  browserInstance: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      if (!checkRequirement('e2e', chromiumRequirement())) return use(null);
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ browserInstance }, use, testInfo) => {
    testInfo.skip(browserInstance === null, chromiumRequirement().reason);
    testInfo.skip(!checkRequirement('e2e keychain', await keychainRequirement()), 'no Secret Service');
    const browser = browserInstance as Browser;
    const { server, origin } = await serveRenderer();
    const context = createTestContext();
    const router = createRouter(createHandlers(context.ctx), { isAppUrl: (url) => new URL(url).origin === origin });
    const browserContext = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 800 } });
    const page = await browserContext.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.exposeBinding('__awbInvoke', (source, channel: string, args: unknown) =>
      router.invoke(
        channel,
        args,
        { url: source.frame.url(), isTopFrame: source.frame === source.page.mainFrame() },
        (event) =>
          void source.page.evaluate(([c, e]) => (window as unknown as { __awbProgress(c: string, e: unknown): void }).__awbProgress(c, e), [
            channel,
            event,
          ] as const),
      ),
    );
    await page.addInitScript({ content: await pageApiScript() });
    await use({
      page,
      origin,
      context,
      router,
      consoleErrors,
      async open(view = 'connectors') {
        await page.goto(`${origin}/index.html#/${view}`);
        await page.locator('nav[aria-label="Main"]').waitFor();
      },
    });
    await browserContext.close();
    await context.dispose();
    await new Promise((resolve) => server.close(resolve));
  },
});

export { expect } from '@playwright/test';
