import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectScriptOptionsSchema, type CollectScriptOptionsInput } from '../../../shared/collect/schema';
import { collectScript } from '../../../electron/services/collect/generate';
import { ACCOUNTS, buildWorld, OIDC_ISSUER, startAwsEndpoint } from '../../aws-endpoint';
import type { RequestRecord as AwsRequest } from '../../aws-endpoint/model';
import { DELEGATE_DEFAULTS, delegateCluster, startK8sEndpoint, type DelegateClusterOptions, type K8sRequest } from '../../k8s-endpoint';
import { canary } from '../canary/leaks';
import { tempDir } from '../../helpers/temp-dir';

/**
 * Runs the generated collect script for real: bash, the real kubectl against the loopback Kubernetes
 * API (HTTPS, bearer token, exec over WebSocket) and the real AWS CLI against the loopback AWS
 * endpoint (SigV4-verified STS, IAM and EKS). kubectl and aws are reached through wrappers that only
 * record each command line before running the real binary, so a test can list what the script ran.
 */
export interface Scenario {
  readonly cluster?: Partial<Omit<DelegateClusterOptions, 'secrets'>>;
  /** The :sub the IRSA role's trust policy allows (default: the delegate's service account). */
  readonly trustedSubject?: string;
  /** False: the account has no IAM OIDC provider for the cluster's issuer. */
  readonly provider?: boolean;
  /** Claims of the token in the pod (default: valid for an hour). */
  readonly token?: Partial<{ exp: number; aud: string }>;
  /** Hosts the pod's network reaches (default: every STS and EC2 host). */
  readonly reachable?: readonly string[];
  /** Extra delegate log lines. */
  readonly logs?: readonly string[];
  readonly options?: CollectScriptOptionsInput;
  /** A script generated elsewhere (the Doctor view), run instead of one made from `options`. */
  readonly script?: string;
}

export interface CollectRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly bundleText: string;
  readonly bundlePath: string;
  /** Each kubectl or aws command line the script ran, as argv. */
  readonly commands: readonly string[][];
  readonly script: string;
  readonly k8sRequests: readonly K8sRequest[];
  readonly awsRequests: readonly AwsRequest[];
  readonly canaries: Readonly<Record<string, string>>;
}

const NAMESPACE = DELEGATE_DEFAULTS.namespace;
const POD = DELEGATE_DEFAULTS.pod;
export const SUBJECT = `system:serviceaccount:${NAMESPACE}:${DELEGATE_DEFAULTS.serviceAccount}`;
export const CLUSTER = 'delegates';
const ALL_HOSTS = ['sts.us-east-1.amazonaws.com', 'ec2.us-east-1.amazonaws.com'];

function which(tool: string): string {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
}

export const TOOLS = {
  kubectl: which('kubectl'),
  aws: which('aws'),
  bash: which('bash'),
  shellcheck: which('shellcheck'),
  openssl: which('openssl'),
};

function executable(path: string, body: string): void {
  writeFileSync(path, body);
  chmodSync(path, 0o755);
}

/**
 * AWS CLIs before 2.13 (Debian 12 ships 2.9) and 1.29 ignore AWS_ENDPOINT_URL. For them the test's
 * `aws` passes the loopback endpoint as --endpoint-url and, where the pod's web identity is in play,
 * makes the AssumeRoleWithWebIdentity call the CLI itself would make, at that endpoint, first.
 */
function ignoresEndpointVariable(): boolean {
  const version = /aws-cli\/(\d+)\.(\d+)/.exec(spawnSync(TOOLS.aws, ['--version'], { encoding: 'utf8' }).stdout ?? '');
  const [major, minor] = [Number(version?.[1] ?? 0), Number(version?.[2] ?? 0)];
  return major === 2 ? minor < 13 : major === 1 ? minor < 29 : false;
}

const OLD_CLI = TOOLS.aws !== '' && ignoresEndpointVariable();

function awsRunner(): string {
  if (!OLD_CLI) return `exec '${TOOLS.aws}' "$@"\n`;
  return [
    'if [ -n "$AWS_ENDPOINT_URL" ]; then',
    '  if [ -n "$AWS_ROLE_ARN" ] && [ -n "$AWS_WEB_IDENTITY_TOKEN_FILE" ] && [ -z "$AWS_ACCESS_KEY_ID" ]; then',
    `    creds=$('${TOOLS.aws}' --endpoint-url "$AWS_ENDPOINT_URL" --no-sign-request sts assume-role-with-web-identity --role-arn "$AWS_ROLE_ARN" --role-session-name awb-collect-test --web-identity-token "$(cat "$AWS_WEB_IDENTITY_TOKEN_FILE")" --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text) || exit $?`,
    '    AWS_ACCESS_KEY_ID=$(printf %s "$creds" | cut -f1); AWS_SECRET_ACCESS_KEY=$(printf %s "$creds" | cut -f2); AWS_SESSION_TOKEN=$(printf %s "$creds" | cut -f3)',
    '    export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN; unset AWS_ROLE_ARN AWS_WEB_IDENTITY_TOKEN_FILE',
    '  fi',
    `  exec '${TOOLS.aws}' --endpoint-url "$AWS_ENDPOINT_URL" "$@"`,
    'fi',
    `exec '${TOOLS.aws}' "$@"`,
    '',
  ].join('\n');
}

