import { AppError } from '../../../shared/errors';
import type { RunDetail } from '../../../shared/history/detail';
import { createReport, unrecordedRun, type ParsedReportRequest } from '../../../shared/report/build';
import type { Report } from '../../../shared/report/schema';

export interface ReportContext {
  /** A recorded run by id; null when history has none with that id. */
  readonly show: (runId: string) => RunDetail | null;
  readonly appVersion: string;
  readonly now: () => Date;
}

/** The report a request asks for: its runs read from history (every id must be there), redacted as asked. */
export function buildReport(request: ParsedReportRequest, context: ReportContext): Report {
  const runs = request.runIds.map((runId) => context.show(runId));
  const missing = runs.filter((run) => run === null).length;
  if (missing > 0) {
    throw new AppError(
      'not_found',
      `${missing} of the ${runs.length} runs asked for ${missing === 1 ? 'is' : 'are'} not in history.`,
      'Check the ids in the History list (awb history list); the runs may have been deleted or pruned.',
    );
  }
  return createReport(
    {
      runs: [...(runs as RunDetail[]), ...request.results.map((result) => unrecordedRun(result, context.appVersion))],
      sections: request.sections,
      title: request.title,
      appVersion: context.appVersion,
      createdAt: context.now().toISOString(),
    },
    request.redaction,
  );
}
