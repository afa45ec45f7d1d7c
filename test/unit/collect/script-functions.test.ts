import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectScriptOptionsSchema } from '../../../shared/collect/schema';
import { collectScript } from '../../../electron/services/collect/generate';
import { tempDir } from '../../helpers/temp-dir';

/**
 * The script's own functions, sourced into bash and fed recorded tool output: its JSON filter, its
 * redaction, its log filter and its reading of the pod checks. They are written for POSIX awk, so
 * each runs under every awk on this machine (mawk as Debian ships it; the one true awk, which macOS's
 * awk descends from, and gawk when installed) and must print the same bytes under each.
 *
 * kubectl exec is served for real by the loopback Kubernetes API over WebSocket (test/integration/
 * collect); the pod checks' parsing is tested here on recorded output as well, because the fixture
 * cannot be a minimal image without getent or the AWS CLI, nor a compromised pod.
 */
const dir = tempDir('awb-collect-fns-');
afterAll(() => dir.remove());
const scriptPath = join(dir.path, 'awb-collect.sh');
writeFileSync(scriptPath, collectScript(collectScriptOptionsSchema.parse({ exec: true }), '0.1.0').script);

const awks = ['mawk', 'original-awk', 'gawk', 'nawk'].flatMap((name) => {
  const path = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  if (!path) return [];
  const bin = join(dir.path, `awk-${name}`);
  mkdirSync(bin);
  symlinkSync(path, join(bin, 'awk'));
  return [{ name, bin }];
});

