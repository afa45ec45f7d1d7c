import { writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { withHistoryFile } from '../helpers/history-file';
import type { Page } from '@playwright/test';
import { expect, test } from './harness';

/**
 * Measured, not asserted: how long the History list takes to show its first rows in Chromium with
 * 100,000 runs in the database. Run by test/bench/history-render.bench.ts through its own Playwright
 * config (it is not a *.spec.ts, so the test suite never runs it); the times go to AWB_BENCH_OUT.
 */

export const RUNS = 100_000;
const SAMPLES = 9;

export interface RenderTimes {
  /** From the keyboard shortcut in an open window to the list's first row painted. */
  readonly switchMs: number[];
  /** From navigation start of a fresh window opened on History to the first row painted. */
  readonly coldMs: number[];
}

/** 100k runs of 50 connectors, five minutes apart, mostly passed: written in one transaction, like the history bench. */
function seed(path: string): void {
  withHistoryFile(path, (db) => fill(db));
}

function fill(db: Database.Database): void {
  const insert = db.prepare(
    `INSERT INTO runs (id, kind, connector_identifier, started_at, finished_at, status, imported, app_version)
     VALUES (?, ?, ?, ?, ?, ?, 0, '0.0.0-bench')`,
  );
  const start = Date.now() - RUNS * 300_000;
  db.transaction(() => {
    for (let i = 0; i < RUNS; i += 1) {
      const at = start + i * 300_000;
      const status = i % 50 === 0 ? 'failed' : i % 97 === 0 ? 'cancelled' : 'passed';
      insert.run(
        `bench-${i}`,
        i % 7 === 0 ? 'sweep' : 'test',
        `connector_${i % 50}`,
        new Date(at).toISOString(),
        new Date(at + 400 + (i % 13) * 90).toISOString(),
        status,
      );
    }
  })();
}

/**
 * Before the app's own script: the time of the first frame painted with a History row in it. A row
 * is in the DOM when the observer sees it; that frame is painted once the next animation frame has
 * run and a message posted from it comes back, the usual way to stand just after a paint.
 */
function watchFirstRow(): void {
  const state = window as unknown as { __firstRowPaint?: number };
  const observer = new MutationObserver(() => {
    if (!document.querySelector('tr[data-index="0"] [data-cell="open"]')) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (state.__firstRowPaint = performance.now());
      channel.port2.postMessage(0);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

const firstRowPaint = (page: Page) =>
  page
    .waitForFunction(() => (window as unknown as { __firstRowPaint?: number }).__firstRowPaint)
    .then((h) => h.jsonValue() as Promise<number>);

test('first paint of the History list with 100k runs', async ({ app }) => {
  test.setTimeout(300_000);
  const { page, context } = app;
  context.ctx.history.list({ limit: 1 }); // opens the database and brings its schema up to date
  seed(context.ctx.paths.database);
  expect(context.ctx.history.list({ limit: 1 }).total).toBe(RUNS);
  await page.addInitScript(watchFirstRow);

  const times: RenderTimes = { switchMs: [], coldMs: [] };
  // One round more than measured: the first warms Chromium's and SQLite's caches.
  for (let round = 0; round <= SAMPLES; round += 1) {
    // A blank page between rounds, so each opens a fresh window rather than moving within one.
    await page.goto('about:blank');
    await app.open('connectors');
    await page.getByRole('heading', { level: 1, name: 'Connectors' }).waitFor();
    const t0 = await page.evaluate(() => {
      const now = performance.now();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: '3', ctrlKey: true }));
      return now;
    });
    const switchMs = (await firstRowPaint(page)) - t0;

    await page.goto('about:blank');
    await app.open('history');
    const coldMs = await firstRowPaint(page);
    await expect(page.getByRole('status').filter({ hasText: '100,000 runs' })).toBeVisible();
    if (round > 0) {
      times.switchMs.push(switchMs);
      times.coldMs.push(coldMs);
    }
  }
  if (process.env.AWB_BENCH_OUT) writeFileSync(process.env.AWB_BENCH_OUT, JSON.stringify(times));
});
