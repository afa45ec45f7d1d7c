import Database from 'better-sqlite3';

/**
 * A second connection to a history file, for fixture rows a test or bench cannot make through the
 * app: runs spread over days, 100k rows at once, a run marked imported. The app's own connection
 * always comes from the composition root; this one is for setting the scene beside it.
 */
export function withHistoryFile<T>(path: string, work: (db: Database.Database) => T): T {
  const db = new Database(path);
  try {
    return work(db);
  } finally {
    db.close();
  }
}
