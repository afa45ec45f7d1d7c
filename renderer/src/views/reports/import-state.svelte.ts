import type { AppErrorValue } from '../../../../shared/errors';
import { REPORT_LIMITS, type ImportedReport } from '../../../../shared/report/schema';
import { api } from '../../lib/api';
import { doctor } from '../doctor/doctor-state.svelte';
import { policy } from '../policy/policy-state.svelte';

/**
 * Opening a JSON report, from a file, a drop or a paste: the main process checks it and puts its runs
 * into History; its Doctor and policy sections are put into those views here, where their state lives.
 */
class ReportImport {
  last = $state.raw<ImportedReport | null>(null);
  /** The file (or "the pasted text") the last answer is about. */
  source = $state('');
  error = $state.raw<AppErrorValue | null>(null);
  busy = $state(false);

  async openText(text: string, source: string): Promise<void> {
    this.busy = true;
    this.source = source;
    const answer = await api.reports.import({ text });
    this.busy = false;
    this.last = answer.ok ? answer.value : null;
    this.error = answer.ok ? null : answer.error;
    if (answer.ok) this.#place(answer.value);
  }

  async openFiles(files: Iterable<File>): Promise<void> {
    for (const file of files) {
      if (file.size > REPORT_LIMITS.maxChars) {
        this.source = file.name;
        this.last = null;
        this.error = {
          class: 'invalid_input',
          message: `${file.name} is larger than ${REPORT_LIMITS.maxChars / 1024 / 1024} MB, far more than a report awb writes.`,
          fix: 'Open the .json file the export wrote.',
        };
        return;
      }
      await this.openText(await file.text(), file.name);
      if (this.error) return;
    }
  }

  /** The last Doctor and policy sections of the report become what those views show. */
  #place({ report }: ImportedReport): void {
    for (const section of report.sections) {
      if (section.type === 'doctor') {
        doctor.result = section.result;
        doctor.error = null;
      }
      if (section.type === 'policy') {
        policy.result = section.result;
        policy.error = null;
      }
    }
  }
}

export const reportImport = new ReportImport();
