import type { BrowserWindowConstructorOptions } from 'electron';

/** The scheme and host the packaged app is served from; a standard, secure origin of its own. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** External pages the app may open, in the system browser only: documentation it links to. */
export const EXTERNAL_ALLOWLIST: readonly string[] = ['developer.harness.io', 'docs.aws.amazon.com', 'github.com'];

/** The window's web preferences: every Electron security default on, spelled out so a test can check them. */
export interface WindowChoices {
  /** Linux takes the window icon from here; macOS and Windows take it from the packaged app. */
  readonly iconPath?: string | undefined;
  /** Off in a packaged build: nobody debugging a user's copy should find DevTools one shortcut away. */
  readonly devTools: boolean;
}

export function windowOptions(preloadPath: string, choices: WindowChoices = { devTools: false }): BrowserWindowConstructorOptions {
  return {
    ...(choices.iconPath ? { icon: choices.iconPath } : {}),
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'AWS Connector Workbench',
    backgroundColor: '#16181d',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      devTools: choices.devTools,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}

/**
 * The Vite dev server the development build loads from. A packaged app ignores the variable: it would
 * let anyone who can set an environment variable point the window, with its `window.api`, at any page.
 */
export function devServerUrlOf(env: Readonly<Record<string, string | undefined>>, packaged: boolean): string | undefined {
  return packaged ? undefined : env.ELECTRON_RENDERER_URL;
}

/** True for the app's own page: the app protocol in production, the Vite dev server in development. */
export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (devServerUrl) return parsed.origin === new URL(devServerUrl).origin;
  return false;
}

/** Only https links to allow-listed hosts (or their subdomains) leave the app, and only to the system browser. */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
  return EXTERNAL_ALLOWLIST.some((host) => parsed.hostname === host || parsed.hostname.endsWith(`.${host}`));
}

/**
 * The one web permission the app grants: writing plain text to the clipboard (the Copy buttons), and
 * only to its own page. Camera, microphone, notifications, geolocation, clipboard reading and the rest
 * are refused.
 */
export const GRANTED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

export function isPermissionGranted(permission: string, requestingUrl: string, devServerUrl: string | undefined): boolean {
  return GRANTED_PERMISSIONS.includes(permission) && isAppUrl(requestingUrl, devServerUrl);
}

export type NavigationDecision = 'allow' | 'open-external' | 'deny';

/** What happens when the page tries to go to `url`: stay (own page), hand to the browser, or nothing. */
export function navigationDecision(url: string, devServerUrl: string | undefined): NavigationDecision {
  if (isAppUrl(url, devServerUrl)) return 'allow';
  return isAllowedExternalUrl(url) ? 'open-external' : 'deny';
}
