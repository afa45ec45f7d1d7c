import { z } from 'zod';
import { errorClassSchema } from '../error-schema';

export const trendPointSchema = z.object({
  runId: z.string(),
  startedAt: z.string(),
  /** The region's status in that run. */
  status: z.enum(['pass', 'fail', 'skipped']),
  /** The region's checks together: what the connection test cost there. */
  durationMs: z.number(),
  /** The region's first failing check's class, or null. */
  class: errorClassSchema.nullable(),
});
export type TrendPoint = z.infer<typeof trendPointSchema>;

export const connectorTrendSchema = z.object({
  schemaVersion: z.literal(1),
  connector: z.string(),
  regions: z.array(z.object({ region: z.string(), points: z.array(trendPointSchema) })),
});
export type ConnectorTrend = z.infer<typeof connectorTrendSchema>;

export interface TrendRow extends TrendPoint {
  readonly region: string;
}

/** Rows in time order (oldest first) become one series per region, regions in the order first seen. */
export function trendOf(connector: string, rows: readonly TrendRow[]): ConnectorTrend {
  const series = new Map<string, TrendPoint[]>();
  for (const { region, ...point } of rows) {
    const points = series.get(region) ?? [];
    points.push(point);
    series.set(region, points);
  }
  return { schemaVersion: 1, connector, regions: [...series].map(([region, points]) => ({ region, points })) };
}

/** The failures that followed a pass ("broke on 3 Dec: explicit_deny"): where a trend turned. */
export function breaksOf(points: readonly TrendPoint[]): TrendPoint[] {
  return points.filter((point, index) => point.status === 'fail' && points[index - 1]?.status === 'pass');
}
