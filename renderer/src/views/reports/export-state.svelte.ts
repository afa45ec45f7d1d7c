import type { AppErrorValue } from '../../../../shared/errors';
import { NO_MASKS } from '../../../../shared/report/build';
import { renderMarkdown } from '../../../../shared/report/markdown';
import type { RedactionOptions, Report, ReportFormat } from '../../../../shared/report/schema';
import { api } from '../../lib/api';
import { LatestCall } from '../../lib/latest-call.svelte';
import type { ReportSources } from './sources';

/** The optional masks as the dialog offers them; secrets go and key IDs are shortened whatever is chosen. */
export const MASKS: ReadonlyArray<{ id: keyof RedactionOptions; label: string }> = [
  { id: 'accounts', label: 'Account IDs' },
  { id: 'names', label: 'Role, user and session names' },
  { id: 'hosts', label: 'Custom endpoint and proxy hosts' },
  { id: 'ips', label: 'IP addresses' },
  { id: 'emails', label: 'E-mail addresses' },
];

export const FORMATS: ReadonlyArray<{ id: ReportFormat; label: string }> = [
  { id: 'html', label: 'HTML (one file, opens in any browser)' },
  { id: 'pdf', label: 'PDF' },
  { id: 'md', label: 'Markdown (for a ticket)' },
  { id: 'json', label: 'JSON (opens again in the app)' },
];

/** Building again as options change is quick; the pause only keeps toggling from rebuilding twice. */
const PAUSE_MS = 120;

/**
 * One export: what goes in, the masks and the format chosen, the report as the main process built
 * it (what the preview shows), and what happened when it was saved or copied.
 */
export class ReportExport {
  sources = $state.raw<ReportSources>({});
  redaction = $state<RedactionOptions>({ ...NO_MASKS });
  title = $state('');
  format = $state<ReportFormat>('html');
  report = $state.raw<Report | null>(null);
  error = $state<AppErrorValue | null>(null);
  /** Where the last save went; null before one, or when the save dialog was cancelled. */
  saved = $state<string | null>(null);
  saving = $state(false);

  readonly #build = new LatestCall(
    PAUSE_MS,
    () => api.reports.build({ ...this.sources, redaction: { ...this.redaction }, title: this.title.trim() || undefined }),
    (answer) => {
      this.report = answer.ok ? answer.value : null;
      this.error = answer.ok ? null : answer.error;
    },
  );

  constructor(sources: ReportSources = {}) {
    this.sources = sources;
  }

  get building(): boolean {
    return this.#build.busy;
  }

  get empty(): boolean {
    const { runIds = [], results = [], sections = [] } = this.sources;
    return runIds.length + results.length + sections.length === 0;
  }

  /** Builds again (the preview follows); nothing is asked for while there is nothing to report. */
  refresh(): void {
    this.saved = null;
    if (this.empty) {
      this.report = null;
      return;
    }
    this.#build.schedule();
  }

  markdown(): string {
    return this.report ? renderMarkdown(this.report) : '';
  }

  async save(): Promise<void> {
    if (!this.report) return;
    this.saving = true;
    const answer = await api.reports.save({ report: this.report, format: this.format });
    this.saving = false;
    this.error = answer.ok ? null : answer.error;
    this.saved = answer.ok ? answer.value.path : null;
  }
}
