import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { AppErrorValue } from '../../shared/errors';
import type { Env } from '../services/aws/http';
import { AwsTestService } from '../services/aws/test-service';
import { valueSecrets } from '../services/aws/value-secrets';
import { ConnectorService } from '../services/connectors/connector-service';
import {
  BUSY_TIMEOUT_MS,
  openDatabaseReadOnly,
  openOrRecoverDatabase,
  WRITE_BUSY_TIMEOUT_MS,
  writeBriefly,
  writeProblem,
  type OpenFixup,
} from '../services/history/database';
import { HistoryService } from '../services/history/history-service';
import { migrations } from '../services/history/migrations';
import { abandonedRuns, interruptAbandonedRuns } from '../services/history/run-owner';
import { KeytarSecretStore } from '../services/secrets/keytar-store';
import type { SecretStore } from '../services/secrets/secret-store';

export interface RuntimeVersions {
  readonly electron: string;
  readonly chrome: string;
  readonly node: string;
  readonly v8: string;
}

export const DEFAULT_KEYCHAIN_SERVICE = 'aws-connector-workbench';
export const DATABASE_FILE = 'history.sqlite';

export interface ServicesOptions {
  readonly appName: string;
  readonly appVersion: string;
  readonly versions: RuntimeVersions;
  /** The data folder; the history database is `history.sqlite` in it unless `databasePath` says otherwise. */
  readonly dataDir: string;
  /** Another SQLite file (`--db`), or `null` for no history at all (`--no-history`). */
  readonly databasePath?: string | null;
  /**
   * Only read the history (`awb info`, `awb history list`): it is opened read-only, never created,
   * migrated or written, so a read-only data folder or a full disk still shows it.
   */
  readonly readOnly?: boolean;
  /** The keychain service name; tests pass their own so they never touch a user's entries. */
  readonly keychainService?: string;
  readonly secrets?: SecretStore;
  /** Secret values handed over directly (`--secret-key-stdin`); tests read them before the keychain. */
  readonly givenSecrets?: Readonly<Record<string, string>>;
  readonly env?: Env;
  readonly clock?: () => Date;
}

/**
 * Every service of the app, built from plain inputs and each created when first used: the window,
 * every `awb` command, the end-to-end bridge and the test helpers get their services here, so the
 * database is opened one way everywhere (recovery, WAL, busy timeout, migrations).
 */
export interface AppServices {
  readonly appName: string;
  readonly appVersion: string;
  readonly versions: RuntimeVersions;
  readonly env: Env;
  readonly paths: { readonly userData: string; readonly database: string };
  readonly secrets: SecretStore;
  /** Opens the database on first use. */
  readonly history: HistoryService;
  readonly connectors: ConnectorService;
  /** Connection tests and sweeps; one instance so the app can cancel what runs when it quits. */
  readonly tests: AwsTestService;
  /** Problems found and handled while opening (a damaged database replaced, say), shown to the user once. */
  readonly notices: readonly AppErrorValue[];
  /** Why history could not be written here (read-only folder or file, full disk), found without writing; null when nothing is in the way. */
  historyWriteProblem(): AppErrorValue | null;
  /** Runs still under way; the window waits for them, cancelled and recorded, before it closes. */
  cancelRunningTests(): Promise<void>;
  readonly runningTests: number;
  close(): void;
}

function lazy<T>(create: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: create() }).value;
}

/** A writer marks the runs of processes that died `interrupted` when it opens the history; a reader, in its private copy. */
const ABANDONED_RUNS: OpenFixup = { needed: (db) => abandonedRuns(db).length > 0, apply: interruptAbandonedRuns };

function openForWriting(path: string, busyTimeoutMs: number, notices: AppErrorValue[]): Database.Database {
  const opened = openOrRecoverDatabase(path, { migrations, busyTimeoutMs });
  if (opened.notice) notices.push(opened.notice);
  // The open waited as long as its caller could afford; everything after waits the usual time.
  opened.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  try {
    writeBriefly(opened.db, () => ABANDONED_RUNS.apply(opened.db));
  } catch {
    // Locked or read-only right now: the runs stay `running` until a later open marks them.
  }
  return opened.db;
}

export function createServices(options: ServicesOptions): AppServices {
  const databasePath = options.databasePath === undefined ? join(options.dataDir, DATABASE_FILE) : options.databasePath;
  const env = options.env ?? process.env;
  const notices: AppErrorValue[] = [];
  let db: Database.Database | undefined;
  /** Opens on first use; a failed open is tried again by the next use. */
  const database = (busyTimeoutMs = BUSY_TIMEOUT_MS): Database.Database => {
    if (databasePath === null) throw new Error('These services were built without a history database (--no-history).');
    db ??= options.readOnly
      ? openDatabaseReadOnly(databasePath, { migrations, busyTimeoutMs, fixup: ABANDONED_RUNS })
      : openForWriting(databasePath, busyTimeoutMs, notices);
    return db;
  };
  const secrets = lazy(() => options.secrets ?? new KeytarSecretStore({ service: options.keychainService ?? DEFAULT_KEYCHAIN_SERVICE }));
  let historyService: HistoryService | undefined;
  const history = (busyTimeoutMs?: number) => (historyService ??= new HistoryService(database(busyTimeoutMs)));
  // A run reaches history through the same database, opened (if it is not yet) with the short wait of
  // its writes, so a locked file cannot hold up the thread; what fails is retried when the run ends.
  const runHistory = {
    start: (...args: Parameters<HistoryService['start']>) => history(WRITE_BUSY_TIMEOUT_MS).start(...args),
    record: (...args: Parameters<HistoryService['record']>) => history(WRITE_BUSY_TIMEOUT_MS).record(...args),
  };
  const connectors = lazy(() => new ConnectorService(database(), secrets()));
  let testService: AwsTestService | undefined;
  const tests = lazy(() => {
    const clock = options.clock ? { clock: options.clock } : {};
    testService = new AwsTestService({
      secrets: options.givenSecrets ? valueSecrets(options.givenSecrets, secrets()) : secrets(),
      history: databasePath === null ? null : runHistory,
      appVersion: options.appVersion,
      env,
      ...clock,
    });
    return testService;
  });
  return {
    appName: options.appName,
    appVersion: options.appVersion,
    versions: options.versions,
    env,
    paths: { userData: options.dataDir, database: databasePath ?? '(none)' },
    get secrets() {
      return secrets();
    },
    get history() {
      return history();
    },
    get connectors() {
      return connectors();
    },
    get tests() {
      return tests();
    },
    get notices() {
      return notices;
    },
    historyWriteProblem: () => (databasePath === null ? null : (writeProblem(databasePath)?.value ?? null)),
    get runningTests() {
      return testService?.active ?? 0;
    },
    cancelRunningTests: async () => testService?.cancelAll(),
    close: () => db?.close(),
  };
}
