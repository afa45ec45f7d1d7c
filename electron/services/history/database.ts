import { accessSync, constants, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { AppError, type AppErrorValue } from '../../../shared/errors';
import type { Migration } from './migration';

export interface OpenOptions {
  readonly migrations: readonly Migration[];
  /** Used to name backup copies; injectable so tests can predict them. */
  readonly now?: () => Date;
  /** How long to wait for another connection's lock before reporting the database as locked. */
  readonly busyTimeoutMs?: number;
}

export const BUSY_TIMEOUT_MS = 5000;
/**
 * How long one write of a finished run waits for a lock. SQLite's wait blocks the thread (the
 * window's main process), so a locked write is retried with timers in between instead (recording.ts).
 */
export const WRITE_BUSY_TIMEOUT_MS = 100;

function backupPath(file: string, now: Date): string {
  return `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}.bak`;
}

function isLocked(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

const READ_ONLY_CODES = new Set(['SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_PERM', 'EROFS', 'EACCES', 'EPERM']);
// SHMSIZE: the WAL index (-shm) could not be given its pages, which is what a full disk does to it.
const FULL_CODES = new Set(['SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE', 'ENOSPC', 'EDQUOT']);

/** SQLite and file-system failures that say something to the user, as error values with their fix; else null. */
export function storageError(file: string, error: unknown): AppError | null {
  const code = (error as { code?: string }).code ?? '';
  const base = code.replace(/_[A-Z]+$/, '');
  if (isLocked(error)) {
    return new AppError(
      'database_locked',
      `The history database at ${file} is locked by another program.`,
      'Close the other copy of AWS Connector Workbench (or the program holding the file) and try again.',
    );
  }
  if (READ_ONLY_CODES.has(code) || READ_ONLY_CODES.has(base)) {
    return new AppError(
      'database_read_only',
      `The history database at ${file} cannot be written: its folder is read-only or belongs to someone else.`,
      'Give your user write access to that folder, or point awb at another with --data-dir (or AWB_DATA_DIR) or --db.',
    );
  }
  if (FULL_CODES.has(code) || FULL_CODES.has(base)) {
    return new AppError(
      'disk_full',
      `The disk holding the history database at ${file} is full.`,
      'Free some space on that disk (or point awb at another folder with --data-dir), then try again.',
    );
  }
  return null;
}

function refuseFolder(file: string): void {
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
    throw new AppError(
      'invalid_input',
      `${file} is a folder, not a SQLite file.`,
      'Name the history file itself, e.g. --db <folder>/history.sqlite.',
    );
  }
}

function checkIntegrity(db: Database.Database): string | null {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  const problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok');
  return problems.length ? problems.slice(0, 3).join('; ') : null;
}

function corrupt(file: string, now: Date, detail: string): AppError {
  const backup = backupPath(file, now);
  copyFileSync(file, backup);
  // After a crash the newest runs may live only in the WAL, which recovery deletes; SQLite reads
  // `<backup>-wal` when the copy is opened, so the copy keeps them.
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${backup}-wal`);
  return new AppError(
    'database_corrupt',
    `The history database at ${file} is damaged (${detail}). A copy was saved to ${backup} (with its -wal file, if there was one) before anything else was done.`,
    'Move the damaged file aside (the copy is kept) and the app starts a fresh history; or restore a backup of the file from before the damage.',
  );
}

/**
 * Opens the database; when it is damaged, the copy made by `openDatabase` is kept, the damaged file
 * is removed and a fresh database takes its place. The returned notice tells the user where the copy is.
 */
export function openOrRecoverDatabase(file: string, options: OpenOptions): { db: Database.Database; notice: AppErrorValue | null } {
  try {
    return { db: openDatabase(file, options), notice: null };
  } catch (error) {
    if (!(error instanceof AppError) || error.value.class !== 'database_corrupt') throw error;
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    return { db: openDatabase(file, options), notice: error.value };
  }
}

function tooNew(version: number, newest: number): AppError {
  return new AppError(
    'database_too_new',
    `The history database has schema version ${version}, newer than this app understands (${newest}).`,
    'Update AWS Connector Workbench to the newest version; the database is left untouched.',
  );
}

/** One step and its version bump in one transaction; see `Migration.rebuildsTables` for the foreign keys. */
function applyMigration(db: Database.Database, migration: Migration): void {
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  if (migration.rebuildsTables) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      migration.up(db);
      const broken = migration.rebuildsTables ? (db.pragma('foreign_key_check') as unknown[]) : [];
      if (broken.length > 0) throw new Error(`Migration ${migration.version} (${migration.name}) left ${broken.length} broken references.`);
      db.pragma(`user_version = ${migration.version}`);
    })();
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys}`);
  }
}

/** Brings the schema up to the newest migration; each step and its version bump commit together. */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number {
  let version = db.pragma('user_version', { simple: true }) as number;
  const newest = migrations.at(-1)?.version ?? 0;
  if (version > newest) throw tooNew(version, newest);
  for (const migration of migrations) {
    if (migration.version <= version) continue;
    if (migration.version !== version + 1) {
      throw new Error(`Migration ${migration.version} (${migration.name}) does not follow version ${version}.`);
    }
    applyMigration(db, migration);
    version = migration.version;
  }
  return version;
}

/**
 * Opens (creating if needed) the SQLite database: WAL journal, a busy timeout so a second process
 * waits instead of failing at once, an integrity check, then the migrations. A damaged file is
 * copied aside before the error is raised, so nothing the user had is lost.
 */
