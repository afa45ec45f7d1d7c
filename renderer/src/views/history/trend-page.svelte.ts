import type { AppErrorValue } from '../../../../shared/errors';
import { breaksOf, type ConnectorTrend, type TrendPoint } from '../../../../shared/history/trend';
import { api } from '../../lib/api';

export interface RegionTrend {
  readonly region: string;
  readonly points: readonly TrendPoint[];
  /** Failures that followed a pass, newest first: where the region turned. */
  readonly breaks: readonly TrendPoint[];
}

/** Rounds a chart's top up to a number that reads well on an axis: 1, 2 or 5 times a power of ten. */
function niceCeiling(value: number): number {
  if (value <= 0) return 100;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

/** A connector's latency and outcomes per region over its newest runs, for small multiples on one scale. */
export class TrendPageState {
  trend = $state.raw<ConnectorTrend | null>(null);
  error = $state.raw<AppErrorValue | null>(null);
  runs = $state(200);
  view = $state<'charts' | 'table'>('charts');

  constructor(readonly connector: string | undefined) {}

  async load(): Promise<void> {
    if (!this.connector) return;
    const reply = await api.history.trend({ connector: this.connector, runs: this.runs });
    if (reply.ok) {
      this.trend = reply.value;
      this.error = null;
    } else this.error = reply.error;
  }

  get regions(): RegionTrend[] {
    return (this.trend?.regions ?? []).map(({ region, points }) => ({ region, points, breaks: breaksOf(points).reverse() }));
  }

  /**
   * One time span and one latency scale for every chart, so regions compare at a glance: a taller
   * line is a slower region, and the same day sits at the same place in each.
   */
  get scale(): { from: number; to: number; maxMs: number } {
    const points = (this.trend?.regions ?? []).flatMap((region) => region.points);
    const times = points.map((point) => Date.parse(point.startedAt));
    return {
      from: Math.min(...times),
      to: Math.max(...times),
      maxMs: niceCeiling(Math.max(0, ...points.map((point) => point.durationMs))),
    };
  }
}
