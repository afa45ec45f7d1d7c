import { createServices, type AppServices } from '../app/services';
import { defaultUserDataDir } from './user-data';
import { APP_NAME, APP_VERSION } from './version';

export interface CliServicesOptions {
  /** `--data-dir`: the data folder instead of the app's. */
  readonly dataDir?: string | undefined;
  /** `--db`: another SQLite file; `null` for `--no-history`. */
  readonly databasePath?: string | null | undefined;
  readonly givenSecrets?: Readonly<Record<string, string>>;
  /** For commands that only read history: see `ServicesOptions.readOnly`. */
  readonly readOnly?: boolean;
}

/** The services the desktop app builds, from the same composition root, without a window. */
export function openServices(options: CliServicesOptions = {}): AppServices {
  return createServices({
    appName: APP_NAME,
    appVersion: APP_VERSION,
    dataDir: options.dataDir ?? defaultUserDataDir(),
    ...(options.databasePath !== undefined ? { databasePath: options.databasePath } : {}),
    ...(options.givenSecrets ? { givenSecrets: options.givenSecrets } : {}),
    ...(options.readOnly ? { readOnly: true } : {}),
    versions: { electron: 'not running (CLI)', chrome: 'not running (CLI)', node: process.versions.node, v8: process.versions.v8 },
  });
}

/** Runs `work` with the services and closes the database afterwards, whatever happens. */
export async function withServices<T>(options: CliServicesOptions, work: (services: AppServices) => Promise<T> | T): Promise<T> {
  const services = openServices(options);
  try {
    return await work(services);
  } finally {
    services.close();
  }
}
