/**
 * IRSA through a delegate, no cross-account: the connector other tests edit (comments added, a
 * selector removed, a GovCloud role added) to see what the import, the export and the doctor make of it.
 */
export const IRSA = `connector:
  name: eks irsa
  identifier: eks_irsa
  type: Aws
  spec:
    credential:
      type: Irsa
      spec: null
      region: us-east-1
    delegateSelectors:
      - eks-irsa-delegate
    executeOnDelegate: true
`;

/**
 * Every example shape of reference §2 as Harness writes connector YAML (block style), plus the
 * shapes the reference names around them (OIDC with session tags, backoff overrides, the UI's
 * `proxy: false`, null blocks, tags without values). The round-trip test exports each one back.
 */
export const SHAPES: Record<string, string> = {
  'access key plain text + secret ref, via delegate with tags, GovCloud test region': `connector:
  name: aws gov
  identifier: aws_gov
  orgIdentifier: default
  projectIdentifier: proj
  type: Aws
  spec:
    credential:
      type: ManualConfig
      spec:
        accessKey: AKIAIOSFODNN7EXAMPLE
        secretKeyRef: account.aws_secret
      region: us-gov-west-1
    delegateSelectors:
      - gov-delegate
    executeOnDelegate: true
`,
  'access key both encrypted, through Harness Platform': `connector:
  name: aws platform
  identifier: aws_platform
  type: Aws
  spec:
    credential:
      type: ManualConfig
      spec:
        accessKeyRef: org.aws_ak
        secretKeyRef: org.aws_sk
    executeOnDelegate: false
`,
  'IRSA + cross-account': IRSA.replace(
    '      region: us-east-1\n',
    '      region: us-east-1\n      crossAccountAccess:\n        crossAccountRoleArn: arn:aws:iam::222222222222:role/Deploy\n        externalId: abc123\n',
  ),
  'inherit from delegate (UI mock: spec null, crossAccountAccess null)': `connector:
  name: inherit
  identifier: inherit
  description: ""
  tags: {}
  type: Aws
  spec:
    credential:
      type: InheritFromDelegate
      spec: null
      crossAccountAccess: null
    delegateSelectors:
      - d1
    executeOnDelegate: true
`,
  OIDC: `connector:
  name: oidc
  identifier: oidc
  type: Aws
  spec:
    credential:
      type: OidcAuthentication
      spec:
        iamRoleArn: arn:aws:iam::111111111111:role/HarnessOIDC
      region: us-east-1
`,
  'OIDC with session tag keys, cross-account and a China test region': `connector:
  name: oidc cn
  identifier: oidc_cn
  type: Aws
  spec:
    credential:
      type: OidcAuthentication
      spec:
        iamRoleArn: arn:aws-cn:iam::111111111111:role/HarnessOIDC
        oidcSessionTagKeys:
          - account_id
          - pipeline_id
      crossAccountAccess:
        crossAccountRoleArn: arn:aws-cn:iam::222222222222:role/Target
        externalId: null
      region: cn-northwest-1
    delegateSelectors: []
    executeOnDelegate: false
`,
  'full UI payload: description, tags with and without values, session token, proxy, backoff': `connector:
  name: AWS Prod
  identifier: AWS_Prod
  description: Production account, keys rotated monthly
  orgIdentifier: default
  projectIdentifier: payments
  tags:
    team: platform
    prod: ""
    app.kubernetes.io/name: workbench
  type: Aws
  spec:
    credential:
      type: ManualConfig
      spec:
        accessKey: ASIAIOSFODNN7EXAMPLE
        secretKeyRef: aws_sk
        sessionTokenRef: account.aws_session-token
      crossAccountAccess: null
      region: eu-west-1
    delegateSelectors:
      - primary
      - eu
    executeOnDelegate: true
    awsSdkClientBackOffStrategyOverride:
      type: EqualJitterBackoffStrategy
      spec:
        baseDelay: 100
        maxBackoffTime: 10000
        retryCount: 5
    proxy: false
`,
  'fixed delay backoff and an unknown newer field kept as is': `connector:
  name: fixed
  identifier: fixed
  type: Aws
  spec:
    credential:
      type: ManualConfig
      spec:
        accessKeyRef: ak
        secretKeyRef: sk
      region: ap-southeast-7
    executeOnDelegate: true
    awsSdkClientBackOffStrategyOverride:
      type: FixedDelayBackoffStrategy
      spec:
        fixedBackoff: 200
        retryCount: 3
    ignoreTestConnection: false
    proxyUrl: http://proxy.internal:3128
`,
};
