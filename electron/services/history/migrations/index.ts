import type { Migration } from '../migration';
import { runsTable } from './0001-runs';
import { connectorsTable } from './0002-connectors';
import { checksTables } from './0003-checks';
import { resultsAndSettings } from './0004-results-settings';
import { interruptedRuns } from './0005-interrupted-runs';
import { filterIndexes } from './0006-filter-indexes';

/** Every schema step, in order. A new step is a new file and one entry here; shipped steps never change. */
export const migrations: readonly Migration[] = [
  runsTable,
  connectorsTable,
  checksTables,
  resultsAndSettings,
  interruptedRuns,
  filterIndexes,
];
