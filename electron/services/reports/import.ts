import { AppError } from '../../../shared/errors';
import { parseReport } from '../../../shared/report/parse';
import { redactSecretsOnly } from '../../../shared/report/redact/redactor';
import type { ImportedReport } from '../../../shared/report/schema';
import type { HistoryService } from '../history/history-service';

/**
 * Opens a JSON report from anyone: read strictly (a broken, oversized or newer one is refused before
 * anything changes), its secrets removed again, its runs added to history as imported. The Doctor
 * and policy sections go back to the caller, which shows them where they belong.
 */
export function importReport(text: string, history: Pick<HistoryService, 'importRuns'>, now: Date): ImportedReport {
  const parsed = parseReport(text);
  if (!parsed.ok) throw new AppError(parsed.error.class, parsed.error.message, parsed.error.fix);
  const report = redactSecretsOnly(parsed.report);
  const runs = report.sections.flatMap((section) => (section.type === 'run' ? [section.run] : []));
  const source = `${report.title} (report of ${report.createdAt})`;
  const imported = runs.length > 0 ? history.importRuns(runs, { source, importedAt: now.toISOString() }) : { added: [], present: [] };
  return { report, runs: imported };
}
