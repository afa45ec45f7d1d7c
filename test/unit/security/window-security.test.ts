import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../shared/security/csp';
import { rendererFile } from '../../../electron/main/renderer-file';
import { existsSync, readFileSync } from 'node:fs';
import {
  devServerUrlOf,
  isAllowedExternalUrl,
  isAppUrl,
  isPermissionGranted,
  navigationDecision,
  windowOptions,
} from '../../../electron/main/security';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('window options', () => {
  const prefs = windowOptions('/app/out/preload/index.cjs').webPreferences ?? {};

  it('turns on every Electron security default', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('loads the preload from the bundled CommonJS file', () => {
    expect(prefs.preload).toMatch(/\.cjs$/);
  });

  it('has DevTools only when asked (development), off by default', () => {
    expect(prefs.devTools).toBe(false);
    expect(windowOptions('/p.cjs', { devTools: true }).webPreferences?.devTools).toBe(true);
  });
});

describe('packaged build', () => {
  it('ignores ELECTRON_RENDERER_URL, so no environment variable can point the window and its api at another page', () => {
    const env = { ELECTRON_RENDERER_URL: 'https://attacker.example/' };
    expect(devServerUrlOf(env, true)).toBeUndefined();
    expect(devServerUrlOf(env, false)).toBe('https://attacker.example/');
    expect(isAppUrl('https://attacker.example/', devServerUrlOf(env, true))).toBe(false);
  });

  it('the built main process guards redirects and frame navigations with the navigation rule, and installs the release menu', () => {
    const main = 'out/main/index.js';
    if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first.`);
    const text = readFileSync(main, 'utf8');
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) expect(text).toContain(`"${event}"`);
    expect(text).toMatch(/setApplicationMenu/);
    expect(text).toMatch(/devTools: !\w+\.isPackaged/);
  });
});

describe('content security policy', () => {
  for (const mode of ['production', 'development'] as const) {
    it(`${mode}: scripts only from the app itself, no inline script, no eval, no plugins`, () => {
      const csp = directives(contentSecurityPolicy(mode));
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(contentSecurityPolicy(mode)).not.toMatch(/unsafe-eval|wasm-unsafe-eval|https:|\*/);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      expect(csp.get('form-action')).toEqual(["'none'"]);
    });
  }

  it('production styles come only from files; dev loosens styles and the HMR socket, never scripts', () => {
    expect(directives(contentSecurityPolicy('production')).get('style-src')).toEqual(["'self'"]);
    expect(directives(contentSecurityPolicy('production')).get('connect-src')).toEqual(["'self'"]);
    expect(directives(contentSecurityPolicy('development')).get('connect-src')).toContain('ws://localhost:5173');
  });
});

describe('navigation policy', () => {
  it('recognises only the app page as the app', () => {
    expect(isAppUrl('app://workbench/index.html#/doctor', undefined)).toBe(true);
    expect(isAppUrl('app://other/index.html', undefined)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', undefined)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isAppUrl('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('not a url', undefined)).toBe(false);
  });

  it('opens only allow-listed https documentation in the system browser', () => {
    expect(isAllowedExternalUrl('https://developer.harness.io/docs/platform')).toBe(true);
    expect(isAllowedExternalUrl('https://docs.aws.amazon.com/IAM/latest/UserGuide/')).toBe(true);
    expect(isAllowedExternalUrl('http://developer.harness.io/')).toBe(false);
    expect(isAllowedExternalUrl('https://developer.harness.io.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@github.com/')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
  });

  it('decides every navigation: stay, hand to the browser, or deny', () => {
    expect(navigationDecision('app://workbench/index.html', undefined)).toBe('allow');
    expect(navigationDecision('https://github.com/harness', undefined)).toBe('open-external');
    expect(navigationDecision('https://example.com/', undefined)).toBe('deny');
    expect(navigationDecision('file:///tmp/x.html', undefined)).toBe('deny');
  });
});

describe('permissions', () => {
  it('grants only clipboard writing, and only to the app page', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://workbench/index.html', undefined)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example/', undefined)).toBe(false);
    for (const permission of [
      'clipboard-read',
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'fullscreen',
      'hid',
      'serial',
      'usb',
    ]) {
      expect(isPermissionGranted(permission, 'app://workbench/index.html', undefined)).toBe(false);
    }
  });
});

describe('app protocol file mapping', () => {
  const root = '/opt/awb/out/renderer/';
  it('maps app URLs to files inside the renderer folder only', () => {
    expect(rendererFile(root, new URL('app://workbench/'))).toBe('/opt/awb/out/renderer/index.html');
    expect(rendererFile(root, new URL('app://workbench/assets/index.js'))).toBe('/opt/awb/out/renderer/assets/index.js');
    expect(rendererFile(root, new URL('app://workbench/..%2f..%2f..%2fetc%2fpasswd'))).toBeNull();
    expect(rendererFile(root, new URL('app://other/index.html'))).toBeNull();
  });

  it('answers a malformed escape with not-found instead of throwing', () => {
    expect(rendererFile(root, new URL('app://workbench/%E0%A4%A'))).toBeNull();
  });
});
