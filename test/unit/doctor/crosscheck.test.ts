import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../electron/services/doctor/diagnose';
import { IRSA } from '../connector/shapes';

const delegateYaml = readFileSync(new URL('../../fixtures/delegate/harness-delegate.yaml', import.meta.url), 'utf8');
const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';

function trustPolicy(sub: string, partition = 'aws', issuer = ISSUER): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:${partition}:iam::111122223333:oidc-provider/${issuer}` },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${issuer}:aud`]: 'sts.amazonaws.com', [`${issuer}:sub`]: sub } },
        },
      ],
    },
    null,
    2,
  );
}

const deniedLog = `2024-05-14 10:22:31 ERROR AwsValidationHandler - connector test failed
Explanation: WebIdentityErr: failed to retrieve credentials
caused by: AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity
	status code: 403, request id: 4a8524d5-fc0e-46ff-9000-fd823d1b8661`;

describe('doctor cross-checks', () => {
  it('detects each input kind', async () => {
    const result = await diagnose([
      { name: 'log', text: deniedLog },
      { name: 'connector.yaml', text: IRSA },
      { name: 'delegate.yaml', text: delegateYaml },
      { name: 'trust.json', text: trustPolicy('system:serviceaccount:harness-delegate-ng:default') },
      {
        name: 'policy.json',
        text: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:DescribeRegions', Resource: '*' }] }),
      },
      { name: 'err', text: 'ExpiredToken: The provided token has expired.' },
      {
        name: 'values.yaml',
        text: 'delegateName: eks-delegate\naccountId: abc123\ndelegateToken: PUT_YOUR_TOKEN\nserviceAccount:\n  annotations: {}\n',
      },
    ]);
    expect(result.inputs.map((i) => i.kind)).toEqual([
      'log',
      'connector_yaml',
      'delegate_yaml',
      'trust_policy',
      'iam_policy',
      'error_message',
      'delegate_yaml',
    ]);
  });

  it('explains a trust denial by the :sub that does not name the delegate’s service account', async () => {
    const trust = trustPolicy('system:serviceaccount:harness-delegate-ng:harness-irsa');
    const result = await diagnose([
      { name: 'log', text: deniedLog },
      { name: 'delegate.yaml', text: delegateYaml },
      { name: 'trust.json', text: trust },
    ]);
    const [first] = result.findings;
    expect(first?.class).toBe('web_identity_trust_denied');
    expect(first?.explanation).toMatch(/system:serviceaccount:harness-delegate-ng:default/);
    expect(first?.evidence.some((e) => e.input === 0 && /AssumeRoleWithWebIdentity/.test(e.text))).toBe(true);
    expect(first?.evidence.some((e) => e.input === 2 && e.text === 'system:serviceaccount:harness-delegate-ng:harness-irsa')).toBe(true);
    expect(first?.fix[0]).toMatch(/system:serviceaccount:harness-delegate-ng:default/);
  });

  it('flags a trust :aud that is not the audience of the delegate token', async () => {
    const trust = trustPolicy('system:serviceaccount:harness-delegate-ng:default').replace('"sts.amazonaws.com"', '"sts.amazonaws.com.cn"');
    const result = await diagnose([
      { name: 'delegate.yaml', text: delegateYaml },
      { name: 'trust.json', text: trust },
    ]);
    const finding = result.findings.find((f) => f.class === 'web_identity_trust_denied');
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toMatch(/the delegate's token carries sts\.amazonaws\.com \(the EKS default\)/);
    expect(finding?.evidence[0]?.text).toBe('sts.amazonaws.com.cn');
  });

  it('accepts a trust policy whose StringLike :sub covers the namespace', async () => {
    const result = await diagnose([
      { name: 'delegate.yaml', text: delegateYaml },
      { name: 'trust.json', text: trustPolicy('system:serviceaccount:harness-delegate-ng:*').replace('StringEquals', 'StringLike') },
    ]);
    expect(result.findings.filter((f) => f.class === 'web_identity_trust_denied')).toEqual([]);
  });

  it('flags a China issuer trusted through an aws-partition provider ARN', async () => {
    const issuer = 'oidc.eks.cn-north-1.amazonaws.com.cn/id/ABCDEF0123456789';
    const result = await diagnose([
      { name: 'trust.json', text: trustPolicy('system:serviceaccount:harness-delegate-ng:default', 'aws', issuer) },
    ]);
    const finding = result.findings.find((f) => f.class === 'partition_mismatch');
    expect(finding?.explanation).toMatch(/aws-cn/);
  });

  it('flags a GovCloud cross-account role tested in the default commercial region', async () => {
    const connector = IRSA.replace(
      '      region: us-east-1\n',
      '      crossAccountAccess:\n        crossAccountRoleArn: arn:aws-us-gov:iam::123456789012:role/Deploy\n',
    );
    const result = await diagnose([
      { name: 'error', text: 'InvalidClientTokenId: The security token included in the request is invalid.' },
      { name: 'connector.yaml', text: connector },
    ]);
    const [first] = result.findings;
    expect(first?.class).toBe('partition_mismatch');
    expect(first?.evidence.some((e) => e.input === 1 && e.text.includes('arn:aws-us-gov:iam::123456789012:role/Deploy'))).toBe(true);
  });

  it('reports Harness connector rules: IRSA without delegate selectors', async () => {
    const result = await diagnose([
      { name: 'connector.yaml', text: IRSA.replace('    delegateSelectors:\n      - eks-irsa-delegate\n', '') },
    ]);
    const finding = result.findings.find((f) => f.class === 'connector_misconfigured');
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toMatch(/Delegate Selector cannot be null/);
  });

  it('reports Harness connector rules: IRSA through the Harness Platform', async () => {
    const result = await diagnose([{ name: 'connector.yaml', text: IRSA.replace('executeOnDelegate: true', 'executeOnDelegate: false') }]);
    const finding = result.findings.find((f) => f.class === 'connector_misconfigured' && /Harness Platform/.test(f.explanation));
    expect(finding?.severity).toBe('error');
    expect(finding?.evidence[0]?.text).toContain('executeOnDelegate: false');
  });

  it('says the delegate service account lacks the role annotation when IRSA is wanted', async () => {
    const result = await diagnose([
      { name: 'connector.yaml', text: IRSA },
      { name: 'delegate.yaml', text: delegateYaml },
    ]);
    expect(result.findings.map((f) => f.class)).toContain('irsa_misconfigured');
  });

  it('measures clock skew from the signing and server times in the message', async () => {
    const text =
      'InvalidSignatureException: Signature expired: 20140325T143453Z is now earlier than 20140325T143751Z (20140325T145251Z - 15 min.)';
    const [first] = (await diagnose([{ name: 'err', text }])).findings;
    expect(first?.class).toBe('clock_skew');
    expect(first?.explanation).toMatch(/about 18 minutes behind/);
  });

  it('decodes the account from an access key in any input', async () => {
    const result = await diagnose([
      {
        name: 'env',
        text: 'AWS_ACCESS_KEY_ID=ASIAY34FZKBOKMUTVV7A\nUnrecognizedClientException: The security token included in the request is invalid.',
      },
    ]);
    expect(result.findings[0]?.class).toBe('missing_session_token');
    const info = result.findings.find((f) => f.class === 'access_key_info');
    expect(info?.title).toMatch(/temporary, account 609629065308/);
    expect(info?.title).not.toContain('ASIAY34FZKBOKMUTVV7A');
  });

  it('says which facts would decide an ambiguous message', async () => {
    const [first] = (
      await diagnose([
        {
          name: 'err',
          text: 'An error occurred (AuthFailure) when calling the DescribeInstances operation: AWS was not able to validate the provided access credentials',
        },
      ])
    ).findings;
    expect(first?.class).toBe('invalid_access_key_id');
    expect(first?.alternatives.map((a) => a.class)).toContain('missing_session_token');
    expect(first?.decidingFacts.join(' ')).toMatch(/ASIA/);
  });
});

describe('awb report input', () => {
  it('reads an awb test result: its recorded class and region decide', async () => {
    const report = {
      schemaVersion: 1,
      runId: 'r1',
      kind: 'test',
      connector: { identifier: 'aws_gov', credentialType: 'ManualConfig', testRegion: 'us-gov-west-1', crossAccount: false },
      status: 'fail',
      cancelled: false,
      startedAt: '2026-01-01T00:00:00Z',
      durationMs: 800,
      regions: [
        {
          region: 'us-gov-west-1',
          partition: 'aws-us-gov',
          status: 'fail',
          identity: null,
          checks: [
            {
              name: 'sts_get_caller_identity',
              status: 'fail',
              durationMs: 300,
              requestId: 'x',
              error: {
                code: 'InvalidClientTokenId',
                message: 'The security token included in the request is invalid.',
                class: 'partition_mismatch',
                fix: 'Use GovCloud keys.',
              },
            },
          ],
        },
      ],
      findings: [],
    };
    const result = await diagnose([{ name: 'run.json', text: JSON.stringify(report, null, 2) }]);
    expect(result.inputs[0]?.kind).toBe('awb_report');
    expect(result.findings[0]?.class).toBe('partition_mismatch');
  });
});

describe('clock skew from request and response times', () => {
  it('compares X-Amz-Date with the response Date header', async () => {
    const text =
      'POST / HTTP/1.1\nX-Amz-Date: 20240101T100000Z\n\nHTTP/1.1 403 Forbidden\nDate: Mon, 01 Jan 2024 10:42:00 GMT\n<Code>SignatureDoesNotMatch</Code>';
    const finding = (await diagnose([{ name: 'wire', text }])).findings.find((f) => f.class === 'clock_skew');
    expect(finding?.explanation).toMatch(/42 minutes apart/);
  });

  it('reads S3 RequestTime and ServerTime', async () => {
    const text =
      '<Error><Code>RequestTimeTooSkewed</Code><RequestTime>20240101T100000Z</RequestTime><ServerTime>2024-01-01T13:00:00Z</ServerTime></Error>';
    const [first] = (await diagnose([{ name: 's3', text }])).findings;
    expect(first?.class).toBe('clock_skew');
    expect(first?.explanation).toMatch(/3 hours behind/);
  });
});

describe('policies sent to the doctor are evaluated', () => {
  it('names the statement of a sent policy that denies the connector test', async () => {
    const policy = JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'ReadS3', Effect: 'Allow', Action: 's3:Get*', Resource: '*' },
          { Sid: 'NoEc2', Effect: 'Deny', Action: 'ec2:*', Resource: '*' },
        ],
      },
      null,
      2,
    );
    const log =
      'An error occurred (UnauthorizedOperation) when calling the DescribeRegions operation: You are not authorized to perform this operation.';
    const result = await diagnose([
      { name: 'err', text: log },
      { name: 'harness-policy.json', text: policy },
    ]);
    const finding = result.findings.find((f) => f.class === 'explicit_deny');
    expect(finding?.explanation).toMatch(/statement NoEc2/);
    expect(finding?.evidence.some((e) => e.input === 1 && e.text === '"NoEc2"')).toBe(true);
  });

  it('evaluates the action an error names against a policy that lacks it', async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'ec2:DescribeRegions', Resource: '*' }],
    });
    const log =
      'User: arn:aws:iam::123456789012:user/h is not authorized to perform: ecr:GetAuthorizationToken on resource: * because no identity-based policy allows the ecr:GetAuthorizationToken action';
    const [first] = (
      await diagnose([
        { name: 'err', text: log },
        { name: 'p.json', text: policy },
      ])
    ).findings;
    expect(first?.class).toBe('permission_denied');
    expect(first?.explanation).toMatch(/ecr:GetAuthorizationToken/);
    expect(first?.explanation).toMatch(/no statement in the identity policies allows/);
  });
});