/** Records argv (unit-separated, one record per line of \036) and runs the real tool. */
function recordingWrappers(dir: string, log: string): void {
  for (const tool of ['kubectl', 'aws'] as const) {
    const run = tool === 'aws' ? awsRunner() : `exec '${TOOLS[tool]}' "$@"\n`;
    executable(
      join(dir, tool),
      `#!/bin/sh\n{ printf '%s' ${tool}; for a in "$@"; do printf '\\037%s' "$a"; done; printf '\\036'; } >> '${log}'\n${run}`,
    );
  }
}

/** Inside the pod the AWS CLI is the machine's own, behind the same compatibility shim. */
function podAws(dir: string): void {
  executable(join(dir, 'aws'), `#!/bin/sh\n${awsRunner()}`);
}

/** The pod's own getent and timeout: its network reaches only `reachable`. */
function podNetwork(dir: string, reachable: readonly string[]): void {
  const hosts = reachable.length > 0 ? reachable.join('|') : 'none.invalid';
  executable(join(dir, 'getent'), `#!/bin/sh\ncase "$2" in ${hosts}) echo "10.0.0.10 $2"; exit 0 ;; esac\nexit 2\n`);
  executable(
    join(dir, 'timeout'),
    `#!/bin/sh\nfor h in ${reachable.join(' ') || 'none.invalid'}; do case "$*" in *"/dev/tcp/$h/"*) exit 0 ;; esac; done\nexit 1\n`,
  );
}

function delegateLog(secrets: Record<string, string>, extra: readonly string[]): string {
  return [
    '2024-05-14 10:20:05,001 [main] INFO  io.harness.delegate.app.DelegateApplication - Delegate process started',
    `2024-05-14 10:20:06,120 [main] INFO  io.harness.delegate.service.DelegateAgentServiceImpl - Registering with DELEGATE_TOKEN=${secrets.delegateToken}`,
    `2024-05-14 10:20:06,300 [main] DEBUG io.harness.network.Http - proxy https://delegate:${secrets.proxyPassword}@proxy.corp.example:3128 for app.harness.io`,
    '2024-05-14 10:22:31,114 [delegate-task-3] INFO  io.harness.delegate.task.aws.AwsValidationHandler - Validating AWS connector aws_irsa (Irsa) in us-east-1',
    `2024-05-14 10:22:31,118 [delegate-task-3] DEBUG com.amazonaws.request - Sending Request: POST https://sts.us-east-1.amazonaws.com / Headers: (Authorization: AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20240514/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=${secrets.signature})`,
    `2024-05-14 10:22:31,119 [delegate-task-3] DEBUG com.amazonaws.auth - credentials from a pasted profile: aws_secret_access_key = ${secrets.secretKey} aws_session_token = ${secrets.sessionToken}`,
    `2024-05-14 10:22:31,120 [delegate-task-3] DEBUG io.harness.aws.AwsClientHelper - connector call with Authorization: Bearer ${secrets.bearer}`,
    ...extra,
    '2024-05-14 10:22:32,000 [delegate-task-3] INFO  io.harness.delegate.service.DelegateAgentServiceImpl - Task finished',
    '2024-05-14 10:23:00,000 [heartbeat] INFO  io.harness.delegate.service.HeartbeatService - heartbeat sent',
  ].join('\n');
}

