import type { CatalogPartition } from '../../shared/regions';

/** An AWS account as the endpoint sees it: which opt-in regions it enabled and what guards it. */
export interface AccountSpec {
  readonly id: string;
  readonly enabledOptInRegions?: readonly string[];
  /** Regions where the account deactivated its regional STS endpoint. */
  readonly stsDisabledRegions?: readonly string[];
  /** Regions an organization SCP denies for every action but global ones (the usual region guardrail). */
  readonly scpDeniedRegions?: readonly string[];
  /** IAM OIDC identity providers registered in the account: issuer URL and allowed audiences. */
  readonly oidcProviders?: ReadonlyArray<{ readonly url: string; readonly clientIds: readonly string[] }>;
}

/** An IAM user's access key, or temporary credentials issued earlier (ASIA… with a session token). */
export interface PrincipalSpec {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiresAt?: Date;
  /** `arn:<partition>:iam::<account>:user/<name>` or an assumed-role session ARN; its partition and account count. */
  readonly arn: string;
  readonly userId: string;
  /** Actions the identity policy allows: `ec2:DescribeRegions`, `sts:AssumeRole`, `ec2:*`, `*`. */
  readonly allow: readonly string[];
}

export interface WebIdentityTrust {
  /** Issuer without `https://`, as the trust policy's condition keys write it. */
  readonly issuer: string;
  /** The `:sub` condition; a trailing `*` matches like StringLike. */
  readonly sub: string;
  readonly aud: string;
}

export interface RoleSpec {
  readonly arn: string;
  /** The role's unique id (`AROA…`). */
  readonly roleId: string;
  readonly allow: readonly string[];
  readonly trust: {
    /** Trusted principal ARNs; `arn:<p>:iam::<account>:root` trusts the whole account. */
    readonly principals?: readonly string[];
    readonly externalId?: string;
    readonly webIdentity?: WebIdentityTrust;
  };
  readonly maxSessionDuration?: number;
}

/** Faults injected per region, so a sweep meets slow, hung, failing and throttling regions. */
export interface RegionFault {
  readonly latencyMs?: number;
  /** Accept the request and never answer. */
  readonly hang?: boolean;
  /** Answer this many requests with a 5xx before behaving. */
  readonly serverErrors?: number;
  /** Answer this many requests with the service's throttling error before behaving. */
  readonly throttles?: number;
}

export interface EndpointConfig {
  readonly accounts: readonly AccountSpec[];
  readonly principals: readonly PrincipalSpec[];
  readonly roles?: readonly RoleSpec[];
  readonly faults?: Readonly<Record<string, RegionFault>>;
  /** The server's clock; tests skew it to provoke clock-skew errors for any client. */
  readonly now?: () => Date;
  /** Region for unsigned requests (AssumeRoleWithWebIdentity) that name none in the path. */
  readonly defaultRegion?: string;
  /** EKS clusters DescribeCluster knows. */
  readonly clusters?: readonly EksClusterSpec[];
}

export interface EksClusterSpec {
  readonly name: string;
  readonly account: string;
  readonly region: string;
  readonly version: string;
  /** `https://oidc.eks.<region>.amazonaws.com/id/<ID>` */
  readonly issuer: string;
}

export type Service = 'sts' | 'ec2' | 'iam' | 'eks';

export interface RequestRecord {
  readonly service: Service;
  readonly region: string;
  readonly action: string;
  readonly accessKeyId: string | null;
  readonly status: number;
  readonly code: string | null;
}

/** What the endpoint knows about the caller once the signature checks out. */
export interface Caller {
  readonly principal: PrincipalSpec;
  readonly account: string;
  readonly partition: CatalogPartition;
  /** For assumed-role sessions, the role ARN trust policies match against. */
  readonly trustArn: string;
}

export class EndpointError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly type: 'Sender' | 'Receiver' = 'Sender',
  ) {
    super(message);
  }
}
