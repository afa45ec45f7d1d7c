import { closeSync, copyFileSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { migrate, openDatabase, openOrRecoverDatabase } from '../../../electron/services/history/database';
import { HistoryService } from '../../../electron/services/history/history-service';
import type { Migration } from '../../../electron/services/history/migration';
import { migrations } from '../../../electron/services/history/migrations';
import { tempDir } from '../../helpers/temp-dir';

const dirs: Array<{ remove(): void }> = [];
function dbFile(): string {
  const dir = tempDir('awb-db-');
  dirs.push(dir);
  return join(dir.path, 'history.sqlite');
}
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));

const newest = migrations.at(-1)?.version ?? 0;

describe('history database', () => {
  it('creates a WAL database at the newest schema version', () => {
    const file = dbFile();
    const db = openDatabase(file, { migrations });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(newest);
    db.close();
    expect(existsSync(file)).toBe(true);
  });

  it('migrates a database left at an older schema, keeping its rows', () => {
    const file = dbFile();
    const first = migrations.slice(0, 1);
    const old = openDatabase(file, { migrations: first });
    old
      .prepare(
        "INSERT INTO runs (id, kind, started_at, status, app_version) VALUES ('r1', 'test', '2026-01-01T00:00:00Z', 'passed', '0.0.1')",
      )
      .run();
    old.close();

    const added: Migration = { version: newest + 1, name: 'notes', up: (db) => db.exec('ALTER TABLE runs ADD COLUMN note TEXT') };
    const db = openDatabase(file, { migrations: [...migrations, added] });
    expect(db.pragma('user_version', { simple: true })).toBe(newest + 1);
    expect(db.prepare('SELECT id, note FROM runs').all()).toEqual([{ id: 'r1', note: null }]);
    db.close();
  });

  it('rolls back a failing migration completely, leaving the version where it was', () => {
    const file = dbFile();
    openDatabase(file, { migrations }).close();
    const broken: Migration = {
      version: newest + 1,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half_done (x INTEGER)');
        db.exec('THIS IS NOT SQL');
      },
    };
    expect(() => openDatabase(file, { migrations: [...migrations, broken] })).toThrow();
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(newest);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    db.close();
  });

  it('refuses a database from a newer app and leaves it untouched', () => {
    const file = dbFile();
    const db = new Database(file);
    db.pragma(`user_version = ${newest + 5}`);
    db.close();
    expect(() => openDatabase(file, { migrations })).toThrow(
      expect.objectContaining({ value: expect.objectContaining({ class: 'database_too_new' }) }),
    );
    const again = new Database(file);
    expect(again.pragma('user_version', { simple: true })).toBe(newest + 5);
    again.close();
  });

  it('rejects migrations with a gap in their numbering', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'skips one', up: () => undefined }])).toThrow(/does not follow version 0/);
    db.close();
  });

  it('a corrupt file gives a clear error and a backup copy, and loses nothing', () => {
    const file = dbFile();
    const junk = Buffer.from('this is not a database '.repeat(400));
    writeFileSync(file, junk);
    let error: unknown;
    try {
      openDatabase(file, { migrations, now: () => new Date('2026-11-28T10:00:00Z') });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    const value = (error as AppError).value;
    expect(value.class).toBe('database_corrupt');
    expect(value.message).toContain(file);
    const backup = `${file}.corrupt-2026-11-28T10-00-00-000Z.bak`;
    expect(value.message).toContain(backup);
    expect(existsSync(backup)).toBe(true);
  });

  it('a damaged page is caught by the integrity check on open', () => {
    const file = dbFile();
    const db = openDatabase(file, { migrations });
    const insert = db.prepare("INSERT INTO runs (id, kind, started_at, status, app_version) VALUES (?, 'test', ?, 'passed', '1')");
    db.transaction(() => {
      for (let i = 0; i < 2000; i += 1) insert.run(`run-${i}-${'x'.repeat(100)}`, new Date(i * 1000).toISOString());
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Overwrite a stretch in the middle of the file: the header survives, the b-tree does not.
    const raw = new Database(file);
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize * 3, 0xab), 0, pageSize * 3, pageSize * 4);
    closeSync(fd);
    expect(() => openDatabase(file, { migrations })).toThrow(
      expect.objectContaining({ value: expect.objectContaining({ class: 'database_corrupt' }) }),
    );
  });

  it('the backup of a damaged file keeps the WAL of a crashed session, where the newest runs are', () => {
    const live = dbFile();
    const db = openDatabase(live, { migrations });
    const insert = db.prepare("INSERT INTO runs (id, kind, started_at, status, app_version) VALUES (?, 'test', ?, 'passed', '1')");
    db.transaction(() => {
      for (let i = 0; i < 2000; i += 1) insert.run(`run-${i}-${'x'.repeat(100)}`, new Date(i * 1000).toISOString());
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('wal_autocheckpoint = 0');
    insert.run('run-newest', new Date().toISOString());
    // A crash: the files as they are while the app still has them open, the newest run only in the WAL.
    const file = join(live, '..', 'crashed.sqlite');
    copyFileSync(live, file);
    const wal = readFileSync(`${live}-wal`);
    writeFileSync(`${file}-wal`, wal);
    db.close();
    const raw = new Database(file, { readonly: true });
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize * 3, 0xab), 0, pageSize * 3, pageSize * 4);
    closeSync(fd);

    const { db: fresh, notice } = openOrRecoverDatabase(file, { migrations, now: () => new Date('2026-11-28T10:00:00Z') });
    fresh.close();
    const backup = `${file}.corrupt-2026-11-28T10-00-00-000Z.bak`;
    expect(notice?.message).toContain(backup);
    expect(readFileSync(`${backup}-wal`).equals(wal)).toBe(true);
  });

  it('at start-up a corrupt file is replaced by a fresh database and the notice names the backup', () => {
    const file = dbFile();
    writeFileSync(file, 'garbage'.repeat(1000));
    const { db, notice } = openOrRecoverDatabase(file, { migrations });
    expect(notice?.class).toBe('database_corrupt');
    expect(db.pragma('user_version', { simple: true })).toBe(newest);
    db.close();
    const folder = readdirSync(join(file, '..'));
    expect(folder.some((name) => name.includes('.corrupt-') && name.endsWith('.bak'))).toBe(true);
  });

  it('a database locked by another connection gives database_locked, not a crash', () => {
    const file = dbFile();
    openDatabase(file, { migrations }).close();
    const holder = new Database(file);
    holder.pragma('journal_mode = DELETE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const open = () => {
        const db = new Database(file, { timeout: 50 });
        try {
          db.pragma('journal_mode = WAL');
        } finally {
          db.close();
        }
      };
      expect(open).toThrow(/locked|busy/i);
      expect(() => openDatabase(file, { migrations, busyTimeoutMs: 50 })).toThrow(
        expect.objectContaining({ value: expect.objectContaining({ class: 'database_locked' }) }),
      );
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  it('history.list returns runs newest first and filters by search', () => {
    const db = openDatabase(dbFile(), { migrations });
    const insert = db.prepare(
      "INSERT INTO runs (id, kind, connector_identifier, started_at, status, app_version) VALUES (?, 'test', ?, ?, 'passed', '1')",
    );
    insert.run('a', 'aws_prod', '2026-01-01T00:00:00Z');
    insert.run('b', 'aws_gov', '2026-02-01T00:00:00Z');
    insert.run('c', 'aws_prod', '2026-03-01T00:00:00Z');
    const service = new HistoryService(db);
    expect(service.list({ limit: 10 }).runs.map((run) => run.id)).toEqual(['c', 'b', 'a']);
    expect(service.list({ limit: 10, search: 'gov' })).toMatchObject({ total: 1, runs: [{ id: 'b', connectorIdentifier: 'aws_gov' }] });
    expect(service.list({ limit: 10, search: '%' }).total).toBe(0);
    db.close();
  });
});
