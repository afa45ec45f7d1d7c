import type { AppInfo } from '../../shared/app/schema';
import type { AppServices } from './services';

/** What the About view and `awb info` show: versions, where data lives, and whether the keychain answers. */
export async function appInfo(services: AppServices): Promise<AppInfo> {
  const database = services.history.databaseInfo();
  return {
    name: services.appName,
    version: services.appVersion,
    versions: { ...services.versions, sqlite: database.sqliteVersion },
    platform: process.platform,
    arch: process.arch,
    paths: services.paths,
    keychain: await services.secrets.status(),
    schemaVersion: database.schemaVersion,
    notices: [...services.notices],
  };
}
