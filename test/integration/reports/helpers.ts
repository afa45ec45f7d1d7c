import { execFileSync } from 'node:child_process';
import { createHandlers } from '../../../electron/app/handlers';
import { createRouter, type Router } from '../../../electron/app/ipc-router';
import { createServices, type AppServices } from '../../../electron/app/services';
import type { RunResult } from '../../../shared/aws-test/result';
import type { TestConnector } from '../../../shared/aws-test/input';
import type { RunDetail } from '../../../shared/history/detail';
import { tempDir } from '../../helpers/temp-dir';
import { runDetail, sweepResult } from '../../unit/report/fixtures';

export const APP_URL = 'app://workbench/index.html';
export const SENDER = { url: APP_URL, isTopFrame: true };

export interface ReportApp {
  readonly services: AppServices;
  readonly router: Router;
  /** A call as the window makes it; throws on an error value, so a test reads the value. */
  call<T>(channel: string, args: unknown): Promise<T>;
  dispose(): void;
}

/** The services and router the window gets, on a temp data folder (reports need no keychain). */
export function reportApp(): ReportApp {
  const dir = tempDir('awb-reports-');
  const services = createServices({
    appName: 'AWS Connector Workbench',
    appVersion: '0.1.0',
    dataDir: dir.path,
    versions: { electron: '-', chrome: '-', node: process.versions.node, v8: process.versions.v8 },
  });
  const router = createRouter(createHandlers(services), { isAppUrl: (url) => url === APP_URL });
  return {
    services,
    router,
    async call<T>(channel: string, args: unknown): Promise<T> {
      const reply = await router.invoke(channel, args, SENDER);
      if (!reply.ok) throw new Error(`${channel}: ${reply.error.class}: ${reply.error.message}`);
      return reply.value as T;
    },
    dispose() {
      services.close();
      dir.remove();
    },
  };
}

/** Records a run as the test service does. */
export function record(services: AppServices, detail: RunDetail): void {
  services.history.record({
    result: detail.result,
    connector: detail.connector as TestConnector,
    options: detail.options,
    appVersion: detail.appVersion,
  });
}

/** A sweep and a single-region test of another connector, recorded. */
export function seedRuns(services: AppServices): RunResult[] {
  const sweep = sweepResult();
  const test: RunResult = {
    ...sweepResult(1, '5c1e9a0b-7d2f-4e3a-8b6c-0d9e8f7a6b5c'),
    connector: { identifier: 'staging_irsa', credentialType: 'Irsa', testRegion: 'eu-west-1', crossAccount: false },
  };
  for (const result of [sweep, test]) record(services, runDetail(result));
  return [sweep, test];
}

/** The text `pdftotext` reads from a PDF, in layout order. */
export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}
