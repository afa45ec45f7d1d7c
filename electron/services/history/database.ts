import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
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

function backupPath(file: string, now: Date): string {
  return `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}.bak`;
}

function isLocked(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

const READ_ONLY_CODES = new Set(['SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_PERM', 'EROFS', 'EACCES', 'EPERM']);
const FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);

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

/** Brings the schema up to the newest migration; each step and its version bump commit together. */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number {
  let version = db.pragma('user_version', { simple: true }) as number;
  const newest = migrations.at(-1)?.version ?? 0;
  if (version > newest) {
    throw new AppError(
      'database_too_new',
      `The history database has schema version ${version}, newer than this app understands (${newest}).`,
      'Update AWS Connector Workbench to the newest version; the database is left untouched.',
    );
  }
  for (const migration of migrations) {
    if (migration.version <= version) continue;
    if (migration.version !== version + 1) {
      throw new Error(`Migration ${migration.version} (${migration.name}) does not follow version ${version}.`);
    }
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
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
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
    throw new AppError(
      'invalid_input',
      `${file} is a folder, not a SQLite file.`,
      'Name the history file itself, e.g. --db <folder>/history.sqlite.',
    );
  }
  const existed = existsSync(file);
  let db: Database.Database | undefined;
  try {
    mkdirSync(dirname(file), { recursive: true });
    db = new Database(file, { timeout: options.busyTimeoutMs ?? 5000 });
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
