import { PARTITION_IDS, dnsSuffixOf, partitionOfRegion, type PartitionId } from '../regions';

/** What IRSA needs to know about a cluster's issuer, role ARNs and partitions (reference §6, §7). */

export interface OidcIssuer {
  /** The issuer without `https://`, as IAM uses it in provider ARNs and condition keys. */
  readonly host: string;
  readonly region: string;
  readonly partition: PartitionId;
}

/** `https://oidc.eks.<region>.<dns suffix>/id/<ID>`; the region decides the partition and its DNS suffix. */
const ISSUER = /^https:\/\/(oidc\.eks\.([a-z0-9-]+)\.([a-z0-9.-]+)\/id\/[A-Za-z0-9]+)\/?$/;

export function parseOidcIssuer(url: string): OidcIssuer | null {
  const match = ISSUER.exec(url.trim());
  if (!match) return null;
  const [, host = '', region = '', suffix = ''] = match;
  const partition = partitionOfRegion(region);
  // A China cluster's issuer ends in amazonaws.com.cn; the same region under another suffix is a typo.
  return partition && dnsSuffixOf(partition) === suffix ? { host, region, partition } : null;
}

export interface RoleArn {
  readonly partition: PartitionId;
  readonly accountId: string;
  readonly roleName: string;
}

/** Role names may carry a path (`role/service-role/x`); the name is the last segment. */
const ROLE_ARN = new RegExp(`^arn:(${PARTITION_IDS.join('|')}):iam::(\\d{12}):role/((?:[\\w+=,.@-]+/)*([\\w+=,.@-]{1,64}))$`);

export function parseRoleArn(arn: string): RoleArn | null {
  const match = ROLE_ARN.exec(arn.trim());
  if (!match) return null;
  const [, partition = '', accountId = '', , roleName = ''] = match;
  return { partition: partition as PartitionId, accountId, roleName };
}
