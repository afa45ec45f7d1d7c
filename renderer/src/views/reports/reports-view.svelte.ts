import type { AppErrorValue } from '../../../../shared/errors';
import type { RunSummary } from '../../../../shared/history/schema';
import { api } from '../../lib/api';
import { history } from '../../stores/history.svelte';
import { ReportExport } from './export-state.svelte';
import { currentSections } from './sources';

const RECENT = 30;
export type SectionId = ReturnType<typeof currentSections>[number]['id'];

/** `#/reports/runs/<id>,<id>`: a link (from History, say) that opens the Reports view with those runs chosen. */
export function runsInHash(hash: string): string[] {
  const [view, page, ids] = hash.replace(/^#\/?/, '').split('/');
  return view === 'reports' && page === 'runs' && ids ? ids.split(',').map(decodeURIComponent).filter(Boolean).slice(0, 1000) : [];
}

/** `a` and then what of `b` is not in it; a few hundred ids at most. */
const union = (a: readonly string[], b: readonly string[]): string[] => [...a, ...b.filter((id) => !a.includes(id))];

export const reportsHref = (runIds: readonly string[]): string => `#/reports/runs/${runIds.map(encodeURIComponent).join(',')}`;

/** The Reports view: recent runs and the other views' results to choose from, and the export they make. */
export class ReportsView {
  recent = $state.raw<RunSummary[]>([]);
  error = $state.raw<AppErrorValue | null>(null);
  runs = $state<string[]>(runsInHash(location.hash));
  sections = $state<SectionId[]>([]);
  readonly exporter = new ReportExport();

  async load(): Promise<void> {
    const answer = await api.history.list({ limit: RECENT });
    this.recent = answer.ok ? answer.value.runs : [];
    this.error = answer.ok ? null : answer.error;
  }

  /** Runs chosen in History's list, to add here in one go. */
  get historySelection(): string[] {
    return [...history.selected];
  }

  addHistorySelection(): void {
    this.runs = union(this.runs, this.historySelection);
  }

  toggleRun(id: string, on: boolean): void {
    this.runs = on ? union(this.runs, [id]) : this.runs.filter((run) => run !== id);
  }

  /** What the export is made of now; called whenever a choice changes. */
  sync(): void {
    const chosen = currentSections().filter((entry) => this.sections.includes(entry.id) && entry.section !== null);
    this.exporter.sources = { runIds: [...this.runs], sections: chosen.map((entry) => entry.section!) };
  }
}
