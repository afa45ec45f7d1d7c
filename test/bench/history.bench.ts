import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import { withHistoryFile } from '../helpers/history-file';
import { createServices, type AppServices } from '../../electron/app/services';
import { compareInHistory } from '../../electron/app/history-runs';
import { regionsOfPartition } from '../../shared/regions';
import { newRunId } from '../../shared/run-id';
import { tempDir } from '../helpers/temp-dir';
import { medianMs, type BenchResult } from './bench';

const SWEEP_REGIONS = regionsOfPartition('aws')
  .map((r) => r.code)
  .slice(0, 36);
const CHECKS = ['resolve_credentials', 'sts_get_caller_identity', 'ec2_describe_regions'] as const;
const CONNECTORS = 50;
const VERSIONS = { electron: '-', chrome: '-', node: process.versions.node, v8: process.versions.v8 };

/**
 * A realistic history: one run in 20 is a 36-region sweep, the rest single-region tests; one run in 8
 * fails with one of three classes; one in 50 is imported. Rows go straight in with SQL: seeding
 * through the test engine would measure the engine, not the history.
 */

function seed(file: string, runs: number): { sweeps: string[] } {
  return withHistoryFile(file, (db) => fill(db, runs));
}

function fill(db: Database.Database, runs: number): { sweeps: string[] } {
  const run = db.prepare(
    `INSERT INTO runs (id, kind, connector_identifier, started_at, finished_at, status, imported, app_version)
     VALUES (?, ?, ?, ?, ?, ?, ?, '1')`,
  );
  const detail = db.prepare("INSERT INTO run_details VALUES (?, ?, '{}', NULL, ?, '[]')");
  const region = db.prepare("INSERT INTO run_regions VALUES (?, ?, 'aws', ?, ?, NULL)");
  const check = db.prepare('INSERT INTO run_checks VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)');
  const classes = ['secret_key_mismatch', 'explicit_deny', 'network_unreachable'];
  const sweeps: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < runs; i += 1) {
      const startedMs = 1_700_000_000_000 + i * 60_000;
      const id = newRunId(startedMs);
      const sweep = i % 20 === 0;
      const failing = i % 8 === 0;
      const started = new Date(startedMs).toISOString();
      const connector = `conn_${i % CONNECTORS}`;
      const snapshot = JSON.stringify({
        identifier: connector,
        credentialType: 'ManualConfig',
        testRegion: 'us-east-1',
        crossAccount: null,
      });
      run.run(id, sweep ? 'sweep' : 'test', connector, started, started, failing ? 'failed' : 'passed', i % 50 === 7 ? 1 : 0);
      detail.run(id, snapshot, 900);
      if (sweep) sweeps.push(id);
      (sweep ? SWEEP_REGIONS : ['us-east-1']).forEach((code, position) => {
        const fails = failing && position % 6 === 0;
        region.run(id, code, position, fails ? 'fail' : 'pass');
        CHECKS.forEach((name, index) => {
          const failed = fails && index === 1;
          const errorClass = failed ? classes[i % 3]! : null;
          check.run(
            id,
            code,
            name,
            index,
            failed ? 'fail' : 'pass',
            40 + ((i + index) % 200),
            failed ? 'X' : null,
            errorClass,
            failed ? 'm' : null,
            failed ? 'f' : null,
          );
        });
      });
    }
  })();
  return { sweeps };
}

interface Seeded {
  readonly services: AppServices;
  readonly sweeps: string[];
  close(): void;
}

function seeded(runs: number): Seeded {
  const dir = tempDir('awb-bench-');
  const file = join(dir.path, 'history.sqlite');
  const services = createServices({ appName: 'bench', appVersion: '1', versions: VERSIONS, dataDir: dir.path, databasePath: file });
  services.history.list({ limit: 1 }); // creates the schema before the rows go in
  const { sweeps } = seed(file, runs);
  return { services, sweeps, close: () => (services.close(), dir.remove()) };
}

/** The queries the History view and `awb history` make, each at its worst common case. */
const QUERIES: ReadonlyArray<readonly [string, (s: Seeded) => unknown]> = [
  ['list, newest page', (s) => s.services.history.list({ limit: 100 })],
  ['list by connector', (s) => s.services.history.list({ connector: 'conn_7' })],
  ['list by kind', (s) => s.services.history.list({ kind: 'sweep' })],
  ['list by status', (s) => s.services.history.list({ status: ['failed'] })],
  ['list by error class', (s) => s.services.history.list({ errorClass: 'explicit_deny' })],
  ['list by region', (s) => s.services.history.list({ region: 'eu-west-1' })],
  ['list by date range', (s) => s.services.history.list({ since: '2023-11-15', until: '2023-11-20' })],
  ['list imported', (s) => s.services.history.list({ imported: true })],
  ['list by text', (s) => s.services.history.list({ search: 'conn_4' })],
  ['list, filters combined', (s) => s.services.history.list({ connector: 'conn_0', status: ['failed'], region: 'us-east-1' })],
  ['list, page 50, by connector', (s) => s.services.history.list({ offset: 5000, sort: 'connector' })],
  ['trend of one connector', (s) => s.services.history.trend({ connector: 'conn_0', runs: 200 })],
  ['compare two 36-region sweeps', (s) => compareInHistory(s.services, s.sweeps.at(-1)!, s.sweeps.at(-2)!)],
];

async function prune50k(): Promise<BenchResult> {
  const store = seeded(100_000);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  let reads = 0;
  // A reader of the list every 20 ms while the prune runs, as the window would be.
  const reader = setInterval(() => {
    store.services.history.list({ limit: 100 });
    reads += 1;
  }, 20);
  delay.enable();
  const start = performance.now();
  const result = await store.services.history.prune({ keep: 1_000 }, new Date());
  const ms = performance.now() - start;
  delay.disable();
  clearInterval(reader);
  store.close();
  const worstGapMs = delay.max / 1e6;
  return {
    name: 'history prune of 50k runs (time vs the 2 s target)',
    ratio: ms / 2000,
    detail: `${result.deleted} runs in ${ms.toFixed(0)} ms; ${reads} list reads ran meanwhile, longest wait between them ${worstGapMs.toFixed(0)} ms`,
  };
}

/** "History stays instant at 100k runs": each query's time at 100k runs, and as a ratio to the same query at 1k. */
export async function benchHistoryList(): Promise<BenchResult[]> {
  const small = seeded(1_000);
  const large = seeded(100_000);
  const results: BenchResult[] = [];
  for (const [name, query] of QUERIES) {
    const smallMs = await medianMs(() => query(small), 15);
    const largeMs = await medianMs(() => query(large), 15);
    results.push({
      name: `history ${name}, 100k vs 1k runs`,
      ratio: largeMs / smallMs,
      detail: `median ${largeMs.toFixed(2)} ms at 100k (target < 50 ms), ${smallMs.toFixed(2)} ms at 1k (target ratio < 3)`,
    });
  }
  small.close();
  large.close();
  results.push(await prune50k());
  return results;
}
