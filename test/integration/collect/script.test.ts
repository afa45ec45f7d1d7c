import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectBundleSchema, collectScriptOptionsSchema } from '../../../shared/collect/schema';
import { collectScript } from '../../../electron/services/collect/generate';
import { tempDir } from '../../helpers/temp-dir';
import { findCanaries } from '../canary/leaks';
import { runCollect, TOOLS, type CollectRun } from './harness';

/**
 * The generated script, run for real under bash with the real kubectl and AWS CLI against the
 * loopback Kubernetes API and AWS endpoint, with canary secrets planted in the pod's environment,
 * the Deployment's last-applied configuration, the delegate's log, Secrets, the kubeconfig and the
 * customer's own AWS keys. kubectl exec is served by the fixture over WebSocket (kubectl 1.30+
 * speaks it first to a 1.30+ server), so the pod checks run for real too, under this machine's sh.
 */
const ready = !!TOOLS.kubectl && !!TOOLS.aws && !!TOOLS.openssl;

/** Reads the script may run: tool, verb (and sub-verb), checked against the argv each wrapper recorded. */
function isRead(argv: readonly string[]): boolean {
  const [tool, verb, object] = argv;
  if (tool === 'kubectl') {
    if (verb === 'get') return !/secret/i.test(object ?? '');
    if (verb === 'config') return object === 'view';
    if (verb === 'exec') return argv.includes('--') && argv.at(-3) === 'sh' && argv.at(-2) === '-c';
    return verb === 'version' || verb === 'logs';
  }
  if (tool === 'aws') {
    return ['sts get-caller-identity', 'eks describe-cluster', 'iam get-role', 'iam list-open-id-connect-providers'].includes(
      `${verb} ${object}`,
    );
  }
  return false;
}

