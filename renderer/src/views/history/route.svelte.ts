/**
 * Where the user is inside History, kept in the hash after the view's id, so a run or a comparison
 * can be linked and Back steps through what was opened:
 * `#/history`, `#/history/run/<id>`, `#/history/compare/<later>` (with the run before it),
 * `#/history/compare/<earlier>/<later>`, `#/history/trend/<connector>`.
 */
export type HistoryRoute =
  | { readonly page: 'list' }
  | { readonly page: 'run'; readonly runId: string }
  | { readonly page: 'compare'; readonly b: string; readonly a: string | undefined }
  | { readonly page: 'trend'; readonly connector: string | undefined };

const ROOT = '#/history';

export function parseRoute(hash: string): HistoryRoute {
  const [view, page, ...rest] = hash
    .replace(/^#\/?/, '')
    .split('/')
    .map((part) => decodeURIComponent(part));
  if (view !== 'history') return { page: 'list' };
  if (page === 'run' && rest[0]) return { page: 'run', runId: rest[0] };
  if (page === 'compare' && rest.length === 1 && rest[0]) return { page: 'compare', a: undefined, b: rest[0] };
  if (page === 'compare' && rest[0] && rest[1]) return { page: 'compare', a: rest[0], b: rest[1] };
  if (page === 'trend') return { page: 'trend', connector: rest[0] || undefined };
  return { page: 'list' };
}

const part = encodeURIComponent;

/** The hash of each page, for links (so Enter, middle-click and Back all work) and for moving on after an action. */
export const href = {
  list: (): string => ROOT,
  run: (runId: string): string => `${ROOT}/run/${part(runId)}`,
  /** `a` the earlier run; without it, the run of the same connector before `b`. */
  compare: (b: string, a?: string): string => (a ? `${ROOT}/compare/${part(a)}/${part(b)}` : `${ROOT}/compare/${part(b)}`),
  trend: (connector?: string | null): string => (connector ? `${ROOT}/trend/${part(connector)}` : `${ROOT}/trend`),
};

class HistoryRouteStore {
  current = $state<HistoryRoute>(parseRoute(location.hash));
  /** The page before this one, or null on the first: the list takes focus back to a row only on a return. */
  previous = $state<HistoryRoute | null>(null);

  constructor() {
    addEventListener('hashchange', () => {
      this.previous = this.current;
      this.current = parseRoute(location.hash);
    });
  }

  go(hash: string): void {
    location.hash = hash;
  }

  /** For a page that no longer exists (a deleted run): Back should not lead to it again. */
  replace(hash: string): void {
    location.replace(hash);
  }
}

export const historyRoute = new HistoryRouteStore();
