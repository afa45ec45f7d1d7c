/**
 * AWS partitions as the AWS SDK's partitions.json describes them (reference §7). Accounts and
 * credentials are partition-scoped, which is why so many checks in the app start here.
 */
export const PARTITION_IDS = ['aws', 'aws-us-gov', 'aws-cn', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'] as const;
export type PartitionId = (typeof PARTITION_IDS)[number];

export interface PartitionInfo {
  readonly id: PartitionId;
  readonly displayName: string;
  readonly dnsSuffix: string;
  /** `null` where the partition has no public dual-stack suffix in the reference. */
  readonly dualStackDnsSuffix: string | null;
  readonly regionRegex: RegExp;
  /** Where global endpoints of the partition are served (signing region for global calls). */
  readonly implicitGlobalRegion: string;
}

export const PARTITIONS: Readonly<Record<PartitionId, PartitionInfo>> = {
  aws: {
    id: 'aws',
    displayName: 'AWS (commercial)',
    dnsSuffix: 'amazonaws.com',
    dualStackDnsSuffix: 'api.aws',
    regionRegex: /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/,
    implicitGlobalRegion: 'us-east-1',
  },
  'aws-us-gov': {
    id: 'aws-us-gov',
    displayName: 'AWS GovCloud (US)',
    dnsSuffix: 'amazonaws.com',
    dualStackDnsSuffix: 'api.aws',
    regionRegex: /^us-gov-\w+-\d+$/,
    implicitGlobalRegion: 'us-gov-west-1',
  },
  'aws-cn': {
    id: 'aws-cn',
    displayName: 'AWS China',
    dnsSuffix: 'amazonaws.com.cn',
    dualStackDnsSuffix: 'api.amazonwebservices.com.cn',
    regionRegex: /^cn-\w+-\d+$/,
    implicitGlobalRegion: 'cn-northwest-1',
  },
  'aws-iso': {
    id: 'aws-iso',
    displayName: 'AWS ISO (US)',
    dnsSuffix: 'c2s.ic.gov',
    dualStackDnsSuffix: null,
    regionRegex: /^us-iso-\w+-\d+$/,
    implicitGlobalRegion: 'us-iso-east-1',
  },
  'aws-iso-b': {
    id: 'aws-iso-b',
    displayName: 'AWS ISOB (US)',
    dnsSuffix: 'sc2s.sgov.gov',
    dualStackDnsSuffix: null,
    regionRegex: /^us-isob-\w+-\d+$/,
    implicitGlobalRegion: 'us-isob-east-1',
  },
  'aws-iso-e': {
    id: 'aws-iso-e',
    displayName: 'AWS ISOE (Europe)',
    dnsSuffix: 'cloud.adc-e.uk',
    dualStackDnsSuffix: null,
    regionRegex: /^eu-isoe-\w+-\d+$/,
    implicitGlobalRegion: 'eu-isoe-west-1',
  },
  'aws-iso-f': {
    id: 'aws-iso-f',
    displayName: 'AWS ISOF (US)',
    dnsSuffix: 'csp.hci.ic.gov',
    dualStackDnsSuffix: null,
    regionRegex: /^us-isof-\w+-\d+$/,
    implicitGlobalRegion: 'us-isof-south-1',
  },
  'aws-eusc': {
    id: 'aws-eusc',
    displayName: 'AWS European Sovereign Cloud',
    dnsSuffix: 'amazonaws.eu',
    dualStackDnsSuffix: null,
    regionRegex: /^eusc-(de)-\w+-\d+$/,
    implicitGlobalRegion: 'eusc-de-east-1',
  },
};

export function isPartitionId(value: string): value is PartitionId {
  return (PARTITION_IDS as readonly string[]).includes(value);
}

/**
 * The partition a region code belongs to, by the SDK's region patterns, or `null` when it fits none.
 * Order matters: `us-gov-…` and `us-iso…` would also match the commercial `us-…` pattern, so the
 * specific partitions are tried first, exactly as the SDK's resolver does.
 */
export function partitionOfRegion(region: string): PartitionId | null {
  const specificFirst = PARTITION_IDS.filter((id) => id !== 'aws');
  for (const id of specificFirst) if (PARTITIONS[id].regionRegex.test(region)) return id;
  return PARTITIONS.aws.regionRegex.test(region) ? 'aws' : null;
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
