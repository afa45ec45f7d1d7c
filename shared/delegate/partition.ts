/**
 * Partition facts the delegate workbench needs (reference §6, §7). A small local table until the
 * shared region catalog exists; it only answers "which partition is this region / issuer / ARN in".
 */

const PARTITION_PATTERNS: ReadonlyArray<readonly [partition: string, pattern: RegExp]> = [
  ['aws-us-gov', /^us-gov-\w+-\d+$/],
  ['aws-iso-b', /^us-isob-\w+-\d+$/],
  ['aws-iso-f', /^us-isof-\w+-\d+$/],
  ['aws-iso', /^us-iso-\w+-\d+$/],
  ['aws-iso-e', /^eu-isoe-\w+-\d+$/],
  ['aws-eusc', /^eusc-de-\w+-\d+$/],
  ['aws-cn', /^cn-\w+-\d+$/],
  ['aws', /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/],
];

/** The ARN partition of a region name, or null when the name matches no partition's pattern. */
export function partitionOfRegion(region: string): string | null {
  return PARTITION_PATTERNS.find(([, pattern]) => pattern.test(region))?.[0] ?? null;
}

export interface OidcIssuer {
  /** The issuer without `https://`, as IAM uses it in provider ARNs and condition keys. */
  readonly host: string;
  readonly region: string;
  readonly partition: string;
}

/** `https://oidc.eks.<region>.<dns suffix>/id/<ID>`; the region decides the partition. */
const ISSUER = /^https:\/\/(oidc\.eks\.([a-z0-9-]+)\.[a-z0-9.-]+\/id\/[A-Za-z0-9]+)\/?$/;

export function parseOidcIssuer(url: string): OidcIssuer | null {
  const match = ISSUER.exec(url.trim());
  if (!match) return null;
  const [, host = '', region = ''] = match;
  const partition = partitionOfRegion(region);
  return partition ? { host, region, partition } : null;
}

export interface RoleArn {
  readonly partition: string;
  readonly accountId: string;
  readonly roleName: string;
}

/** Role names may carry a path (`role/service-role/x`); the name is the last segment. */
const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc):iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64}))$/;

export function parseRoleArn(arn: string): RoleArn | null {
  const match = ROLE_ARN.exec(arn.trim());
  if (!match) return null;
  const [, partition = '', accountId = '', , roleName = ''] = match;
  return { partition, accountId, roleName };
}
