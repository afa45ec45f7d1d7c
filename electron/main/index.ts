import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session, shell, type IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../../shared/ipc/contract';
import { PROGRESS_EVENT } from '../../shared/ipc/events';
import { redactSecrets } from '../../shared/redact';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createHandlers } from '../app/handlers';
import { useReportHost } from '../app/handlers/reports';
import { createRouter, type Sender } from '../app/ipc-router';
import { createServices, type AppServices } from '../app/services';
import { installMenu } from './menu';
import { electronReportHost } from './report-host';
import { APP_ORIGIN, devServerUrlOf, isAppUrl, isPermissionGranted, navigationDecision, windowOptions } from './security';

const devServerUrl = devServerUrlOf(process.env, app.isPackaged);
const appUrl = (url: string) => isAppUrl(url, devServerUrl);

function senderOf(event: IpcMainInvokeEvent): Sender {
  const frame = event.senderFrame;
  return { url: frame?.url ?? '', isTopFrame: frame !== null && frame === event.sender.mainFrame };
}

function guardNavigation(navigation: { url: string; preventDefault(): void }): void {
  const decision = navigationDecision(navigation.url, devServerUrl);
  if (decision === 'allow') return;
  navigation.preventDefault();
  if (decision === 'open-external') void shell.openExternal(navigation.url);
}

function lockDownSessions(): void {
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(isPermissionGranted(permission, details.requestingUrl ?? contents.getURL(), devServerUrl)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, devServerUrl),
  );
  app.on('web-contents-created', (_event, contents) => {
    // A redirect and a frame's own navigation are navigations too: the same rule decides all three.
    contents.on('will-navigate', guardNavigation);
    contents.on('will-redirect', guardNavigation);
    contents.on('will-frame-navigate', guardNavigation);
    contents.on('will-attach-webview', (attach) => attach.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (navigationDecision(url, devServerUrl) === 'open-external') void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

function registerIpc(services: AppServices): void {
  const router = createRouter(createHandlers(services), { isAppUrl: appUrl, log: (line) => console.error(line) });
  for (const name of channelNames) {
    ipcMain.handle(name, (event, args) =>
      router.invoke(name, args, senderOf(event), (progress) => {
        // The window may close while a sweep still reports; the run goes on and is recorded.
        if (!event.sender.isDestroyed()) event.sender.send(PROGRESS_EVENT, { channel: name, event: progress });
      }),
    );
  }
}

/** electron-builder copies the 512 px icon into the resources folder; a checkout has it under build/. */
function windowIconPath(): string {
  return app.isPackaged ? join(process.resourcesPath, 'icon.png') : join(app.getAppPath(), 'build', 'icons', '512x512.png');
}

async function createWindow(): Promise<BrowserWindow> {
  const icon = process.platform === 'linux' ? windowIconPath() : undefined;
  const window = new BrowserWindow(
    windowOptions(join(import.meta.dirname, '../preload/index.cjs'), { iconPath: icon, devTools: !app.isPackaged }),
  );
  window.once('ready-to-show', () => window.show());
  await window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

/** Quitting waits for running tests to be cancelled and recorded, then closes the database. */
function closeAfterRuns(services: AppServices): (event: Electron.Event) => void {
  let closing = false;
  return (event) => {
    if (closing) return;
    closing = true;
    if (services.runningTests === 0) return services.close();
    event.preventDefault();
    void services.cancelRunningTests().finally(() => {
      services.close();
      app.quit();
    });
  };
}

async function ready(): Promise<void> {
  const services = createServices({
    appName: app.getName(),
    appVersion: app.getVersion(),
    dataDir: app.getPath('userData'),
    versions: {
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      node: process.versions.node,
      v8: process.versions.v8,
    },
  });
  app.on('before-quit', closeAfterRuns(services));
  lockDownSessions();
  installMenu(app.isPackaged);
  serveRenderer(join(import.meta.dirname, '../renderer'));
  useReportHost(electronReportHost());
  registerIpc(services);
  // Retention is housekeeping: applied once at start, in the background, and again after each run.
  void services.history.applyRetention().catch((error: unknown) => console.error(`[history] retention: ${redactSecrets(String(error))}`));
  const window = await createWindow();
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
}

function start(): void {
  registerAppScheme();
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(ready)
    .catch((error: unknown) => {
      // A start-up failure must not leave a hidden process behind: say why, then exit.
      dialog.showErrorBox('AWS Connector Workbench cannot start', redactSecrets(error instanceof Error ? error.message : String(error)));
      app.exit(1);
    });
}

if (app.requestSingleInstanceLock()) start();
else app.quit();
