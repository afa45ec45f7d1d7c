import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { AppErrorValue } from '../../shared/errors';
import { AwsTestService } from '../services/aws/test-service';
import { ConnectorService } from '../services/connectors/connector-service';
import { openOrRecoverDatabase } from '../services/history/database';
import { HistoryService } from '../services/history/history-service';
import { migrations } from '../services/history/migrations';
import { KeytarSecretStore } from '../services/secrets/keytar-store';
import type { SecretStore } from '../services/secrets/secret-store';

export interface RuntimeVersions {
  readonly electron: string;
  readonly chrome: string;
  readonly node: string;
  readonly v8: string;
}

export interface ContextOptions {
  readonly appName: string;
  readonly appVersion: string;
  readonly userDataDir: string;
  readonly versions: RuntimeVersions;
  /** The keychain service name; tests pass their own so they never touch a user's entries. */
  readonly keychainService?: string;
  readonly secrets?: SecretStore;
}

/** Everything the services need, built once per process: the GUI, the CLI and the e2e bridge share it. */
export interface AppContext {
  readonly appName: string;
  readonly appVersion: string;
  readonly versions: RuntimeVersions;
  readonly paths: { readonly userData: string; readonly database: string };
  readonly db: Database.Database;
  readonly secrets: SecretStore;
  readonly history: HistoryService;
  readonly connectors: ConnectorService;
  /** Connection tests and sweeps; one instance so the app can cancel what runs when it quits. */
  readonly tests: AwsTestService;
  /** Problems found and handled at start-up (a damaged database replaced, say), shown to the user once. */
  readonly notices: readonly AppErrorValue[];
  close(): void;
}

export const DEFAULT_KEYCHAIN_SERVICE = 'aws-connector-workbench';

export function createAppContext(options: ContextOptions): AppContext {
  const database = join(options.userDataDir, 'history.sqlite');
  const { db, notice } = openOrRecoverDatabase(database, { migrations });
  const secrets = options.secrets ?? new KeytarSecretStore({ service: options.keychainService ?? DEFAULT_KEYCHAIN_SERVICE });
  const history = new HistoryService(db);
  return {
    appName: options.appName,
    appVersion: options.appVersion,
    versions: options.versions,
    paths: { userData: options.userDataDir, database },
    db,
    secrets,
    history,
    connectors: new ConnectorService(db, secrets),
    tests: new AwsTestService({ secrets, history, appVersion: options.appVersion, env: process.env }),
    notices: notice ? [notice] : [],
    close: () => db.close(),
  };
}
