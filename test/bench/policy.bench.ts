import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { diagnose } from '../../electron/services/doctor/diagnose';
import { medianMs, type BenchResult } from './bench';

const DOZEN = [
  's3:GetObject',
  's3:PutObject',
  's3:ListBucket',
  'ec2:DescribeRegions',
  'ec2:DescribeInstances',
  'ec2:DescribeVpcs',
  'ecr:GetAuthorizationToken',
  'ecr:BatchGetImage',
  'sts:GetCallerIdentity',
  'iam:GetRole',
  'kms:Decrypt',
  'secretsmanager:GetSecretValue',
];

/** Checks the request read from standard input in a fresh Node, so that its peak memory is the check's own. */
const CHILD = `
const { checkPolicies } = await import(${JSON.stringify(new URL('../../electron/services/policy/check.ts', import.meta.url).href)});
const { policyCheckRequestSchema } = await import(${JSON.stringify(new URL('../../shared/policy/schema.ts', import.meta.url).href)});
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const request = policyCheckRequestSchema.parse(JSON.parse(Buffer.concat(chunks).toString()));
const rssBefore = process.memoryUsage().rss;
const start = performance.now();
const result = await checkPolicies(request);
const ms = performance.now() - start;
const tooLarge = result.lint.filter((l) => l.message.includes('too large')).length;
process.stdout.write(JSON.stringify({ ms, rssBefore, peak: process.resourceUsage().maxRSS * 1024, summary: result.summary, tooLarge }));
`;

interface ChildRun {
  readonly ms: number;
  readonly rssBefore: number;
  readonly peak: number;
  readonly summary: { allowed: number; denied: number; skipped: number };
  readonly tooLarge: number;
}

function checkInChild(request: unknown): ChildRun {
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
    input: JSON.stringify(request),
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`policy bench child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as ChildRun;
}

/**
 * "A 10,000-statement policy checked against a dozen actions in under 2 s and 300 MB": a generated policy
 * with one statement per bucket (s3:GetObject and s3:PutObject on each) and one for the read-only actions,
 * the shape that took 12 s at 1,000 statements and ran out of memory at 10,000. The time is the median of
 * three fresh processes, as a ratio of 2 s; the detail gives the peak memory against 300 MB.
 */
async function benchPolicyLarge(): Promise<BenchResult> {
  const Statement = [
    { Sid: 'Read', Effect: 'Allow', Action: ['ec2:Describe*', 'ecr:GetAuthorizationToken'], Resource: '*' },
    ...Array.from({ length: 10_000 }, (_, i) => ({
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject'],
      Resource: `arn:aws:s3:::bucket-${i}/*`,
    })),
  ];
  const request = { identity: [{ name: 'generated', text: JSON.stringify({ Version: '2012-10-17', Statement }) }], actions: DOZEN };
  const runs = [checkInChild(request), checkInChild(request), checkInChild(request)].sort((a, b) => a.ms - b.ms);
  const median = runs[1] ?? runs[0];
  if (!median) throw new Error('policy bench: no run');
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  const { allowed, denied, skipped } = median.summary;
  return {
    name: 'policy check, 10,000 statements x 12 actions vs 2 s',
    ratio: median.ms / 2000,
    detail: `median ${median.ms.toFixed(0)} ms; peak ${mb(Math.max(...runs.map((r) => r.peak)))} MB (target 300; ${mb(median.rssBefore)} MB before the check); ${allowed} allowed, ${denied} denied, ${skipped} not evaluated (${median.tooLarge} "too large")`,
  };
}

/**
 * The hostile StringLike :sub of the report (a run of `*?`, which a backtracking regex takes exponential
 * time to reject) against a plain :sub of the same length, each in a trust policy beside the delegate
 * manifest given to the Doctor. A linear matcher makes the ratio about 1.
 */
async function benchHostileGlob(): Promise<BenchResult> {
  const delegate = readFileSync(new URL('../fixtures/delegate/harness-delegate.yaml', import.meta.url), 'utf8');
  const issuer = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
  const trust = (sub: string) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${issuer}` },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringLike: { [`${issuer}:sub`]: sub } },
        },
      ],
    });
  const hostile = '*?'.repeat(20) + 'x';
  // A realistic :sub that does not admit the delegate either; a run of one letter would look like a secret to the Doctor.
  const plain = `system:serviceaccount:${'other-namespace:delegate'.padEnd(hostile.length, 'x')}`.slice(0, hostile.length);
  const time = (sub: string, runs: number) =>
    medianMs(
      () =>
        diagnose([
          { name: 'trust.json', text: trust(sub) },
          { name: 'delegate.yaml', text: delegate },
        ]),
      runs,
    );
  // Warm-up of both (module loading, the first parse of the manifest), then the medians.
  await time(hostile, 3);
  await time(plain, 3);
  const flat = await time(plain, 15);
  const star = await time(hostile, 15);
  return {
    name: 'Doctor on a *?-run :sub vs a plain one of the same size',
    ratio: star / flat,
    detail: `median ${star.toFixed(1)} ms vs ${flat.toFixed(1)} ms for a ${trust(hostile).length}-byte trust policy and the delegate manifest (a backtracking matcher: hours)`,
  };
}

/** The two hardening benchmarks of the policy check: bounded evaluation and linear glob matching. */
export async function benchPolicy(): Promise<BenchResult[]> {
  return [await benchPolicyLarge(), await benchHostileGlob()];
}