function call(fn: string, input: string, bin?: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync('bash', ['-c', `source "$1"; WORK=$(mktemp -d); ${fn}`, 'bash', scriptPath], {
    input,
    encoding: 'utf8',
    env: { PATH: `${bin ? `${bin}:` : ''}/usr/bin:/bin`, TMPDIR: dir.path, HOME: dir.path },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Calls under the default awk, and checks every other awk prints the same. */
function everyAwk(fn: string, input: string): { code: number | null; stdout: string; stderr: string } {
  const first = call(fn, input);
  for (const awk of awks) expect({ awk: awk.name, ...call(fn, input, awk.bin) }).toEqual({ awk: awk.name, ...first });
  return first;
}

const recorded = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
/** kubectl prints -o json with four-space indentation, as JSON.stringify does here. */
const kubectlJson = (value: unknown) => `${JSON.stringify(value, null, 4)}\n`;

const podList = {
  apiVersion: 'v1',
  kind: 'List',
  items: [
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'harness-delegate-0',
        annotations: {
          'eks.amazonaws.com/skip-containers': 'sidecar',
          'kubectl.kubernetes.io/last-applied-configuration': '{"env":[{"name":"PROXY_PASSWORD","value":"hunter2hunter2"}]}',
        },
        managedFields: [{ manager: 'kubectl', fieldsV1: { 'f:spec': {} } }],
      },
      spec: {
        serviceAccountName: 'harness-delegate',
        containers: [
          {
            name: 'delegate',
            image: 'harness/delegate:24.07.83605',
            env: [
              { name: 'AWS_ROLE_ARN', value: 'arn:aws:iam::111111111111:role/R' },
              { name: 'PROXY_PASSWORD', value: 'hunter2hunter2' },
              { name: 'HTTPS_PROXY', value: 'http://user:hunter2hunter2@proxy.corp:3128/path' },
              { name: 'DELEGATE_TOKEN', valueFrom: { secretKeyRef: { name: 'token', key: 'DELEGATE_TOKEN' } } },
              { name: 'DELEGATE_TAGS', value: 'a, "quoted" \\ tag é\u2028' },
              { name: 'RETRIES', value: 3 },
            ],
            args: ['--token', 'hunter2hunter2'],
          },
        ],
        volumes: [],
      },
      status: { phase: 'Running', containerStatuses: [{ name: 'delegate', restartCount: 4, ready: false }] },
    },
  ],
};

const POD_RULES = '"$R_PODS"';

describe('the collect script’s JSON filter', () => {
  it('keeps the listed fields, env names, and values only on the allow-list', () => {
    const { code, stdout } = everyAwk(`json_keep ${POD_RULES} "$WORK/flat" && cat "$WORK/flat" >&2`, kubectlJson(podList));
    expect(code).toBe(0);
    const kept = JSON.parse(stdout) as typeof podList;
    const pod = kept.items[0]!;
    expect(pod.metadata).toEqual({ name: 'harness-delegate-0', annotations: { 'eks.amazonaws.com/skip-containers': 'sidecar' } });
    expect(pod.spec.containers[0]!.env).toEqual([
      { name: 'AWS_ROLE_ARN', value: 'arn:aws:iam::111111111111:role/R' },
      { name: 'PROXY_PASSWORD', value: '[not collected]' },
      { name: 'HTTPS_PROXY', value: 'proxy.corp:3128' },
      { name: 'DELEGATE_TOKEN', valueFrom: { secretKeyRef: { name: 'token', key: 'DELEGATE_TOKEN' } } },
      { name: 'DELEGATE_TAGS', value: 'a, "quoted" \\ tag é\u2028' },
      { name: 'RETRIES', value: '[not collected]' },
    ]);
    expect(pod.spec.containers[0]).not.toHaveProperty('args');
    expect(pod.status).toEqual({ phase: 'Running', containerStatuses: [{ name: 'delegate', restartCount: 4, ready: false }] });
    expect(stdout).not.toContain('hunter2');
  });

  it('writes the names it reads next as path and value', () => {
    const { stdout } = call(`json_keep ${POD_RULES} "$WORK/flat" >/dev/null; cat "$WORK/flat"`, kubectlJson(podList));
    expect(stdout.split('\n')).toEqual(
      expect.arrayContaining([
        'items.0.metadata.name\tharness-delegate-0',
        'items.0.spec.containers.0.env.0.value\tarn:aws:iam::111111111111:role/R',
      ]),
    );
  });

  it.each([
    ['not JSON', 'error: You must be logged in to the server (Unauthorized)\n'],
    ['cut off', '{\n    "items": [\n        {\n'],
    ['a bare string', '"just text"\n'],
    ['two documents', '{}\n{}\n'],
    ['a raw control character', '{"kind": "a\u0001b"}\n'],
    ['an invalid escape', '{"kind": "a\\qb"}\n'],
  ])('refuses output that is %s, and writes nothing', (_, input) => {
    expect(everyAwk(`json_keep ${POD_RULES} ''`, input)).toMatchObject({ code: 3, stdout: '' });
  });

  it('refuses output larger than it keeps', () => {
    const big = kubectlJson({
      kind: 'List',
      items: Array.from({ length: 4000 }, (_, i) => ({ kind: 'Pod', metadata: { name: `pod-${i}-${'a-'.repeat(100)}` } })),
    });
    expect(call(`json_keep ${POD_RULES} ''`, big)).toMatchObject({ code: 4, stdout: '' });
  });
});

describe('the collect script’s redaction', () => {
  const secret40 = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARYKEY1';
  const jwt = 'eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJpc3MiOiJodHRwczovL29pZGMuZWtzIn0.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJl';
  const lines = [
    `AWS credentials: AWS_SECRET_ACCESS_KEY=${secret40}`,
    `sts web identity token ${jwt} rejected`,
    'aws proxy http://delegate:Pr0xyPassw0rd@proxy.corp:3128 used',
    'connector DELEGATE_TOKEN=b5e6d3c1a2f4e5d6c7b8a9f0e1d2c3b4 registered',
    'connector token stored as YjVlNmQzYzFhMmY0ZTVkNmM3YjhhOWYwZTFkMmMzYjQ=',
    `aws {"accessKeyId":"AKIAIOSFODNN7EXAMPLE","secretAccessKey":"${secret40}"}`,
    'aws Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240514/us-east-1/sts/aws4_request',
    `aws session AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjE${'A'.repeat(200)}`,
    "credential password: 'hunter2hunter2' Bearer abcdefghijklmnop",
    'aws issuer https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE role arn:aws:iam::111111111111:role/HarnessDelegateIrsa',
    'heartbeat sent',
  ];

  it('removes each kind of secret from log lines and keeps what diagnoses', () => {
    const { stdout } = everyAwk('log_lines', `${lines.join('\n')}\n`);
    const kept = JSON.parse(stdout) as string[];
    expect(kept).toEqual([
      'AWS credentials: AWS_SECRET_ACCESS_KEY=[redacted secret]',
      'sts web identity token [redacted token] rejected',
      'aws proxy http://delegate:[redacted]@proxy.corp:3128 used',
      'connector DELEGATE_TOKEN=[redacted token] registered',
      'connector token stored as [redacted secret]',
      'aws {"accessKeyId":"AKIAIOSFODNN7EXAMPLE","secretAccessKey":"[redacted secret]"}',
      'aws Authorization: [redacted]',
      // A long base64 run takes the key with it, as the app's own redaction does.
      'aws session AWS_SESSION_[redacted session token]',
      "credential password: '[redacted]' Bearer [redacted]",
      'aws issuer https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE role arn:aws:iam::111111111111:role/HarnessDelegateIrsa',
    ]);
  });

  it('keeps only the last lines it allows, each cut at a space', () => {
    const many = Array.from({ length: 300 }, (_, i) => `aws line ${i} ${'word '.repeat(450)}`).join('\n');
    const kept = JSON.parse(everyAwk('log_lines', many).stdout) as string[];
    expect(kept).toHaveLength(200);
    expect(kept[0]).toMatch(/^aws line 100 word/);
    expect(kept[0]).toMatch(/ \[cut: \d+ more characters\]$/);
    expect(kept[0]!.length).toBeLessThan(2100);
  });

  it('makes any text one valid JSON string', () => {
    const text = 'quote " backslash \\ tab \t bell \u0007 DEL \u007f é\nsecond line';
    expect(JSON.parse(everyAwk('json_text', text).stdout)).toBe('quote " backslash \\ tab \t bell  DEL  é\nsecond line');
  });
});

describe('the pod checks, read from recorded kubectl exec output', () => {
  it('a delegate image with the AWS CLI, an expired token and no TCP path to STS', () => {
    const { code, stdout } = everyAwk('pod_checks', recorded('pod-checks-delegate-image.txt'));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      tokenFile: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token',
      tokenReadable: true,
      claims: {
        iss: 'https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE',
        sub: 'system:serviceaccount:harness-delegate-ng:harness-delegate',
        aud: 'sts.amazonaws.com',
        exp: 1715682000,
        iat: 1715595600,
      },
      reachability: [
        { host: 'sts.us-east-1.amazonaws.com', dns: 'ok', tcp: 'fail' },
        { host: 'ec2.us-east-1.amazonaws.com', dns: 'ok', tcp: 'ok' },
      ],
      awsCli: 'present',
      callerIdentityExitCode: 254,
      callerIdentity: null,
      callerIdentityError: expect.stringContaining('(ExpiredTokenException) when calling the AssumeRoleWithWebIdentity operation'),
    });
  });

  it('a minimal image without getent, bash, timeout or the AWS CLI, and no token file', () => {
    const parsed = JSON.parse(everyAwk('pod_checks', recorded('pod-checks-minimal-image.txt')).stdout) as Record<string, unknown>;
    expect(parsed).toMatchObject({
      tokenReadable: false,
      claims: null,
      awsCli: 'missing',
      callerIdentityExitCode: null,
      callerIdentity: null,
    });
    expect(parsed.reachability).toContainEqual({ host: 'sts.us-east-1.amazonaws.com', dns: 'unknown', tcp: 'unknown' });
  });

  it('a compromised pod cannot break the JSON or smuggle a secret into it', () => {
    const { code, stdout } = everyAwk('pod_checks', recorded('pod-checks-hostile.txt'));
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as Record<string, unknown>;
    expect(parsed).toMatchObject({
      tokenFile: '/var/run/x";',
      tokenReadable: null,
      claims: null,
      reachability: [{ host: 'ec2.us-east-1.amazonaws.com', dns: '', tcp: 'ok' }],
      callerIdentity: { Account: '111111111111', Arn: 'arn:aws:iam::111111111111:user/x', UserId: 'AIDAEXAMPLE' },
    });
    expect(stdout).not.toContain('CANARYKEY');
  });
});
