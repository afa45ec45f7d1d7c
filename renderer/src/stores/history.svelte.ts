import type { AppErrorValue } from '../../../shared/errors';
import type { RunSummary } from '../../../shared/history/schema';
import { api } from '../lib/api';

class HistoryStore {
  runs = $state<RunSummary[]>([]);
  total = $state(0);
  search = $state('');
  error = $state<AppErrorValue | null>(null);

  async load(): Promise<void> {
    const result = await api.history.list({ limit: 200, search: this.search.trim() || undefined });
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    this.error = null;
    this.runs = result.value.runs;
    this.total = result.value.total;
  }
}

export const history = new HistoryStore();
