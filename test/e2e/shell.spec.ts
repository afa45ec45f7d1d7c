import { axeViolations } from './a11y';
import { expect, test } from './harness';

test.describe('app shell', () => {
  test('renders the navigation, the status bar and each view without console or CSP errors', async ({ app }) => {
    await app.open('connectors');
    const nav = app.page.getByRole('navigation', { name: 'Main' });
    for (const label of ['Connectors', 'Test', 'History', 'Doctor', 'Policy', 'Delegate YAML', 'Reports', 'About']) {
      await expect(nav.getByRole('link', { name: new RegExp(`^${label}`) })).toBeVisible();
    }
    await expect(app.page.getByTestId('status-keychain')).toContainText('Keychain');
    for (const view of ['test', 'history', 'doctor', 'policy', 'delegate', 'reports', 'about']) {
      await nav.locator(`a[href="#/${view}"]`).click();
      await expect(app.page.getByRole('main')).toHaveAttribute('aria-label', /.+/);
      await expect(app.page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    expect(app.consoleErrors).toEqual([]);
  });

  test('About shows the real versions, database path and keychain status', async ({ app }) => {
    await app.open('about');
    await expect(app.page.getByTestId('version-node')).toHaveText(process.versions.node);
    await expect(app.page.getByTestId('version-sqlite')).toHaveText(/^3\.\d+\.\d+$/);
    await expect(app.page.getByTestId('database-path')).toHaveText(app.context.ctx.paths.database);
    await expect(app.page.getByTestId('keychain-backend')).toHaveText('Secret Service (libsecret)');
    await expect(app.page.getByText('Available', { exact: true })).toBeVisible();
  });

  test('every view is axe clean in both themes', async ({ app }) => {
    for (const scheme of ['light', 'dark'] as const) {
      await app.page.emulateMedia({ colorScheme: scheme });
      for (const view of ['connectors', 'test', 'history', 'doctor', 'policy', 'delegate', 'reports', 'about']) {
        await app.open(view);
        await expect(app.page.getByRole('heading', { level: 1 })).toBeVisible();
        expect({ scheme, view, violations: await axeViolations(app.page) }).toEqual({ scheme, view, violations: [] });
      }
    }
  });

  test('History shows its empty state with a way forward', async ({ app }) => {
    await app.open('history');
    await expect(app.page.getByRole('heading', { name: 'No test runs yet' })).toBeVisible();
    await app.page.getByRole('button', { name: 'Test a connector' }).click();
    await expect(app.page).toHaveURL(/#\/test$/);
  });

  test('keyboard only: shortcuts switch views and focus moves into the content', async ({ app }) => {
    await app.open('connectors');
    await app.page.keyboard.press('Control+4');
    await expect(app.page).toHaveURL(/#\/doctor$/);
    await expect(app.page.getByRole('main')).toBeFocused();
    await app.page.keyboard.press('Control+0');
    await expect(app.page.getByRole('heading', { level: 1, name: 'About' })).toBeVisible();
    // From a fresh page, Tab reaches the skip link first; Enter on it lands in the content.
    await app.page.reload();
    await app.page.keyboard.press('Tab');
    await expect(app.page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await app.page.keyboard.press('Enter');
    await expect(app.page.getByRole('main')).toBeFocused();
  });

  test('an invalid IPC argument is rejected with a typed error and nothing runs', async ({ app }) => {
    await app.open('about');
    const result = await app.page.evaluate(() => (window.api.secrets.set as (a: unknown) => Promise<unknown>)({ ref: 42, value: ['x'] }));
    expect(result).toMatchObject({ ok: false, error: { class: 'invalid_argument' } });
    const extra = await app.page.evaluate(() => (window.api.secrets.has as (a: unknown) => Promise<unknown>)({ ref: 'ok', evil: true }));
    expect(extra).toMatchObject({ ok: false, error: { class: 'invalid_argument' } });
    expect(await app.context.ctx.secrets.has('ok')).toBe(false);
  });

  test('a secret set from the page is reported by secrets.has and can never be read back', async ({ app }) => {
    await app.open('about');
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const results = await app.page.evaluate(async (value) => {
      const set = await window.api.secrets.set({ ref: 'account.e2e_secret', value });
      const has = await window.api.secrets.has({ ref: 'account.e2e_secret' });
      return {
        set,
        has,
        names: Object.keys(window.api.secrets),
        ipcRenderer: 'ipcRenderer' in window,
        require: typeof (window as unknown as { require?: unknown }).require,
      };
    }, secret);
    expect(results.set).toEqual({ ok: true, value: { ref: 'account.e2e_secret', stored: true } });
    expect(results.has).toEqual({ ok: true, value: { ref: 'account.e2e_secret', exists: true } });
    expect(results.names.sort()).toEqual(['delete', 'has', 'set']);
    expect(results.ipcRenderer).toBe(false);
    expect(results.require).toBe('undefined');
    expect(JSON.stringify(results)).not.toContain(secret);
    // The value really is in the OS keychain, where only the main process can read it.
    expect(await app.context.ctx.secrets.get('account.e2e_secret')).toBe(secret);
    const deleted = await app.page.evaluate(() => window.api.secrets.delete({ ref: 'account.e2e_secret' }));
    expect(deleted).toEqual({ ok: true, value: { ref: 'account.e2e_secret', deleted: true } });
  });

  test('light and dark themes: the manual switch wins over the OS and is remembered', async ({ app }, testInfo) => {
    await app.open('about');
    await expect(app.page.getByTestId('version-node')).toBeVisible();
    const background = () => app.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await app.page.screenshot({ path: testInfo.outputPath('shell-light.png') });
    await app.page.getByRole('radio', { name: 'Dark' }).check();
    const dark = await background();
    expect(dark).not.toBe(light);
    await app.page.screenshot({ path: testInfo.outputPath('shell-dark.png') });
    await app.page.reload();
    await expect(app.page.getByRole('radio', { name: 'Dark' })).toBeChecked();
    expect(await background()).toBe(dark);
    await app.page.getByRole('radio', { name: 'Follow the system' }).check();
    await app.page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe(dark);
  });
});