function spawnScript(
  path: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TOOLS.bash, [path, ...args], { env, cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export async function runCollect(scenario: Scenario = {}): Promise<CollectRun> {
  const dir = tempDir('awb-collect-run-');
  const world = buildWorld();
  const secrets = {
    proxyPassword: canary(24),
    upgraderToken: canary(32),
    delegateToken: randomBytes(16).toString('hex'),
    secretKey: canary(40),
    sessionToken: canary(360),
    bearer: canary(40),
    signature: randomBytes(32).toString('hex'),
    kubeToken: canary(48),
    staticSecretKey: canary(40),
    shellSecretKey: world.admin.secretAccessKey,
  };
  const token = world.token(scenario.token);
  const irsaRole = {
    ...world.irsaRole,
    trust: { webIdentity: { issuer: OIDC_ISSUER, sub: scenario.trustedSubject ?? SUBJECT, aud: 'sts.amazonaws.com' } },
  };
  const config = {
    ...world.config,
    accounts: world.config.accounts.map((a) => (a.id === ACCOUNTS.main && scenario.provider === false ? { ...a, oidcProviders: [] } : a)),
    roles: [world.deployRole, irsaRole],
    clusters: [{ name: CLUSTER, account: ACCOUNTS.main, region: 'us-east-1', version: '1.31', issuer: `https://${OIDC_ISSUER}` }],
  };
  const aws = await startAwsEndpoint(config);
  const bin = join(dir.path, 'bin');
  const podBin = join(dir.path, 'pod-bin');
  const work = join(dir.path, 'work');
  for (const folder of [bin, podBin, work]) mkdirSync(folder);
  const log = join(dir.path, 'commands.log');
  writeFileSync(log, '');
  recordingWrappers(bin, log);
  podNetwork(podBin, scenario.reachable ?? ALL_HOSTS);
  podAws(podBin);
  const tokenFile = join(dir.path, 'token');
  writeFileSync(tokenFile, token);
  const clusterOptions: DelegateClusterOptions = {
    roleArn: irsaRole.arn,
    secrets: { delegateToken: secrets.delegateToken, proxyPassword: secrets.proxyPassword, upgraderToken: secrets.upgraderToken },
    ...scenario.cluster,
  };
  const injected = !!clusterOptions.roleArn && (clusterOptions.injected ?? true);
  const awsClientEnv = {
    HOME: dir.path,
    AWS_ENDPOINT_URL: aws.url,
    AWS_CONFIG_FILE: join(dir.path, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir.path, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_MAX_ATTEMPTS: '1',
  };
  const k8s = await startK8sEndpoint({
    version: { major: '1', minor: '31', gitVersion: 'v1.31.2-eks-7f9249a' },
    objects: delegateCluster(clusterOptions),
    logs: { [`${NAMESPACE}/${POD}/${DELEGATE_DEFAULTS.container}`]: delegateLog(secrets, scenario.logs ?? []) },
    token: secrets.kubeToken,
    shells: {
      [`${NAMESPACE}/${POD}`]: {
        bin: podBin,
        env: {
          ...awsClientEnv,
          AWS_REGION: 'us-east-1',
          AWS_DEFAULT_REGION: 'us-east-1',
          ...(injected
            ? { AWS_ROLE_ARN: irsaRole.arn, AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile, AWS_STS_REGIONAL_ENDPOINTS: 'regional' }
            : {}),
          ...(clusterOptions.staticKeys
            ? { AWS_ACCESS_KEY_ID: clusterOptions.staticKeys.accessKeyId, AWS_SECRET_ACCESS_KEY: clusterOptions.staticKeys.secretAccessKey }
            : {}),
        },
      },
    },
  });
  try {
    const kubeconfig = k8s.kubeconfig(dir.path, `arn:aws:eks:us-east-1:${ACCOUNTS.main}:cluster/${CLUSTER}`);
    const script =
      scenario.script ??
      collectScript(collectScriptOptionsSchema.parse({ delegate: DELEGATE_DEFAULTS.delegate, ...scenario.options }), '0.1.0').script;
    const scriptPath = join(dir.path, 'awb-collect.sh');
    writeFileSync(scriptPath, script);
    const bundlePath = join(work, 'bundle.json');
    const result = await spawnScript(
      scriptPath,
      ['-o', bundlePath],
      {
        ...awsClientEnv,
        PATH: `${bin}:/usr/local/bin:/usr/bin:/bin`,
        KUBECONFIG: kubeconfig,
        TMPDIR: dir.path,
        AWS_ACCESS_KEY_ID: world.admin.accessKeyId,
        AWS_SECRET_ACCESS_KEY: world.admin.secretAccessKey,
      },
      work,
    );
    const commands = readFileSync(log, 'utf8')
      .split('\u001e')
      .filter(Boolean)
      .map((line) => line.split('\u001f'));
    let bundleText = '';
    try {
      bundleText = readFileSync(bundlePath, 'utf8');
    } catch {
      // the test says the bundle is missing
    }
    return {
      ...result,
      bundleText,
      bundlePath,
      commands,
      script,
      k8sRequests: [...k8s.requests],
      awsRequests: [...aws.requests],
      canaries: { ...secrets, webIdentityToken: token, tokenSignature: token.split('.')[2] ?? token },
    };
  } finally {
    await k8s.close();
    await aws.close();
    dir.remove();
  }
}
