import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import type { AppErrorValue, ErrorClass } from '../../../shared/errors';
import type { HistoryQuery, RunSummary } from '../../../shared/history/schema';
import type { ChannelArgs } from '../../../shared/ipc/contract';
import { api } from '../lib/api';
import { LatestCall } from '../lib/latest-call.svelte';

export type RunStatus = RunSummary['status'];
export type RunSort = HistoryQuery['sort'];

/** The list's filters as the form holds them; an empty value means "any". */
export interface HistoryFilters {
  search: string;
  connector: string;
  kind: '' | RunSummary['kind'];
  status: RunStatus[];
  errorClass: '' | ErrorClass;
  region: string;
  /** Local days (`2026-12-03`), both inclusive. */
  from: string;
  to: string;
  source: '' | 'local' | 'imported';
}

const NO_FILTERS: HistoryFilters = {
  search: '',
  connector: '',
  kind: '',
  status: [],
  errorClass: '',
  region: '',
  from: '',
  to: '',
  source: '',
};

/** Rows per database read: a few screens, so scrolling rarely waits and no read is large. */
const PAGE = 200;
const SEARCH_PAUSE_MS = 250;
/** How long a deleted run can be brought back before it is deleted for good. */
export const UNDO_MS = 6000;

/** The start of a local day as an instant, so "from 3 Dec" means the user's 3 Dec, not UTC's. */
function localDay(day: string, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

interface PendingDelete {
  readonly ids: readonly string[];
  readonly timer: ReturnType<typeof setTimeout>;
}

/**
 * History's list as the app keeps it while the user moves between pages and views: the query, the
 * pages read from the database so far (never the whole table), the selection, and the runs whose
 * delete waits out the undo time. Rows being deleted are hidden at once by skipping their positions,
 * so the list reads as if they were gone while the database still has them.
 */
class HistoryStore {
  filters = $state<HistoryFilters>({ ...NO_FILTERS, status: [] });
  sort = $state<RunSort>('startedAt');
  order = $state<'asc' | 'desc'>('desc');
  /** Runs matching the query in the database, those waiting to be deleted included. */
  total = $state(0);
  loaded = $state(false);
  error = $state.raw<AppErrorValue | null>(null);
  readonly selected = new SvelteSet<string>();
  /** Saved connectors, for the connector pickers; a run's connector may have been deleted since. */
  connectors = $state.raw<string[]>([]);
  /** The list's scroll position and focused row, kept so Back from a run returns to the same place. */
  scrollTop = $state(0);
  active = $state(0);

  /**
   * Database positions (ascending) of the hidden rows. A run being deleted that is on no page read so
   * far gets its position when its page arrives.
   */
  #hiddenOffsets = $state.raw<number[]>([]);
  pending = $state.raw<PendingDelete | null>(null);

  readonly #pages = new SvelteMap<number, readonly RunSummary[]>();
  readonly #loading = new Set<number>();
  #hiddenIds = new Set<string>();
  /** Bumped whenever the pages are replaced, so an answer to an older query is dropped. */
  #epoch = 0;
  #range: [number, number] = [0, 0];

  readonly #first = new LatestCall(
    SEARCH_PAUSE_MS,
    async () => {
      const query = this.#query();
      const [start, end] = this.#pageSpan(this.#range);
      const pages = await Promise.all(Array.from({ length: end - start + 1 }, (_, i) => api.history.list(query(start + i))));
      return { start, pages };
    },
    ({ start, pages }) => {
      const failed = pages.find((page) => !page.ok);
      if (failed && !failed.ok) {
        this.error = failed.error;
        return;
      }
      this.#epoch += 1;
      this.#pages.clear();
      this.#loading.clear();
      this.#hiddenOffsets = [];
      pages.forEach((page, i) => page.ok && this.#place(start + i, page.value.runs));
      this.total = pages[0]?.ok ? pages[0].value.total : 0;
      this.error = null;
      this.loaded = true;
    },
  );

  /** Rows the list shows: what matches, less what is being deleted. */
  get count(): number {
    return Math.max(0, this.total - this.#hiddenOffsets.length);
  }

  get filtered(): boolean {
    const f = this.filters;
    return Boolean(f.search.trim() || f.connector || f.kind || f.status.length || f.errorClass || f.region || f.from || f.to || f.source);
  }

  /** The run shown at a position of the list, or undefined while its page is being read. */
  row(index: number): RunSummary | undefined {
    const offset = this.#offsetOf(index);
    return this.#pages.get(Math.floor(offset / PAGE))?.[offset % PAGE];
  }

  /** Reads the pages behind the rows the user can see (and a little around them). */
  show(start: number, end: number): void {
    this.#range = [start, end];
    if (!this.loaded) return;
    const [first, last] = this.#pageSpan(this.#range);
    for (let page = first; page <= last; page += 1) void this.#read(page);
  }

  /** Runs the query again now (a filter or the sort changed) or after a pause in typing (the search). */
  changed(typing = false): void {
    this.commitDelete();
    this.selected.clear();
    this.scrollTop = 0;
    this.active = 0;
    this.#range = [0, 0];
    if (typing) this.#first.schedule();
    else void this.#first.run();
  }

  /** Reads the list (keeping the place, so runs recorded meanwhile appear) and the saved connectors, as History opens. */
  async load(): Promise<void> {
    const [connectors] = await Promise.all([api.connectors.list(), this.#first.run()]);
    if (connectors.ok) this.connectors = connectors.value.connectors.map((connector) => connector.identifier);
  }

  clearFilters(): void {
    this.filters = { ...NO_FILTERS, status: [] };
    this.changed();
  }

  sortBy(column: RunSort): void {
    if (this.sort === column) this.order = this.order === 'asc' ? 'desc' : 'asc';
    else {
      this.sort = column;
      // Time reads newest first; names and words read A to Z.
      this.order = column === 'startedAt' ? 'desc' : 'asc';
    }
    this.changed();
  }

  toggle(id: string, on = !this.selected.has(id)): void {
    if (on) this.selected.add(id);
    else this.selected.delete(id);
  }

  /** The selected runs that are loaded, oldest first: the order a comparison reads them in. */
  selectedRuns(): RunSummary[] {
    const runs = [...this.#pages.values()].flat().filter((run) => this.selected.has(run.id));
    return runs.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  }

  /**
   * Hides the runs at once and deletes them when the undo time is over. One delete waits at a time:
   * a second one makes the first final.
   */
  delete(ids: readonly string[]): void {
    this.commitDelete();
    this.#hiddenIds = new Set(ids);
    this.#hiddenOffsets = [];
    for (const [page, rows] of this.#pages) this.#placeHidden(page, rows);
    for (const id of ids) this.selected.delete(id);
    this.pending = { ids, timer: setTimeout(() => this.commitDelete(), UNDO_MS) };
  }

  undoDelete(): void {
    if (!this.pending) return;
    clearTimeout(this.pending.timer);
    this.pending = null;
    this.#hiddenIds = new Set();
    this.#hiddenOffsets = [];
  }

  /** Deletes what waits to be deleted, then reads the list again (the hidden rows stay hidden until it has). */
  commitDelete(): void {
    const pending = this.pending;
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pending = null;
    void api.history.delete({ runIds: [...pending.ids] }).then((reply) => {
      if (!reply.ok) this.error = reply.error;
      this.#hiddenIds = new Set();
      return this.#first.run();
    });
  }

  /** Reads the list again keeping the place, after something outside it changed the runs (retention). */
  refresh(): Promise<void> {
    return this.#first.run();
  }

  #query(): (page: number) => ChannelArgs<'history.list'> {
    const f = this.filters;
    const base: ChannelArgs<'history.list'> = {
      sort: this.sort,
      order: this.order,
      ...(f.search.trim() ? { search: f.search.trim() } : {}),
      ...(f.connector ? { connector: f.connector } : {}),
      ...(f.kind ? { kind: f.kind } : {}),
      ...(f.status.length ? { status: [...f.status] } : {}),
      ...(f.errorClass ? { errorClass: f.errorClass } : {}),
      ...(f.region ? { region: f.region } : {}),
      ...(f.from ? { since: localDay(f.from) } : {}),
      ...(f.to ? { until: localDay(f.to, 1) } : {}),
      ...(f.source ? { imported: f.source === 'imported' } : {}),
    };
    return (page) => ({ ...base, limit: PAGE, offset: page * PAGE });
  }

  async #read(page: number): Promise<void> {
    if (this.#pages.has(page) || this.#loading.has(page) || page * PAGE >= this.total) return;
    const epoch = this.#epoch;
    this.#loading.add(page);
    const reply = await api.history.list(this.#query()(page));
    if (epoch !== this.#epoch) return;
    this.#loading.delete(page);
    if (!reply.ok) {
      this.error = reply.error;
      return;
    }
    this.total = reply.value.total;
    this.#place(page, reply.value.runs);
  }

  #place(page: number, rows: readonly RunSummary[]): void {
    this.#pages.set(page, rows);
    this.#placeHidden(page, rows);
  }

  /** Hidden ids found in a page get their position, so the rows after them move up. */
  #placeHidden(page: number, rows: readonly RunSummary[]): void {
    if (this.#hiddenIds.size === 0) return;
    const found = rows.flatMap((row, i) => (this.#hiddenIds.has(row.id) ? [page * PAGE + i] : []));
    if (found.length === 0) return;
    this.#hiddenOffsets = [...new Set([...this.#hiddenOffsets, ...found])].sort((a, b) => a - b);
  }

  /** The database position of the list's nth row: n plus the hidden rows at or before it. */
  #offsetOf(index: number): number {
    let offset = index;
    for (const hidden of this.#hiddenOffsets) {
      if (hidden <= offset) offset += 1;
      else break;
    }
    return offset;
  }

  #pageSpan([start, end]: [number, number]): [number, number] {
    return [Math.floor(this.#offsetOf(start) / PAGE), Math.floor(this.#offsetOf(Math.max(start, end)) / PAGE)];
  }
}

export const history = new HistoryStore();
