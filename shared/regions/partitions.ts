import { SDK_PARTITIONS } from './generated-catalog';
import { PARTITION_FACTS } from './overlay';

/**
 * AWS partitions as the AWS SDK's partition data describes them (generated-catalog.ts, reference §7),
 * with what the SDK does not tell from overlay.ts. Accounts and credentials are partition-scoped,
 * which is why so many checks in the app start here.
 */
export type PartitionId = keyof typeof PARTITION_FACTS;

/** In display order: commercial, GovCloud, China, the European Sovereign Cloud, then the ISO partitions. */
export const PARTITION_IDS = Object.keys(PARTITION_FACTS) as readonly PartitionId[];

export interface PartitionInfo {
  readonly id: PartitionId;
  readonly displayName: string;
  readonly dnsSuffix: string;
  readonly dualStackDnsSuffix: string;
  readonly regionRegex: RegExp;
  /** Where global endpoints of the partition are served (signing region for global calls). */
  readonly implicitGlobalRegion: string;
  /** Reachable only from inside its own network; see overlay.ts. */
  readonly isolated: boolean;
}

export const PARTITIONS: Readonly<Record<PartitionId, PartitionInfo>> = Object.fromEntries(
  SDK_PARTITIONS.map((sdk) => [
    sdk.id,
    Object.freeze({
      id: sdk.id,
      ...PARTITION_FACTS[sdk.id],
      dnsSuffix: sdk.dnsSuffix,
      dualStackDnsSuffix: sdk.dualStackDnsSuffix,
      // The SDK's own pattern from its checked-in data, never text a user typed.
      regionRegex: new RegExp(sdk.regionRegex),
      implicitGlobalRegion: sdk.implicitGlobalRegion,
    }),
  ]),
) as Record<PartitionId, PartitionInfo>;

export function isPartitionId(value: string): value is PartitionId {
  return (PARTITION_IDS as readonly string[]).includes(value);
}

const LISTED = new Map<string, PartitionId>(
  SDK_PARTITIONS.flatMap((sdk) => sdk.regions.map(([code]): [string, PartitionId] => [code, sdk.id])),
);

/**
 * The partition a region code belongs to, or `null` when it fits none. As the SDK's resolver does: a
 * region its data lists belongs to that partition; any other to the partition whose pattern it fits.
 */
export function partitionOfRegion(region: string): PartitionId | null {
  return LISTED.get(region) ?? PARTITION_IDS.find((id) => PARTITIONS[id].regionRegex.test(region)) ?? null;
}

/** The partition segment of an ARN (`arn:<partition>:…`), or `null` when it is not an ARN of a known partition. */
export function partitionOfArn(arn: string): PartitionId | null {
  const match = /^arn:([a-z-]+):/.exec(arn.trim());
  const segment = match?.[1];
  return segment !== undefined && isPartitionId(segment) ? segment : null;
}

export function dnsSuffixOf(partition: PartitionId): string {
  return PARTITIONS[partition].dnsSuffix;
}

/** The DNS suffix for a region's endpoints, or `null` for a region in no known partition. */
export function dnsSuffixOfRegion(region: string): string | null {
  const partition = partitionOfRegion(region);
  return partition ? dnsSuffixOf(partition) : null;
}

/** The global STS endpoint host; only the commercial partition has one, the others use a regional endpoint. */
export function globalStsHost(partition: PartitionId): string | null {
  return partition === 'aws' ? 'sts.amazonaws.com' : null;
}
