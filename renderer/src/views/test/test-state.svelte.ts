import { newRunId } from '../../../../shared/run-id';
import type { CheckName, CheckResult, RegionResult, RunResult } from '../../../../shared/aws-test/result';
import { CHECK_NAMES } from '../../../../shared/aws-test/result';
import type { AppErrorValue } from '../../../../shared/errors';
import type { ConnectorSummary } from '../../../../shared/connector/saved';
import type { PreflightResult } from '../../../../shared/network/result';
import { partitionOfRegion, regionsOfPartition, REGIONS } from '../../../../shared/regions';
import { api } from '../../lib/api';

export type RegionChoice = 'test' | 'commercial' | 'gov' | 'cn' | 'all' | 'reported' | 'list';

/** One cell of the matrix: a check's result, or `null` while it has not run yet. */
export interface Cell {
  readonly region: string;
  readonly name: CheckName;
  readonly check: CheckResult | null;
}

/** The cell of a region's row for one check, whether or not the check has run. */
export function cellOf(row: RegionResult, name: CheckName): Cell {
  return { region: row.region, name, check: row.checks.find((c) => c.name === name) ?? null };
}

function pending(region: string): RegionResult {
  return { region, partition: partitionOfRegion(region) ?? 'unknown', status: 'skipped', identity: null, checks: [] };
}

/** The Test view: which connector and regions, the run in flight, the matrix as it fills, the open cell. */
export class TestState {
  connectors = $state.raw<ConnectorSummary[]>([]);
  connectorId = $state('');
  choice = $state<RegionChoice>('test');
  regionList = $state('');
  concurrency = $state(8);
  endpointUrl = $state('');
  timeoutMs = $state(10_000);

  runId = $state<string | null>(null);
  rows = $state.raw<RegionResult[]>([]);
  completed = $state(0);
  total = $state(0);
  result = $state.raw<RunResult | null>(null);
  error = $state.raw<AppErrorValue | null>(null);
  selected = $state.raw<Cell | null>(null);
  preflight = $state.raw<PreflightResult | null>(null);
  preflightRunning = $state(false);

  get running(): boolean {
    return this.runId !== null;
  }

  get connector(): ConnectorSummary | undefined {
    return this.connectors.find((c) => c.identifier === this.connectorId);
  }

  async load(): Promise<void> {
    const result = await api.connectors.list();
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    this.connectors = result.value.connectors;
    if (!this.connectorId && this.connectors[0]) this.connectorId = this.connectors[0].identifier;
  }

  /** The regions the run will cover, so the matrix shows every row from the start. */
  plannedRegions(): string[] {
    const testRegion = this.connector?.testRegion ?? 'us-east-1';
    switch (this.choice) {
      case 'test':
        return [testRegion];
      case 'commercial':
        return regionsOfPartition('aws').map((r) => r.code);
      case 'gov':
        return regionsOfPartition('aws-us-gov').map((r) => r.code);
      case 'cn':
        return regionsOfPartition('aws-cn').map((r) => r.code);
      case 'all':
        return REGIONS.map((r) => r.code);
      case 'reported':
        return []; // known once the account answers; rows arrive with the progress events
      case 'list': {
        const list = this.regionList.split(/[\s,]+/).filter(Boolean);
        return list.filter((region, i) => list.indexOf(region) === i);
      }
    }
  }

  private options() {
    return { ...(this.endpointUrl.trim() ? { endpointUrl: this.endpointUrl.trim() } : {}), timeoutMs: this.timeoutMs };
  }

  async run(): Promise<void> {
    if (!this.connectorId || this.running) return;
    const runId = newRunId();
    const regions = this.plannedRegions();
    this.runId = runId;
    this.result = null;
    this.error = null;
    this.selected = null;
    this.completed = 0;
    this.total = regions.length;
    this.rows = regions.map(pending);
    const channel = this.choice === 'test' ? 'test.run' : 'sweep.run';
    const unsubscribe = api.onProgress(channel, (event) => {
      if (event.runId !== runId) return;
      const known = this.rows.some((row) => row.region === event.region.region);
      this.rows = known ? this.rows.map((row) => (row.region === event.region.region ? event.region : row)) : [...this.rows, event.region];
      this.completed = event.completed;
      this.total = event.total;
    });
    try {
      const args = { connectorIdentifier: this.connectorId, runId, options: this.options() };
      const reply =
        this.choice === 'test'
          ? await api.test.run(args)
          : await api.sweep.run({
              ...args,
              sweep: { regions: this.choice === 'list' ? regions : this.choice, concurrency: this.concurrency },
            });
      if (reply.ok) {
        this.result = reply.value;
        this.rows = reply.value.regions;
      } else {
        this.error = reply.error;
        this.rows = [];
      }
    } finally {
      unsubscribe();
      this.runId = null;
    }
  }

  async cancel(): Promise<void> {
    if (this.runId) await api.test.cancel({ runId: this.runId });
  }

  async runPreflight(): Promise<void> {
    this.preflightRunning = true;
    const regions = this.plannedRegions();
    const reply = await api.preflight.run({
      connectorIdentifier: this.connectorId || undefined,
      regions: this.choice === 'test' || this.choice === 'list' ? regions : this.choice,
      ...(this.endpointUrl.trim() ? { endpointUrl: this.endpointUrl.trim() } : {}),
    });
    this.preflightRunning = false;
    if (reply.ok) this.preflight = reply.value;
    else this.error = reply.error;
  }

  cell(row: RegionResult, name: CheckName): Cell {
    return cellOf(row, name);
  }
}

/** What RunResults shows: a run under way in the Test view, or a recorded one on its History page. */
export type RunView = Pick<TestState, 'rows' | 'running' | 'completed' | 'total' | 'result' | 'connector' | 'selected' | 'cell'>;

export { CHECK_NAMES };
