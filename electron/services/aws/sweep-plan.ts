import type { ParsedSweepOptions } from '../../../shared/aws-test/input';
import { AppError } from '../../../shared/errors';
import { isKnownRegion, partitionOfRegion, REGIONS, regionsOfPartition, type CatalogPartition } from '../../../shared/regions';

const PRESET_PARTITION: Record<'commercial' | 'gov' | 'cn', CatalogPartition> = { commercial: 'aws', gov: 'aws-us-gov', cn: 'aws-cn' };

/**
 * The region codes a sweep covers: a preset from the catalog, or the user's list (deduplicated, order
 * kept). `reported` is decided during the run, once the account can be asked.
 */
export function planRegions(regions: ParsedSweepOptions['regions']): string[] | 'reported' {
  if (regions === 'reported') return 'reported';
  if (regions === 'all') return REGIONS.map((r) => r.code);
  if (typeof regions === 'string') return regionsOfPartition(PRESET_PARTITION[regions]).map((r) => r.code);
  const unknown = regions.filter((code) => !isKnownRegion(code) && partitionOfRegion(code) === null);
  if (unknown.length) {
    throw new AppError(
      'invalid_input',
      `Not AWS regions: ${unknown.join(', ')}.`,
      'Use region codes such as us-east-1, us-gov-west-1 or cn-north-1.',
    );
  }
  return [...new Set(regions)];
}

/**
 * Credentials work in one partition only, so a sweep starts in the partition of the Test Region
 * when the list covers it (else the first listed region's) and decides on the others afterwards.
 */
export function homePartition(testRegion: string, regions: readonly string[]): string {
  const test = partitionOfRegion(testRegion);
  if (test && regions.some((r) => partitionOfRegion(r) === test)) return test;
  return partitionOfRegion(regions[0] ?? testRegion) ?? 'aws';
}
