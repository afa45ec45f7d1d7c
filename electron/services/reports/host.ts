import { existsSync, mkdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Env } from '../aws/http';
import { chromiumPrinter, type PdfPrinter } from './pdf';

/** What saving a report from the window needs of the process it runs in: where to save, and a printer. */
export interface ReportHost {
  /** The path the user chose for `fileName`; null when they cancelled. */
  chooseSavePath(fileName: string): Promise<string | null>;
  readonly printPdf: PdfPrinter;
}

/** `name.pdf`, else `name-2.pdf`, `name-3.pdf`…: the first that is not there yet. */
function freePath(dir: string, fileName: string): string {
  const extension = extname(fileName);
  const stem = fileName.slice(0, fileName.length - extension.length);
  for (let n = 1; n < 1000; n += 1) {
    const path = join(dir, n === 1 ? fileName : `${stem}-${n}${extension}`);
    if (!existsSync(path)) return path;
  }
  return join(dir, `${stem}-${Date.now()}${extension}`);
}

/**
 * Where there is no native save dialog (the end-to-end bridge, a test): reports are saved into the
 * data folder's `reports/`, under a name of their own, and printed by a local Chromium.
 */
export function folderReportHost(userData: string, env: Env): ReportHost {
  return {
    chooseSavePath: async (fileName) => {
      const dir = join(userData, 'reports');
      mkdirSync(dir, { recursive: true });
      return freePath(dir, fileName);
    },
    printPdf: chromiumPrinter(env),
  };
}
