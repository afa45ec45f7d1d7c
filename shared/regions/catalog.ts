import { SDK_PARTITIONS } from './generated-catalog';
import { COMMERCIAL_EC2_FIPS, COMMERCIAL_STS_FIPS, DEFAULT_ENABLED_REGIONS, LEADING_REGIONS } from './overlay';
import { PARTITIONS, PARTITION_IDS, type PartitionId } from './partitions';

/**
 * Every region of every partition the installed AWS SDK knows (generated-catalog.ts, reference §7),
 * with the endpoints a connection test and a firewall allowlist need. This is the one catalog; the
 * wizard, the sweep and the preflight read it.
 */

export interface RegionEndpoints {
  readonly sts: string;
  /** `null` where AWS publishes no FIPS endpoint for the service in the region. */
  readonly stsFips: string | null;
  readonly ec2: string;
  readonly ec2Fips: string | null;
}

export interface RegionInfo {
  readonly code: string;
  readonly name: string;
  readonly partition: PartitionId;
  /** Launched after 2019-03-20: disabled until an account enables it (`account:EnableRegion`). */
  readonly optIn: boolean;
  readonly endpoints: RegionEndpoints;
}

function endpointsFor(code: string, partition: PartitionId): RegionEndpoints {
  const host = (service: string) => `${service}.${code}.${PARTITIONS[partition].dnsSuffix}`;
  switch (partition) {
    case 'aws':
      return {
        sts: host('sts'),
        stsFips: COMMERCIAL_STS_FIPS.has(code) ? host('sts-fips') : null,
        ec2: host('ec2'),
        ec2Fips: COMMERCIAL_EC2_FIPS.has(code) ? host('ec2-fips') : null,
      };
    case 'aws-us-gov':
      // GovCloud's standard STS and EC2 endpoints are themselves FIPS 140 validated; the SDK's FIPS variant resolves to the same host.
      return { sts: host('sts'), stsFips: host('sts'), ec2: host('ec2'), ec2Fips: host('ec2') };
    default:
      // No FIPS host is published for China; for the others the reference knows none.
      return { sts: host('sts'), stsFips: null, ec2: host('ec2'), ec2Fips: null };
  }
}

function leadingFirst(a: string, b: string): number {
  const rank = (code: string) => (LEADING_REGIONS.includes(code) ? LEADING_REGIONS.indexOf(code) : LEADING_REGIONS.length);
  return rank(a) - rank(b);
}

function regionsOf(partition: PartitionId): RegionInfo[] {
  const rows = SDK_PARTITIONS.find((sdk) => sdk.id === partition)?.regions ?? [];
  return [...rows]
    .sort(([a], [b]) => leadingFirst(a, b))
    .map(([code, name]) =>
      Object.freeze({
        code,
        name,
        partition,
        optIn: partition === 'aws' && !DEFAULT_ENABLED_REGIONS.has(code),
        endpoints: Object.freeze(endpointsFor(code, partition)),
      }),
    );
}

/** Every catalog region, partitions in display order. */
export const ALL_REGIONS: readonly RegionInfo[] = Object.freeze(PARTITION_IDS.flatMap(regionsOf));

/** The partitions of `REGIONS`. */
export type CatalogPartition = Extract<PartitionId, 'aws' | 'aws-us-gov' | 'aws-cn'>;
const SWEPT: ReadonlySet<PartitionId> = new Set<CatalogPartition>(['aws', 'aws-us-gov', 'aws-cn']);

/**
 * The regions of the commercial, GovCloud and China partitions: what a sweep over "all regions"
 * covers, as it always has. The European Sovereign Cloud and the ISO partitions are in
 * `ALL_REGIONS` (Test Regions, look-ups, pickers) but a sweep names them only when asked to.
 */
export const REGIONS: readonly RegionInfo[] = Object.freeze(ALL_REGIONS.filter((region) => SWEPT.has(region.partition)));

/** Harness's default Test Region when none is set (the backend falls back to it). */
export const DEFAULT_TEST_REGION = 'us-east-1';

const BY_CODE = new Map(ALL_REGIONS.map((region) => [region.code, region]));

export function findRegion(code: string): RegionInfo | undefined {
  return BY_CODE.get(code);
}

export function isKnownRegion(code: string): boolean {
  return BY_CODE.has(code);
}

export function regionsOfPartition(partition: PartitionId): RegionInfo[] {
  return ALL_REGIONS.filter((region) => region.partition === partition);
}

export interface RegionGroup {
  readonly partition: PartitionId;
  readonly label: string;
  readonly regions: readonly RegionInfo[];
}

/**
 * Regions grouped for a picker, by partition in display order (commercial, GovCloud, China, then the
 * others), optionally filtered by a search over code, display name and partition name (case- and
 * accent-insensitive, every word must match).
 */
export function groupRegions(search = ''): RegionGroup[] {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(search).split(/\s+/).filter(Boolean);
  const matches = (region: RegionInfo) => {
    const haystack = fold(`${region.code} ${region.name} ${PARTITIONS[region.partition].displayName}`);
    return words.every((word) => haystack.includes(word));
  };
  return PARTITION_IDS.map((partition) => ({
    partition,
    label: PARTITIONS[partition].displayName,
    regions: regionsOfPartition(partition).filter(matches),
  })).filter((group) => group.regions.length > 0);
}