describe.skipIf(!ready)('awb-collect.sh against the loopback Kubernetes API and AWS endpoint', { timeout: 90_000 }, () => {
  let run: CollectRun;
  beforeAll(async () => {
    run = await runCollect({ options: { exec: true } });
  }, 90_000);

  it('writes a bundle that validates against the bundle schema, and prints its path last', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n').at(-1)).toBe(run.bundlePath);
    const bundle = collectBundleSchema.parse(JSON.parse(run.bundleText));
    expect(bundle.steps.map((step) => [step.id, step.status])).toEqual([
      ['kubectl.version', 'ok'],
      ['kubectl.context', 'ok'],
      ['k8s.workload', 'ok'],
      ['k8s.pods', 'ok'],
      ['k8s.events', 'ok'],
      ['k8s.serviceaccount', 'ok'],
      ['k8s.clusterrolebindings', 'ok'],
      ['k8s.logs', 'ok'],
      ['pod.checks', 'ok'],
      ['aws.identity', 'ok'],
      ['aws.cluster', 'ok'],
      ['aws.oidc-providers', 'ok'],
      ['aws.role', 'ok'],
    ]);
    expect(bundle.options).toMatchObject({
      namespace: 'harness-delegate-ng',
      delegate: 'harness-delegate',
      cluster: 'delegates',
      exec: true,
    });
  });

  it('keeps structured output: env names, allow-listed values only, the token claims but not the token', () => {
    const bundle = collectBundleSchema.parse(JSON.parse(run.bundleText));
    const pods = bundle.steps.find((step) => step.id === 'k8s.pods')?.output as {
      items: Array<{ spec: { containers: Array<{ env: Array<{ name: string; value?: string }> }> } }>;
    };
    const env = Object.fromEntries(pods.items[0]!.spec.containers[0]!.env.map((e) => [e.name, e.value ?? null]));
    expect(env).toMatchObject({
      AWS_ROLE_ARN: 'arn:aws:iam::111111111111:role/HarnessDelegateIrsa',
      AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token',
      DELEGATE_NAME: 'harness-delegate',
      HTTPS_PROXY: 'proxy.corp.example:3128',
      PROXY_PASSWORD: '[not collected]',
      UPGRADER_TOKEN: '[not collected]',
      ACCOUNT_ID: '[not collected]',
      DELEGATE_NAMESPACE: null,
    });
    const checks = bundle.steps.find((step) => step.id === 'pod.checks')?.output as Record<string, unknown>;
    expect(checks).toMatchObject({
      tokenReadable: true,
      claims: { sub: 'system:serviceaccount:harness-delegate-ng:harness-delegate', aud: 'sts.amazonaws.com' },
      reachability: [
        { host: 'sts.us-east-1.amazonaws.com', dns: 'ok', tcp: 'ok' },
        { host: 'ec2.us-east-1.amazonaws.com', dns: 'ok', tcp: 'ok' },
      ],
      awsCli: 'present',
      callerIdentity: { Arn: expect.stringMatching(/^arn:aws:sts::111111111111:assumed-role\/HarnessDelegateIrsa\//) },
    });
    const logs = bundle.steps.find((step) => step.id === 'k8s.logs')?.output as string[];
    expect(logs.join('\n')).toContain('Validating AWS connector aws_irsa');
    expect(logs.join('\n')).not.toContain('heartbeat');
  });

  it('no canary reaches the bundle or the terminal', () => {
    expect(
      findCanaries(run.canaries, [
        { where: 'bundle', bytes: Buffer.from(run.bundleText) },
        { where: 'stdout', bytes: Buffer.from(run.stdout) },
        { where: 'stderr', bytes: Buffer.from(run.stderr) },
      ]),
    ).toEqual([]);
    expect(run.bundleText).toContain('[redacted');
  });

  it('runs only read commands, each of them listed in its header', () => {
    expect(run.commands.length).toBeGreaterThanOrEqual(13);
    expect(run.commands.filter((argv) => !isRead(argv))).toEqual([]);
    const header = run.script.slice(0, run.script.indexOf('\nNAMESPACE='));
    for (const argv of run.commands) {
      const [tool, verb, object] = argv;
      const listed =
        tool === 'kubectl' && verb === 'get'
          ? `kubectl get ${object?.split(',')[0]}`
          : tool === 'kubectl'
            ? `kubectl ${verb}`
            : `aws ${verb} ${object}`;
      expect(header, argv.join(' ')).toContain(listed);
    }
  });

  it('the cluster saw only reads, never a Secret; AWS saw only reads', () => {
    expect(run.k8sRequests.length).toBeGreaterThan(10);
    expect(run.k8sRequests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(run.k8sRequests.filter((r) => /secret/i.test(r.path))).toEqual([]);
    expect(run.k8sRequests.find((r) => r.upgrade)).toMatchObject({ status: 101 });
    const actions = new Set(run.awsRequests.map((r) => (r.service === 'eks' ? 'eks:DescribeCluster' : `${r.service}:${r.action}`)));
    expect([...actions].sort()).toEqual([
      'eks:DescribeCluster',
      'iam:GetRole',
      'iam:ListOpenIDConnectProviders',
      'sts:AssumeRoleWithWebIdentity',
      'sts:GetCallerIdentity',
    ]);
  });
});

describe.skipIf(!ready)('finding the delegate workload', { timeout: 60_000 }, () => {
  it('without a name: the Deployment or StatefulSet whose image is a delegate', async () => {
    const run = await runCollect({ options: { delegate: '' } });
    const bundle = collectBundleSchema.parse(JSON.parse(run.bundleText));
    expect(run.commands.find((argv) => argv[2]?.startsWith('deployments'))).toEqual(
      expect.arrayContaining(['get', 'deployments,statefulsets']),
    );
    expect(bundle.options.delegate).toBe('harness-delegate');
    expect(bundle.steps.find((step) => step.id === 'k8s.pods')).toMatchObject({
      status: 'ok',
      command: expect.stringContaining('-l harness.io/name=delegate'),
    });
  });

  it('the legacy delegate, a StatefulSet: asked for as a Deployment first, then as a StatefulSet', async () => {
    const run = await runCollect({ cluster: { workloadKind: 'StatefulSet' } });
    const bundle = collectBundleSchema.parse(JSON.parse(run.bundleText));
    expect(run.commands.filter((argv) => argv[1] === 'get').map((argv) => argv[2])).toEqual(
      expect.arrayContaining(['deployment', 'statefulset']),
    );
    expect(bundle.steps.find((step) => step.id === 'k8s.workload')).toMatchObject({
      status: 'ok',
      command: expect.stringMatching(/^kubectl get statefulset harness-delegate /),
    });
    expect(bundle.steps.find((step) => step.id === 'k8s.logs')).toMatchObject({ status: 'ok' });
  });
});

describe.skipIf(!TOOLS.shellcheck)('shellcheck', () => {
  it.each([
    ['the default script', {}],
    [
      'a named delegate, exec on, three regions',
      { delegate: 'harness-delegate', exec: true, regions: ['us-east-1', 'us-gov-west-1', 'cn-north-1'] },
    ],
  ])('finds nothing in %s', (_, options) => {
    const { script } = collectScript(collectScriptOptionsSchema.parse(options), '0.1.0');
    const result = spawnSync(TOOLS.shellcheck, ['--shell=bash', '-'], { input: script, encoding: 'utf8' });
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('every step on its own: a failing or missing tool is recorded and the script goes on', () => {
  const dir = tempDir('awb-collect-alone-');
  afterAll(() => dir.remove());
  const { script } = collectScript(collectScriptOptionsSchema.parse({ exec: true }), '0.1.0');
  writeFileSync(join(dir.path, 'awb-collect.sh'), script);

  function runScript(path: string, env: Record<string, string> = {}) {
    const result = spawnSync(TOOLS.bash, [join(dir.path, 'awb-collect.sh'), '-o', join(dir.path, 'bundle.json')], {
      cwd: dir.path,
      encoding: 'utf8',
      env: { PATH: path, HOME: dir.path, TMPDIR: dir.path, ...env },
    });
    return { ...result, bundle: collectBundleSchema.parse(JSON.parse(readFileSync(join(dir.path, 'bundle.json'), 'utf8'))) };
  }

  it('without kubectl and the AWS CLI: every step skipped, saying why, and still a bundle', () => {
    // Only what the script itself needs besides bash: the POSIX tools, no kubectl, aws, jq or Python.
    const bin = join(dir.path, 'posix-only');
    mkdirSync(bin);
    for (const tool of ['awk', 'cat', 'date', 'grep', 'mkdir', 'mktemp', 'mv', 'rm', 'tr', 'uname']) {
      symlinkSync(spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim(), join(bin, tool));
    }
    const { status, stdout, bundle } = runScript(bin);
    expect(status).toBe(0);
    expect(stdout.trim()).toBe(join(dir.path, 'bundle.json'));
    expect(bundle.steps.map((step) => step.status)).toEqual(Array(13).fill('skipped'));
    expect(bundle.steps.find((step) => step.id === 'kubectl.version')?.note).toBe('kubectl is not installed');
    expect(bundle.steps.find((step) => step.id === 'aws.identity')?.note).toBe('aws is not installed');
  });

  it.skipIf(!ready)('with a cluster that does not answer and no AWS credentials: failures recorded with their errors', () => {
    const kubeconfig = join(dir.path, 'kubeconfig');
    writeFileSync(
      kubeconfig,
      'apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:1\ncontexts:\n- name: c\n  context:\n    cluster: c\n    user: u\ncurrent-context: c\nusers:\n- name: u\n  user:\n    token: not-a-real-token\n',
    );
    const { status, bundle } = runScript('/usr/bin:/bin', {
      KUBECONFIG: kubeconfig,
      AWS_CONFIG_FILE: join(dir.path, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir.path, 'none'),
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    expect(status).toBe(0);
    const byId = Object.fromEntries(bundle.steps.map((step) => [step.id, step]));
    expect(byId['kubectl.version']).toMatchObject({ status: 'failed', output: { clientVersion: { major: '1' } } });
    expect(byId['kubectl.context']).toMatchObject({ status: 'ok' });
    expect(byId['k8s.workload']).toMatchObject({ status: 'failed', stderr: expect.stringContaining('127.0.0.1:1') });
    expect(byId['k8s.pods']).toMatchObject({ status: 'skipped', note: 'no delegate workload with a label selector was found' });
    expect(byId['aws.identity']).toMatchObject({ status: 'failed', stderr: expect.stringMatching(/credentials/i) });
    expect(byId['aws.cluster']).toMatchObject({ status: 'skipped' });
  });
});
