import type { CheckResult, RegionResult, RunResult } from '../../../shared/aws-test/result';
import type { DoctorResult } from '../../../shared/doctor/schema';
import type { RunDetail } from '../../../shared/history/detail';
import type { PolicyCheckResult } from '../../../shared/policy/schema';
import { REGIONS } from '../../../shared/regions';
import type { DelegateSection, PolicySection } from '../../../shared/report/schema';

/** Report inputs shaped like real ones: the unit tests, the bench and the screenshots share them. */

export const ACCOUNT = '123456789012';
export const OTHER_ACCOUNT = '210987654321';
export const ROLE_ARN = `arn:aws:iam::${OTHER_ACCOUNT}:role/harness-deploy`;
export const ASSUMED = `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/harness-deploy/awb-session`;

const check = (name: CheckResult['name'], durationMs: number, error: CheckResult['error'] = null): CheckResult => ({
  name,
  status: error ? 'fail' : 'pass',
  durationMs,
  requestId: error ? null : `4b7f${durationMs}a1-9c2e-4d5b-8f10-2a6c${durationMs}e7d0b1`,
  error,
});

const skipped = (name: CheckResult['name']): CheckResult => ({ name, status: 'skipped', durationMs: 0, requestId: null, error: null });

const NOT_ENABLED = {
  code: 'InvalidClientTokenId',
  class: 'region_not_enabled' as const,
  message: 'The security token included in the request is invalid.',
  fix: 'Enable the region for the account (Account settings → AWS Regions), or remove it from the sweep; opt-in regions reject tokens until enabled.',
};

function region(code: string, partition: string, index: number, failed: boolean): RegionResult {
  const base = 40 + ((index * 37) % 90);
  const identity = { account: OTHER_ACCOUNT, arn: ASSUMED, userId: 'AROAEXAMPLEROLEID1234:awb-session' };
  const checks = failed
    ? [
        check('resolve_credentials', 2),
        check('sts_get_caller_identity', base + 200, NOT_ENABLED),
        skipped('sts_assume_role'),
        skipped('ec2_describe_regions'),
      ]
    : [
        check('resolve_credentials', 2),
        check('sts_get_caller_identity', base),
        check('sts_assume_role', base + 60),
        check('ec2_describe_regions', base + 35),
      ];
  return { region: code, partition, status: failed ? 'fail' : 'pass', identity: failed ? null : identity, checks };
}

/** A sweep of the 36 commercial regions in which two opt-in regions are not enabled. */
export function sweepResult(regionCount = 36, runId = '0f8c2d6e-5b1a-4c3e-9d7f-1a2b3c4d5e6f'): RunResult {
  const regions = REGIONS.filter((r) => r.partition === 'aws')
    .slice(0, regionCount)
    .map((r, i) => region(r.code, r.partition, i, r.code === 'me-south-1' || r.code === 'af-south-1'));
  const failed = regions.some((r) => r.status === 'fail');
  return {
    schemaVersion: 1,
    runId,
    kind: regionCount > 1 ? 'sweep' : 'test',
    connector: { identifier: 'prod_aws_deploy', credentialType: 'ManualConfig', testRegion: 'us-east-1', crossAccount: true },
    status: failed ? 'fail' : 'pass',
    cancelled: false,
    startedAt: '2026-12-03T10:22:05.000Z',
    durationMs: 1840,
    regions,
    findings: failed
      ? [
          {
            class: 'region_not_enabled',
            severity: 'warning',
            title: 'Two opt-in regions are not enabled for the account',
            fix: NOT_ENABLED.fix,
          },
        ]
      : [],
    recording: { status: 'recorded' },
  };
}

export function runDetail(result: RunResult = sweepResult()): RunDetail {
  return {
    result,
    connector: {
      identifier: result.connector.identifier,
      name: 'Prod AWS deploy',
      credentialType: 'ManualConfig',
      testRegion: 'us-east-1',
      crossAccount: true,
      crossAccountRoleArn: ROLE_ARN,
      manual: { accessKey: 'AKIAIOSFODNN7EXAMPLE', secretKeyRef: 'account.prod_aws_secret_key' },
    },
    options: {
      regions: result.regions.map((r) => r.region),
      concurrency: 8,
      timeoutMs: 10000,
      regionTimeoutMs: 20000,
      endpointUrl: null,
      profile: null,
      fips: false,
    },
    appVersion: '0.1.0',
    finishedAt: new Date(Date.parse(result.startedAt) + result.durationMs).toISOString(),
    imported: false,
    importSource: null,
    importedAt: null,
  };
}

