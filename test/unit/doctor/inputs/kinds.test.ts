import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../electron/services/doctor/diagnose';
import { readInput } from '../../../../electron/services/doctor/detect';
import type { DoctorResult } from '../../../../shared/doctor/schema';

/** Fixtures are published examples; test/fixtures/doctor/inputs/SOURCES.md names each source. */
const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/doctor/inputs/${name}`, import.meta.url), 'utf8');
const read = (name: string) => readInput(0, { name, text: fixture(name) });
const first = (result: DoctorResult) => result.findings[0];
/** Every piece of evidence is the exact text at its offsets, so the view can highlight it. */
function expectEvidenceInPlace(result: DoctorResult, texts: readonly string[]): void {
  for (const finding of result.findings)
    for (const e of finding.evidence) if (!e.text.includes('[redacted')) expect(texts[e.input]?.slice(e.start, e.end)).toBe(e.text);
}

describe('CloudTrail event records', () => {
  it('reads one event: the caller, its partition, the region and the client from the user agent', async () => {
    const input = read('cloudtrail-s3-access-denied.json');
    expect(input.kind).toBe('cloudtrail');
    expect(input.summary).toBe('CloudTrail event records: 1 event, errors AccessDenied');
    const event = input.facts?.kind === 'cloudtrail' ? input.facts.events[0] : undefined;
    expect(event).toMatchObject({
      eventName: 'ListObjects',
      eventSource: 's3.amazonaws.com',
      errorCode: { text: 'AccessDenied' },
      region: 'us-east-1',
      regionPartition: 'aws',
      identityType: 'IAMUser',
      principal: { text: 'arn:aws:iam::107513503799:user/temp-user' },
      principalPartition: 'aws',
      client: 'aws-cli/1.27.74',
      place: 'WSL on a Windows workstation (no instance metadata)',
    });
    const result = await diagnose([{ name: 'event.json', text: fixture('cloudtrail-s3-access-denied.json') }]);
    expect(first(result)?.class).toBe('permission_denied');
    expect(first(result)?.explanation).toMatch(
      /CloudTrail: s3\.amazonaws\.com ListObjects by IAMUser arn:aws:iam::107513503799:user\/temp-user \(aws\)/,
    );
    expect(first(result)?.explanation).toMatch(/with aws-cli\/1\.27\.74 on WSL/);
  });

  it('reads a Records file, errors first, with the session issuer of an assumed role', () => {
    const input = read('cloudtrail-records.json');
    expect(input.kind).toBe('cloudtrail');
    const facts = input.facts?.kind === 'cloudtrail' ? input.facts : null;
    expect(facts?.records).toBe(2);
    expect(facts?.events.map((e) => e.eventName)).toEqual(['PutObject', 'DescribeRegions']);
    expect(facts?.events[0]).toMatchObject({
      identityType: 'AssumedRole',
      issuerArn: 'arn:aws:iam::123456789012:role/RoleToBeAssumed',
      region: 'ap-southeast-2',
      place: 'Amazon Linux (an EC2 instance or EKS node)',
    });
  });

  it('a denied AssumeRoleWithWebIdentity: the trust is refused, the EKS subject and the role asked for are named', async () => {
    const text = fixture('cloudtrail-web-identity-denied.json');
    const result = await diagnose([{ name: 'event.json', text }]);
    expect(result.inputs[0]?.kind).toBe('cloudtrail');
    expect(first(result)?.class).toBe('web_identity_trust_denied');
    expect(first(result)?.explanation).toMatch(/subject system:serviceaccount:harness-delegate-ng:default/);
    expectEvidenceInPlace(result, [text]);
  });

  it('reads `aws cloudtrail lookup-events` output, whose events are nested JSON strings', () => {
    const event = fixture('cloudtrail-web-identity-denied.json');
    const text = JSON.stringify({ Events: [{ EventId: '1', EventName: 'AssumeRoleWithWebIdentity', CloudTrailEvent: event }] }, null, 2);
    const input = readInput(0, { name: 'lookup.json', text });
    expect(input.kind).toBe('cloudtrail');
    expect(input.facts?.kind === 'cloudtrail' ? input.facts.events[0]?.subject : null).toBe(
      'system:serviceaccount:harness-delegate-ng:default',
    );
  });

  it('a CloudTrail JSON too large to parse is still named CloudTrail and read as text', async () => {
    const event = JSON.parse(fixture('cloudtrail-s3-access-denied.json')) as object;
    const text = JSON.stringify({ Records: Array.from({ length: 1500 }, () => event) });
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const result = await diagnose([{ name: 'big.json', text }]);
    expect(result.inputs[0]).toMatchObject({ kind: 'cloudtrail', summary: expect.stringMatching(/could not be read/) });
    expect(first(result)?.class).toBe('permission_denied');
  });
});

describe('kubectl pods', () => {
  it('describe of an IRSA pod: service account, variable names, the token volume; never a secret value', () => {
    const input = read('describe-pod-irsa.txt');
    expect(input.kind).toBe('kubectl_pod');
    const pod = input.facts?.kind === 'kubectl_pod' ? input.facts : null;
    expect(pod).toMatchObject({ format: 'describe', namespace: 'harness-delegate-ng', serviceAccount: { text: 'default' } });
    expect(pod?.env.map((v) => v.name)).toEqual([
      'ACCOUNT_ID',
      'DELEGATE_TOKEN',
      'AWS_STS_REGIONAL_ENDPOINTS',
      'AWS_DEFAULT_REGION',
      'AWS_REGION',
      'AWS_ROLE_ARN',
      'AWS_WEB_IDENTITY_TOKEN_FILE',
    ]);
    expect(pod?.env.find((v) => v.name === 'AWS_ROLE_ARN')?.value).toBe('arn:aws:iam::111122223333:role/harness-delegate-irsa');
    expect(pod?.env.find((v) => v.name === 'DELEGATE_TOKEN')?.value).toBeNull();
    expect(pod?.tokenVolume?.at.text).toBe('aws-iam-token');
  });

  it('a secret set as a plain value in the pod’s environment never reaches the result', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const pod = fixture('describe-pod-no-irsa.txt').replace(
      '      MANAGER_HOST_AND_PORT:',
      `      AWS_ACCESS_KEY_ID:        AKIAIOSFODNN7EXAMPLE\n      AWS_SECRET_ACCESS_KEY:    ${secret}\n      MANAGER_HOST_AND_PORT:`,
    );
    const input = readInput(0, { name: 'pod', text: pod });
    expect(input.facts?.kind === 'kubectl_pod' ? input.facts.env.find((v) => v.name === 'AWS_SECRET_ACCESS_KEY')?.value : 'x').toBeNull();
    const result = await diagnose([{ name: 'pod', text: pod }]);
    expect(result.findings.some((f) => /static keys are set/.test(f.explanation))).toBe(true);
    expect(JSON.stringify(result)).not.toContain(secret);
  });

  it('get pod -o yaml: the audience of the projected token and the service account', () => {
    const input = read('pod-irsa.yaml');
    expect(input.kind).toBe('kubectl_pod');
    const pod = input.facts?.kind === 'kubectl_pod' ? input.facts : null;
    expect(pod).toMatchObject({ format: 'yaml', serviceAccount: { text: 'my-service-account' } });
    expect(pod?.tokenVolume).toMatchObject({ audience: 'sts.amazonaws.com', path: 'token' });
  });

  it('get pod -o json is read from the parsed JSON', () => {
    const manifest = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'ns' },
      spec: { serviceAccountName: 'sa', containers: [{ name: 'c', env: [{ name: 'AWS_ACCESS_KEY_ID', value: 'AKIAIOSFODNN7EXAMPLE' }] }] },
    };
    const input = readInput(0, { name: 'pod.json', text: JSON.stringify(manifest, null, 2) });
    expect(input.kind).toBe('kubectl_pod');
    const pod = input.facts?.kind === 'kubectl_pod' ? input.facts : null;
    expect(pod?.env).toEqual([expect.objectContaining({ name: 'AWS_ACCESS_KEY_ID', value: null })]);
  });

  it('a pod without IRSA or Pod Identity explains a chain that ended at instance metadata', async () => {
    const pod = fixture('describe-pod-no-irsa.txt');
    const log = 'botocore.exceptions.NoCredentialsError: Unable to locate credentials';
    const result = await diagnose([
      { name: 'pod.txt', text: pod },
      { name: 'error', text: log },
    ]);
    expect(first(result)?.class).toBe('no_credentials_found');
    expect(first(result)?.explanation).toMatch(/no AWS_ROLE_ARN or AWS_WEB_IDENTITY_TOKEN_FILE .* falls through to instance metadata/);
    expect(
      first(result)
        ?.evidence.map((e) => e.input)
        .sort(),
    ).toEqual([0, 1]);
    expectEvidenceInPlace(result, [pod, log]);
  });

  it('Pod Identity injected, but CloudTrail shows a client older than the first that reads it', async () => {
    const pod = fixture('describe-pod-no-irsa.txt').replace(
      '    Environment:\n',
      '    Environment:\n      AWS_CONTAINER_CREDENTIALS_FULL_URI: http://169.254.170.23/v1/credentials\n',
    );
    const trail = fixture('cloudtrail-s3-access-denied.json');
    const result = await diagnose([
      { name: 'pod.txt', text: pod },
      { name: 'trail.json', text: trail },
    ]);
    const finding = result.findings.find((f) => f.explanation.includes('EKS Pod Identity injected'));
    expect(finding?.explanation).toMatch(/aws-cli\/1\.27\.74 is older than 1\.30\.0/);
    expect(finding?.fix.join(' ')).toContain('1.30.0 or later');
    expect(new Set(finding?.evidence.map((e) => e.input))).toEqual(new Set([0, 1]));
    expectEvidenceInPlace(result, [pod, trail]);
  });

  it('a pod without IRSA when the delegate YAML annotates its service account: IRSA not injected', async () => {
    const delegate = readFileSync(new URL('../../../fixtures/delegate/harness-delegate.yaml', import.meta.url), 'utf8');
    const annotated = `${delegate}\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\n  namespace: harness-delegate-ng\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/harness-delegate-irsa\n`;
    const result = await diagnose([
      { name: 'pod.txt', text: fixture('describe-pod-no-irsa.txt') },
      { name: 'delegate.yaml', text: annotated },
    ]);
    const finding = result.findings.find((f) => f.class === 'irsa_misconfigured');
    expect(finding?.title).toBe('IRSA is not injected into the pod');
    expect(finding?.explanation).toMatch(/carries eks\.amazonaws\.com\/role-arn: arn:aws:iam::111122223333:role\/harness-delegate-irsa/);
    expect(finding?.evidence.map((e) => e.input).sort()).toEqual([0, 1]);
  });

  it('a trust policy that names another service account than the pod runs as', async () => {
    const issuer = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${issuer}` },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${issuer}:sub`]: 'system:serviceaccount:harness-delegate-ng:harness-irsa' } },
        },
      ],
    });
    const result = await diagnose([
      { name: 'pod.txt', text: fixture('describe-pod-irsa.txt') },
      { name: 'trust.json', text: trust },
    ]);
    const finding = result.findings.find((f) => f.title === 'The trust policy does not trust the pod’s service account');
    expect(finding?.explanation).toMatch(/runs as system:serviceaccount:harness-delegate-ng:default/);
  });
});

describe('a CloudTrail event and the pod together', () => {
  it('the refused web identity is one finding with evidence in both: the error code, the role asked for, the pod’s account and role variable', async () => {
    const event = fixture('cloudtrail-web-identity-denied.json');
    const pod = fixture('describe-pod-irsa.txt');
    const result = await diagnose([
      { name: 'event.json', text: event },
      { name: 'pod.txt', text: pod },
    ]);
    expect(result.inputs.map((i) => i.kind)).toEqual(['cloudtrail', 'kubectl_pod']);
    const finding = first(result);
    expect(finding?.class).toBe('web_identity_trust_denied');
    expect(finding?.explanation).toMatch(/The pod has IRSA injected .* runs as system:serviceaccount:harness-delegate-ng:default/);
    expect(finding?.explanation).toMatch(/CloudTrail's denied call asked for that same role/);
    const shown = finding?.evidence.slice(0, 6) ?? [];
    expect(shown.filter((e) => e.input === 0).map((e) => e.text)).toContain('"errorCode": "AccessDenied"');
    expect(shown.filter((e) => e.input === 1).map((e) => e.text)).toEqual(['default', 'AWS_ROLE_ARN']);
    expectEvidenceInPlace(result, [event, pod]);
  });
});

describe('aws configure list, list-profiles and get-caller-identity', () => {
  it('configure list with nothing set: no credentials, and never a key value', async () => {
    const input = read('configure-list-not-set.txt');
    expect(input.kind).toBe('aws_configure');
    const facts = input.facts?.kind === 'aws_configure' ? input.facts : null;
    expect(facts?.rows.map((r) => [r.name, r.set])).toEqual([
      ['profile', false],
      ['access_key', false],
      ['secret_key', false],
      ['region', false],
    ]);
    const result = await diagnose([{ name: 'list', text: fixture('configure-list-not-set.txt') }]);
    expect(first(result)?.class).toBe('no_credentials_found');
    expect(first(result)?.explanation).toMatch(/aws configure: no access key found in any provider; no region set/);
  });

  it('configure list with a shared credentials file: where the keys came from and the region’s partition', () => {
    const facts = read('configure-list-shared-file.txt').facts;
    const rows = facts?.kind === 'aws_configure' ? facts.rows : [];
    expect(rows.find((r) => r.name === 'access_key')).toMatchObject({ set: true, value: null, type: 'shared-credentials-file' });
    expect(rows.find((r) => r.name === 'region')).toMatchObject({
      value: 'ap-northeast-1',
      type: 'config-file',
      location: '~/.aws/config',
    });
  });

  it('list-profiles: the profile names', () => {
    const facts = read('configure-list-profiles.txt').facts;
    expect(facts?.kind === 'aws_configure' ? facts.profiles.map((p) => p.text) : []).toEqual(['default', 'test-user']);
  });

  it('get-caller-identity: an IAM user in the commercial partition', async () => {
    const input = read('caller-identity-user.json');
    expect(input).toMatchObject({ kind: 'caller_identity', facts: { principal: 'user', account: '123456789012', partition: 'aws' } });
    const result = await diagnose([{ name: 'who', text: fixture('caller-identity-user.json') }]);
    expect(first(result)).toMatchObject({ class: 'input_facts', severity: 'info' });
    expect(first(result)?.explanation).toBe('The credentials belong to an IAM user in account 123456789012, partition aws.');
  });

  it('an assumed role in GovCloud next to a CLI region in the commercial partition: partition mismatch', async () => {
    const identity = fixture('caller-identity-assumed-role.json');
    const list = fixture('configure-list-shared-file.txt');
    expect(readInput(0, { name: 'who', text: identity }).facts).toMatchObject({
      principal: 'assumed-role',
      roleArn: 'arn:aws-us-gov:iam::111122223333:role/harness-deploy',
      session: 'AWSCLI-Session',
    });
    const result = await diagnose([
      { name: 'who', text: identity },
      { name: 'list', text: list },
    ]);
    expect(first(result)?.class).toBe('partition_mismatch');
    expect(first(result)?.explanation).toMatch(
      /arn:aws-us-gov:sts::111122223333:assumed-role\/harness-deploy\/AWSCLI-Session is in aws-us-gov; the CLI's region ap-northeast-1 is in aws/,
    );
    expectEvidenceInPlace(result, [identity, list]);
  });
});

describe('AWS CLI --debug logs', () => {
  it('a chain that found nothing and ended at instance metadata', async () => {
    const input = read('cli-debug-no-credentials.txt');
    expect(input.kind).toBe('aws_cli_debug');
    const facts = input.facts?.kind === 'aws_cli_debug' ? input.facts : null;
    expect(facts?.providersTried.map((p) => p.text)).toEqual([
      'env',
      'assume-role',
      'assume-role-with-web-identity',
      'sso',
      'shared-credentials-file',
      'custom-process',
      'config-file',
      'ec2-credentials-file',
      'boto-config',
      'container-role',
      'iam-role',
    ]);
    expect(facts?.found).toBeNull();
    // The traceback's /Users/… path: a Mac, where instance metadata cannot answer.
    expect(facts?.place).toBe('macOS (a laptop or desktop, no instance metadata)');
    expect(facts?.finalError?.text).toBe('botocore.exceptions.NoCredentialsError: Unable to locate credentials');
    const result = await diagnose([{ name: 'debug.log', text: fixture('cli-debug-no-credentials.txt') }]);
    expect(first(result)?.explanation).toMatch(/the chain tried env, .*, iam-role and found nothing, ending at instance metadata/);
  });

  it('credentials from the shared file, the global STS endpoint and the signing region', async () => {
    const facts = read('cli-debug-shared-file.txt').facts;
    expect(facts).toMatchObject({
      kind: 'aws_cli_debug',
      found: { text: 'Found credentials in shared credentials file: ~/.aws/credentials' },
      endpointHosts: [{ text: 'sts.amazonaws.com' }],
      signingRegion: { text: 'us-east-1' },
      place: 'Amazon Linux (an EC2 instance or EKS node)',
    });
    const result = await diagnose([{ name: 'debug.log', text: fixture('cli-debug-shared-file.txt') }]);
    expect(first(result)?.class).toBe('invalid_access_key_id');
    expect(first(result)?.explanation).toMatch(
      /AWS CLI aws-cli\/2\.15\.58 on Amazon Linux .*; the chain stopped at shared-credentials-file: "Found credentials in shared credentials file: ~\/\.aws\/credentials"; endpoint sts\.amazonaws\.com \(aws\); signed for us-east-1 \(aws\)/,
    );
  });
});

describe('Harness step logs and banners', () => {
  it('a connector-test banner: the hint is shown and the delegate’s missing role is the finding', async () => {
    const input = read('harness-banner-delegate-role.txt');
    expect(input).toMatchObject({ kind: 'harness_log', facts: { form: 'banner' } });
    const result = await diagnose([{ name: 'banner', text: fixture('harness-banner-delegate-role.txt') }]);
    expect(first(result)?.class).toBe('imds_no_instance_role');
    expect(first(result)?.explanation).toMatch(/Harness error banner; Hint: Please ensure that the IAM role is attached/);
  });

  it('a banner that is only the UI’s error title and message', () => {
    const banner =
      'Invalid request: Not authorized to perform sts:AssumeRoleWithWebIdentity (Service: AWSSecurityTokenService; Status Code: 403)';
    expect(readInput(0, { name: 'banner', text: banner })).toMatchObject({ kind: 'harness_log', facts: { form: 'banner' } });
  });

  it('a CI step log (kaniko push to ECR)', () => {
    expect(read('harness-step-kaniko.txt')).toMatchObject({
      kind: 'harness_log',
      facts: { form: 'step_log', exitCode: { text: 'exit status 1' } },
    });
  });

  it('a delegate log stays a log', () => {
    const log =
      '2024-05-14 10:22:31,114 [delegate-task-3] ERROR io.harness.delegate.task.aws.AwsValidationHandler - AWS connector test failed\nHint: Please ensure that the AWS credentials are correct.\nExplanation: The security token included in the request is invalid.\nat x\nat y';
    expect(readInput(0, { name: 'log', text: log }).kind).toBe('log');
  });
});