export function openDatabase(file: string, options: OpenOptions): Database.Database {
  const now = options.now ?? (() => new Date());
  refuseFolder(file);
  const existed = existsSync(file);
  let db: Database.Database | undefined;
  try {
    mkdirSync(dirname(file), { recursive: true });
    db = new Database(file, { timeout: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS });
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    const problem = existed ? checkIntegrity(db) : null;
    if (problem) throw corrupt(file, now(), problem);
    migrate(db, options.migrations);
    return db;
  } catch (error) {
    const code = (error as { code?: string }).code;
    // The copy is made before closing: closing checkpoints the WAL into the damaged file and deletes it.
    const damaged =
      code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT'
        ? corrupt(file, now(), code === 'SQLITE_NOTADB' ? 'not a valid SQLite file' : 'the database disk image is malformed')
        : null;
    db?.close();
    if (damaged) throw damaged;
    if (error instanceof AppError) throw error;
    throw storageError(file, error) ?? error;
  }
}

/** Runs a write with the short busy wait, its SQLite and file-system failures turned into error values. */
export function writeBriefly<T>(db: Database.Database, write: () => T): T {
  const before = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${WRITE_BUSY_TIMEOUT_MS}`);
  try {
    return write();
  } catch (error) {
    throw error instanceof AppError ? error : (storageError(db.name, error) ?? error);
  } finally {
    db.pragma(`busy_timeout = ${before}`);
  }
}

/** A change a writer makes when it opens the history (marking abandoned runs); a reader makes it in its private copy. */
export interface OpenFixup {
  needed(db: Database.Database): boolean;
  apply(db: Database.Database): void;
}

export interface ReadOptions extends Pick<OpenOptions, 'migrations' | 'busyTimeoutMs'> {
  readonly fixup?: OpenFixup;
}

// What a read-only folder or a full disk does to a WAL database whose -wal and -shm files are not there
// to be shared (a cleanly closed one): SQLite can neither create them nor read without them.
const IN_PLACE_FAILURES = /^SQLITE_(CANTOPEN|READONLY|PERM|FULL|IOERR_SHM)/;

/** The file opened read-only where it lies, or null when SQLite cannot read it there. */
function readInPlace(file: string, timeout: number): Database.Database | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout });
    db.pragma('user_version'); // the first read is what opens the WAL index
    return db;
  } catch (error) {
    db?.close();
    if (IN_PLACE_FAILURES.test((error as { code?: string }).code ?? '')) return null;
    throw error;
  }
}

/**
 * A private, writable copy in memory of a database image (or an empty database). Its header is
 * switched from WAL to rollback mode, as an in-memory database has no WAL.
 */
function memoryCopy(image: Buffer | null): Database.Database {
  if (!image) return new Database(':memory:');
  if (image[18] === 2 && image[19] === 2) image.fill(1, 18, 20);
  return new Database(image);
}

function damagedForReading(file: string, code: string | undefined, detail: string | null): AppError {
  const what = code === 'SQLITE_NOTADB' ? 'not a valid SQLite file' : (detail ?? 'the database disk image is malformed');
  return new AppError(
    'database_corrupt',
    `The history database at ${file} is damaged (${what}). Nothing was changed: this command only reads.`,
    'Open the app or run awb test once: the damaged file is copied aside (every byte kept) and a fresh history is started.',
  );
}

/**
 * The open file made fit to read: refused when too new or damaged; moved into a private copy when
 * its schema is older than this app's or a fixup is due, so both are applied without writing the file.
 */
function fitForReading(db: Database.Database, file: string, options: ReadOptions): Database.Database {
  const version = db.pragma('user_version', { simple: true }) as number;
  const newest = options.migrations.at(-1)?.version ?? 0;
  if (version > newest) throw tooNew(version, newest);
  const problem = version > 0 ? checkIntegrity(db) : null;
  if (problem) throw damagedForReading(file, undefined, problem);
  if (!db.memory && version === newest && !options.fixup?.needed(db)) return db;
  const copy = db.memory ? db : memoryCopy(db.serialize());
  if (copy !== db) db.close();
  migrate(copy, options.migrations);
  options.fixup?.apply(copy);
  // The copy is never saved: a write to it would be lost, so it refuses writes as the file would.
  copy.pragma('query_only = ON');
  return copy;
}

/**
 * Opens the history only to read it (`awb info`, `awb history list`): nothing is created, migrated or
 * written, so a read-only data folder or a full disk still shows it. No file is an empty history.
 * When SQLite cannot read the file where it lies, its bytes are read into memory instead; that copy
 * lacks the runs of a -wal file left without its -shm index, which only a copy of the folder produces.
 */
export function openDatabaseReadOnly(file: string, options: ReadOptions): Database.Database {
  refuseFolder(file);
  let db: Database.Database | undefined;
  try {
    const inPlace = existsSync(file) ? readInPlace(file, options.busyTimeoutMs ?? BUSY_TIMEOUT_MS) : undefined;
    db = inPlace ?? memoryCopy(inPlace === null ? readFileSync(file) : null);
    return fitForReading(db, file, options);
  } catch (error) {
    db?.close();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw damagedForReading(file, code, null);
    if (error instanceof AppError) throw error;
    throw storageError(file, error) ?? error;
  }
}

function existingAncestor(path: string): string {
  return existsSync(path) || dirname(path) === path ? path : existingAncestor(dirname(path));
}

/**
 * Why the history could not be written at `file`, found without writing: a read-only folder or file,
 * or a full disk. For `awb info`, which only reads; null when nothing is in the way.
 */
export function writeProblem(file: string): AppError | null {
  const folder = existingAncestor(dirname(file));
  try {
    for (const path of [file, folder].filter((p) => existsSync(p))) accessSync(path, constants.W_OK);
  } catch (error) {
    return storageError(file, error);
  }
  return statfsSync(folder).bavail === 0 ? storageError(file, { code: 'ENOSPC' }) : null;
}
