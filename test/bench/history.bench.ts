import { join } from 'node:path';
import { openDatabase } from '../../electron/services/history/database';
import { HistoryService } from '../../electron/services/history/history-service';
import { migrations } from '../../electron/services/history/migrations';
import { tempDir } from '../helpers/temp-dir';
import { medianMs, type BenchResult } from './bench';

function seeded(rows: number) {
  const dir = tempDir('awb-bench-');
  const db = openDatabase(join(dir.path, 'history.sqlite'), { migrations });
  const insert = db.prepare(
    "INSERT INTO runs (id, kind, connector_identifier, started_at, status, app_version) VALUES (?, 'test', ?, ?, 'passed', '1')",
  );
  db.transaction(() => {
    for (let i = 0; i < rows; i += 1) insert.run(`run-${i}`, `conn_${i % 50}`, new Date(1_700_000_000_000 + i * 60_000).toISOString());
  })();
  return { service: new HistoryService(db), close: () => (db.close(), dir.remove()) };
}

/** "History stays instant at 100k runs": listing the newest page costs about the same at 100k rows as at 1k. */
export async function benchHistoryList(): Promise<BenchResult> {
  const small = seeded(1_000);
  const large = seeded(100_000);
  const smallMs = await medianMs(() => small.service.list({ limit: 100 }), 15);
  const largeMs = await medianMs(() => large.service.list({ limit: 100 }), 15);
  small.close();
  large.close();
  return {
    name: 'history.list at 100k runs vs 1k runs',
    ratio: largeMs / smallMs,
    detail: `median ${largeMs.toFixed(2)} ms at 100k, ${smallMs.toFixed(2)} ms at 1k (1.0 = no slowdown)`,
  };
}
