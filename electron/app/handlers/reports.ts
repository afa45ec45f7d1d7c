import type { reportsChannels } from '../../../shared/ipc/channels/reports';
import { buildReport } from '../../services/reports/build';
import { folderReportHost, type ReportHost } from '../../services/reports/host';
import { importReport } from '../../services/reports/import';
import { renderReport, reportFileName, writeReportFile } from '../../services/reports/report-files';
import type { HandlersOf } from '../ipc-router';
import type { AppServices } from '../services';

let installedHost: ReportHost | null = null;

/** The Electron shell installs its save dialog and `printToPDF`; without it, reports save into the data folder. */
export function useReportHost(host: ReportHost): void {
  installedHost = host;
}

export function reportsHandlers(services: AppServices): HandlersOf<typeof reportsChannels> {
  const host = () => installedHost ?? folderReportHost(services.paths.userData, services.env);
  return {
    'reports.build': (request) =>
      buildReport(request, { show: (runId) => services.history.show(runId), appVersion: services.appVersion, now: () => new Date() }),
    'reports.save': async ({ report, format }) => {
      const { printPdf, chooseSavePath } = host();
      // Rendered before the dialog opens: a PDF that cannot be printed fails before the user picks a place.
      const bytes = await renderReport(report, format, printPdf);
      const path = await chooseSavePath(reportFileName(report, format));
      if (path !== null) writeReportFile(path, bytes);
      return { path, bytes: bytes.length };
    },
    'reports.import': ({ text }) => importReport(text, services.history, new Date()),
  };
}