export const doctorResult: DoctorResult = {
  schemaVersion: 1,
  inputs: [
    { name: 'delegate.log', kind: 'log', summary: 'Log excerpt or stack trace', chars: 4120, truncated: false },
    {
      name: 'connector.yaml',
      kind: 'connector_yaml',
      summary: 'Harness connector YAML, credential type ManualConfig',
      chars: 512,
      truncated: false,
    },
  ],
  findings: [
    {
      class: 'secret_key_mismatch',
      severity: 'error',
      title: 'The secret access key does not match the access key ID',
      explanation:
        'Matched "SignatureDoesNotMatch" in the delegate log; the connector uses ManualConfig with access key AKIAIOSFODNN7EXAMPLE.',
      evidence: [
        { input: 0, text: 'SignatureDoesNotMatch', start: 19, end: 40 },
        { input: 0, text: 'The request signature we calculated does not match the signature you provided', start: 100, end: 178 },
      ],
      fix: [
        'Re-create the Harness secret used as Secret Key (secretKeyRef) from the original value: no leading or trailing spaces.',
        'Check the Access Key and Secret Key are a pair (same key in IAM).',
        'If in doubt, create a new access key in IAM and update both fields of the connector.',
      ],
      confidence: 0.86,
      decidingFacts: ['Whether the secret was pasted with a trailing newline'],
      alternatives: [{ class: 'invalid_access_key_id', confidence: 0.1 }],
    },
    {
      class: 'access_key_info',
      severity: 'info',
      title: 'Access key AKIA…MPLE: long-term key of an IAM user',
      explanation: `The key belongs to account ${ACCOUNT}.`,
      evidence: [{ input: 1, text: 'AKIAIOSFODNN7EXAMPLE', start: 200, end: 220 }],
      fix: [],
      confidence: 0.97,
      decidingFacts: [],
      alternatives: [],
    },
  ],
};

const policyResult: PolicyCheckResult = {
  results: [
    {
      action: 'ec2:DescribeRegions',
      resource: '*',
      decision: 'allowed',
      reason: 'Allowed by identity policy harness-connector, statement DescribeRegions.',
      policy: 'identity harness-connector',
      statement: 'DescribeRegions',
      useCases: ['describe-regions'],
    },
    {
      action: 'ecr:GetAuthorizationToken',
      resource: '*',
      decision: 'explicit_deny',
      reason: 'Denied by SCP deny-ecr, statement #1: an explicit Deny overrides every Allow.',
      policy: 'scp deny-ecr',
      statement: '#1',
      useCases: ['ecr-pull'],
    },
    {
      action: 'ecr:BatchGetImage',
      resource: '*',
      decision: 'implicit_deny',
      reason: 'No policy allows ecr:BatchGetImage.',
      policy: null,
      statement: null,
      useCases: ['ecr-pull'],
    },
  ],
  lint: [
    {
      severity: 'warning',
      message: 'Resource "*" with ecr actions: scope it to the repositories the pipelines pull.',
      path: 'identity[harness-connector].Statement[1]',
    },
  ],
  summary: { allowed: 1, denied: 2, skipped: 0 },
};

export const policySection: PolicySection = {
  type: 'policy',
  policies: [
    { name: 'harness-connector', kind: 'identity' },
    { name: 'deny-ecr', kind: 'scp' },
  ],
  checked: { useCases: ['describe-regions', 'ecr-pull'], region: 'us-east-1', resource: null, serviceAccount: null },
  result: policyResult,
};

const trust = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: {
          Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE`,
        },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub':
              'system:serviceaccount:harness-delegate-ng:harness-delegate',
          },
        },
      },
    ],
  },
  null,
  2,
);

export const delegateSection: DelegateSection = {
  type: 'delegate',
  mechanism: 'irsa',
  changes: [
    'Adds the eks.amazonaws.com/role-arn annotation to ServiceAccount harness-delegate',
    'Sets serviceAccountName on StatefulSet harness-delegate',
  ],
  problems: [
    {
      code: 'latest-image',
      severity: 'warning',
      message: 'The delegate image uses the latest tag.',
      fix: 'Pin the image to a release tag.',
      line: 42,
    },
  ],
  trustPolicy: { title: 'Trust policy', fileName: 'trust-policy.json', text: trust, needs: [] },
  permissionPolicy: {
    title: 'Permission policy',
    fileName: 'permission-policy.json',
    text: '{\n  "Version": "2012-10-17",\n  "Statement": []\n}',
    needs: [],
  },
  commands: {
    title: 'eksctl commands',
    fileName: 'irsa.sh',
    text: `eksctl create iamserviceaccount --cluster prod --namespace harness-delegate-ng --name harness-delegate \\\n  --role-name harness-delegate --attach-policy-arn arn:aws:iam::${ACCOUNT}:policy/harness-delegate --approve`,
    needs: [],
  },
};
