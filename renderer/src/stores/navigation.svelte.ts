import { views, type ViewId } from '../views/registry';

/**
 * The current view lives in the URL hash (`#/doctor`), so Back and reload keep the user's place. A
 * view may keep its own place after its id (`#/history/run/<id>`); the first segment picks the view.
 */
function fromHash(): ViewId {
  const id = location.hash.replace(/^#\/?/, '').split('/')[0];
  return views.some((view) => view.id === id) ? (id as ViewId) : views[0].id;
}

class NavigationStore {
  current = $state<ViewId>(fromHash());

  constructor() {
    addEventListener('hashchange', () => (this.current = fromHash()));
  }

  go(id: ViewId): void {
    if (location.hash !== `#/${id}`) location.hash = `#/${id}`;
    this.current = id;
  }
}

export const navigation = new NavigationStore();
