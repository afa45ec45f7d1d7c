import type { SDK_PARTITIONS } from './generated-catalog';

/**
 * What the AWS SDK's partition data (generated-catalog.ts) does not tell, kept by hand, each fact
 * with its source. A partition the SDK adds fails the type check here until it has its facts.
 */

type SdkPartitionId = (typeof SDK_PARTITIONS)[number]['id'];

interface PartitionFacts {
  readonly displayName: string;
  /**
   * Air-gapped: the partition's endpoints resolve only inside its own classified network, so this
   * app reaches it only through an endpoint URL (AWS Secret and Top Secret Regions,
   * aws.amazon.com/federal/secret-cloud and …/top-secret-cloud; ISO-E and ISO-F by their private DNS
   * suffixes [U]). The European Sovereign Cloud is a separate partition on public endpoints.
   */
  readonly isolated: boolean;
}

/** In display order: pickers and region groups list partitions in the order of these keys. */
export const PARTITION_FACTS = {
  aws: { displayName: 'AWS (commercial)', isolated: false },
  'aws-us-gov': { displayName: 'AWS GovCloud (US)', isolated: false },
  'aws-cn': { displayName: 'AWS China', isolated: false },
  'aws-eusc': { displayName: 'AWS European Sovereign Cloud', isolated: false },
  'aws-iso': { displayName: 'AWS ISO (US)', isolated: true },
  'aws-iso-b': { displayName: 'AWS ISOB (US)', isolated: true },
  'aws-iso-e': { displayName: 'AWS ISOE (Europe)', isolated: true },
  'aws-iso-f': { displayName: 'AWS ISOF (US)', isolated: true },
} as const satisfies Record<SdkPartitionId, PartitionFacts>;

/**
 * Commercial regions enabled in every account. All others, and every commercial region AWS adds,
 * launched after 2019-03-20 and are opt-in until the account enables them (AWS Account Management
 * guide, "Enable or disable AWS Regions in your account"). Only `aws` has opt-in regions.
 */
export const DEFAULT_ENABLED_REGIONS: ReadonlySet<string> = new Set([
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'eu-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-north-1',
  'sa-east-1',
]);

/**
 * Regions listed first in their partition, in this order, as Harness's Test Region list has them
 * (the four US regions, GovCloud West before East); the others follow in the SDK's order.
 */
export const LEADING_REGIONS: readonly string[] = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'us-gov-west-1'];

/** Commercial regions with published `sts-fips` / `ec2-fips` hosts (AWS FIPS endpoints list, aws.amazon.com/compliance/fips). */
export const COMMERCIAL_STS_FIPS: ReadonlySet<string> = new Set(['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2']);
export const COMMERCIAL_EC2_FIPS: ReadonlySet<string> = new Set([
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'ca-west-1',
]);
