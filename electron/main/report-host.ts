import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { BrowserWindow, dialog } from 'electron';
import type { ReportHost } from '../services/reports/host';
import { PDF_FOOTER } from '../services/reports/pdf';

/**
 * Saving a report from the window: the native save dialog, and the PDF printed by the app's own
 * Chromium (`printToPDF`) from the same HTML as the HTML report. Electron glue that no test here can
 * run; everything it is handed (the path's file name, the HTML) is made and tested elsewhere.
 */
export function electronReportHost(): ReportHost {
  return {
    async chooseSavePath(fileName) {
      const options = { defaultPath: fileName, filters: [{ name: 'Report', extensions: [extname(fileName).slice(1)] }] };
      const parent = BrowserWindow.getFocusedWindow();
      const chosen = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
    },
    async printPdf(html) {
      // A hidden window that runs no script and has no preload; the report's own CSP forbids every load.
      const dir = mkdtempSync(join(tmpdir(), 'awb-print-'));
      const page = new BrowserWindow({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true } });
      try {
        writeFileSync(join(dir, 'report.html'), html);
        await page.loadFile(join(dir, 'report.html'));
        return await page.webContents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: PDF_FOOTER,
          margins: { top: 0.55, bottom: 0.63, left: 0.47, right: 0.47 },
        });
      } finally {
        page.destroy();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
