import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/app/services';
import { openDatabase } from '../../../electron/services/history/database';
import { migrations } from '../../../electron/services/history/migrations';
import { tempDir } from '../../helpers/temp-dir';

const dir = tempDir('awb-interrupted-');
afterAll(() => dir.remove());
let n = 0;
const dbFile = () => join(dir.path, `history-${(n += 1)}.sqlite`);

function services(databasePath: string, readOnly = false) {
  return createServices({
    appName: 'AWS Connector Workbench',
    appVersion: '0.0.0-test',
    dataDir: dir.path,
    databasePath,
    readOnly,
    keychainService: 'awb-test-never-used',
    versions: { electron: '-', chrome: '-', node: process.versions.node, v8: process.versions.v8 },
  });
}

/** A process id that existed and has ended: a child that exits at once. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

function insertRunning(file: string, id: string, pid: number, host = hostname()): void {
  const db = new Database(file);
  db.prepare(
    `INSERT INTO runs (id, kind, connector_identifier, started_at, status, app_version, owner_pid, owner_host)
     VALUES (?, 'sweep', 'aws_prod', ?, 'running', '1', ?, ?)`,
  ).run(id, new Date().toISOString(), pid, host);
  db.close();
}

function statusInFile(file: string, id: string): string | undefined {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare<[string], { status: string }>('SELECT status FROM runs WHERE id = ?').get(id)?.status;
  } finally {
    db.close();
  }
}

/** Creates the database as the app does. */
function create(file: string): void {
  const built = services(file);
  built.history.list();
  built.close();
}

const listed = (databasePath: string, readOnly: boolean) => {
  const built = services(databasePath, readOnly);
  try {
    return Object.fromEntries(built.history.list().runs.map((run) => [run.id, run.status]));
  } finally {
    built.close();
  }
};

describe('migration 5 (interrupted runs)', () => {
  it('rebuilds runs keeping every row, column and detail; the detail still goes with its run', () => {
    const file = dbFile();
    const old = openDatabase(file, { migrations: migrations.filter((m) => m.version < 5) });
    old.exec(`
      INSERT INTO runs (id, kind, connector_identifier, started_at, finished_at, status, imported, app_version, import_source, imported_at)
        VALUES ('r1', 'test', 'aws_prod', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z', 'passed', 1, '0.1.0', 'report.json', '2026-01-02T00:00:00Z');
      INSERT INTO run_details (run_id, connector_snapshot, options, identity_arn, duration_ms, findings) VALUES ('r1', '{}', '{}', NULL, 1000, '[]');
      INSERT INTO run_regions (run_id, region, partition, position, status) VALUES ('r1', 'us-east-1', 'aws', 0, 'pass');
      INSERT INTO run_checks (run_id, region, name, position, status, duration_ms) VALUES ('r1', 'us-east-1', 'sts_get_caller_identity', 0, 'pass', 12);
      INSERT INTO run_results (run_id, result) VALUES ('r1', '{"runId":"r1"}');
    `);
    old.close();

    // Up to migration 5 only: later ones add their own indexes.
    const db = openDatabase(file, { migrations: migrations.slice(0, 5) });
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare("SELECT * FROM runs WHERE id = 'r1'").get()).toMatchObject({
      connector_identifier: 'aws_prod',
      status: 'passed',
      imported: 1,
      import_source: 'report.json',
      imported_at: '2026-01-02T00:00:00Z',
      owner_pid: null,
    });
    for (const table of ['run_details', 'run_regions', 'run_checks', 'run_results']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 1 });
    }
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'runs' AND sql IS NOT NULL").all();
    expect(indexes.map((i) => (i as { name: string }).name).sort()).toEqual([
      'runs_connector',
      'runs_imported',
      'runs_running',
      'runs_started_at',
    ]);
    db.prepare("UPDATE runs SET status = 'interrupted' WHERE id = 'r1'").run();
    db.prepare("DELETE FROM runs WHERE id = 'r1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM run_checks').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('runs left running', () => {
  it('opening for writing marks the runs of a dead process interrupted, not those of a live one or another host', async () => {
    const file = dbFile();
    create(file);
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      insertRunning(file, 'dead', await deadPid());
      insertRunning(file, 'live', live.pid!);
      insertRunning(file, 'elsewhere', await deadPid(), 'another-host');
      expect(listed(file, false)).toEqual({ dead: 'interrupted', live: 'running', elsewhere: 'running' });
      expect(statusInFile(file, 'dead')).toBe('interrupted');
    } finally {
      live.kill();
    }
  });

  it('a reader shows them interrupted too, without writing the file', async () => {
    const file = dbFile();
    create(file);
    insertRunning(file, 'dead', await deadPid());
    const before = readFileSync(file);
    expect(listed(file, true)).toEqual({ dead: 'interrupted' });
    expect(statusInFile(file, 'dead')).toBe('running');
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('reading only', () => {
  it('a missing database is an empty history, and no file is created', () => {
    const file = join(dir.path, 'never-created', 'history.sqlite');
    const built = services(file, true);
    expect(built.history.list()).toEqual({ runs: [], total: 0 });
    built.close();
    expect(existsSync(join(dir.path, 'never-created'))).toBe(false);
  });

  it('a database of an older schema is read through a migrated copy; the file keeps its version', () => {
    const file = dbFile();
    const old = openDatabase(file, { migrations: migrations.slice(0, 3) });
    old.exec(
      "INSERT INTO runs (id, kind, started_at, status, app_version) VALUES ('old', 'test', '2026-01-01T00:00:00Z', 'failed', '0.0.1')",
    );
    old.close();
    expect(listed(file, true)).toEqual({ old: 'failed' });
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(3);
    raw.close();
  });

  it('a damaged file is reported as such, and left as it was (no copy, no fresh file)', () => {
    const file = dbFile();
    const junk = Buffer.from('not a database '.repeat(300));
    writeFileSync(file, junk);
    const built = services(file, true);
    expect(() => built.history.list()).toThrow(
      expect.objectContaining({
        value: expect.objectContaining({ class: 'database_corrupt', message: expect.stringContaining('Nothing was changed') }),
      }),
    );
    expect(readFileSync(file).equals(junk)).toBe(true);
  });
});
