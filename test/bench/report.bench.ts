import { existsSync } from 'node:fs';
import { createServices } from '../../electron/app/services';
import { importReport } from '../../electron/services/reports/import';
import { chromiumPrinter, findChromium } from '../../electron/services/reports/pdf';
import { createReport, NO_MASKS } from '../../shared/report/build';
import { renderHtml } from '../../shared/report/html';
import { renderMarkdown } from '../../shared/report/markdown';
import { CHROMIUM_PATH } from '../helpers/requirements';
import { tempDir } from '../helpers/temp-dir';
import { runDetail, sweepResult } from '../unit/report/fixtures';
import { medianMs, type BenchResult } from './bench';

const sweepReport = () =>
  createReport({ runs: [runDetail()], sections: [], appVersion: '0.1.0', createdAt: new Date().toISOString() }, NO_MASKS);

/** Issue 12: HTML and Markdown of a 36-region sweep under 50 ms (together). */
async function renderers(): Promise<BenchResult> {
  const report = sweepReport();
  const html = await medianMs(() => renderHtml(report), 15);
  const md = await medianMs(() => renderMarkdown(report), 15);
  return {
    name: 'report HTML + Markdown of a 36-region sweep vs 50 ms',
    ratio: (html + md) / 50,
    detail: `HTML ${html.toFixed(1)} ms, Markdown ${md.toFixed(1)} ms (below 1.0 is within budget)`,
  };
}

/** Issue 12: importing a report of 1,000 runs (read, checked, redacted, written in one transaction) under 1 s. */
async function import1000(): Promise<BenchResult> {
  const runs = Array.from({ length: 1000 }, (_, i) => runDetail(sweepResult(1, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)));
  const text = JSON.stringify(createReport({ runs, sections: [], appVersion: '0.1.0', createdAt: new Date().toISOString() }, NO_MASKS));
  const dir = tempDir('awb-bench-import-');
  const services = createServices({
    appName: 'bench',
    appVersion: '0.1.0',
    dataDir: dir.path,
    versions: { electron: '-', chrome: '-', node: '-', v8: '-' },
  });
  try {
    // The database is opened (and created) before the clock starts: that is not the import's work.
    services.history.list({ limit: 1 });
    const start = performance.now();
    const first = importReport(text, services.history, new Date());
    const ms = performance.now() - start;
    const again = await medianMs(() => importReport(text, services.history, new Date()), 3);
    return {
      name: 'report import of 1,000 runs vs 1 s',
      ratio: ms / 1000,
      detail: `${ms.toFixed(0)} ms for ${first.runs.added.length} runs added (${(text.length / 1024 / 1024).toFixed(1)} MB of JSON); importing it again adds nothing in ${again.toFixed(0)} ms`,
    };
  } finally {
    services.close();
    dir.remove();
  }
}

/** Issue 12: the PDF of a 36-region sweep, printed by a local Chromium: time reported only. */
async function pdf(): Promise<BenchResult> {
  const env = { ...process.env, CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? (existsSync(CHROMIUM_PATH) ? CHROMIUM_PATH : undefined) };
  if (!findChromium(env))
    return { name: 'report PDF of a 36-region sweep (seconds)', ratio: 0, detail: 'skipped: no Chromium or Chrome found' };
  const html = renderHtml(sweepReport());
  const print = chromiumPrinter(env);
  let bytes = 0;
  const ms = await medianMs(async () => (bytes = (await print(html)).length), 3);
  return {
    name: 'report PDF of a 36-region sweep (seconds)',
    ratio: ms / 1000,
    detail: `${ms.toFixed(0)} ms for ${(bytes / 1024).toFixed(0)} KiB, Chromium start included (reported only, no budget)`,
  };
}

export async function benchReports(): Promise<BenchResult[]> {
  return [await renderers(), await import1000(), await pdf()];
}
