import type * as IamSimulate from '@cloud-copilot/iam-simulate';
import type { Simulation } from '@cloud-copilot/iam-simulate';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { POLICY_LIMITS } from '../../../shared/policy/schema';
import { checkPolicies } from '../../helpers/parsed-calls';

/**
 * The work each iam-simulate call implies, counted from what it is given: every statement evaluated once
 * for the request, and, when the requested resource has a wildcard and the action is not one that only
 * takes `*`, once more for each distinct Resource entry of the identity Allows (iam-simulate evaluates
 * the request on each of them). A call that would
 * cost more than `perCallLimit` is refused before iam-simulate starts it: the way the check used to ask,
 * 10,000 statements meant one call of 10⁸ evaluations, about four minutes before running out of memory.
 */
const work = vi.hoisted(() => ({ calls: 0, steps: 0, perCallLimit: Number.POSITIVE_INFINITY }));

function costOf(simulation: Simulation, expands: boolean): number {
  const documents = [
    ...simulation.identityPolicies,
    ...simulation.serviceControlPolicies.flatMap((level) => level.policies),
    ...(simulation.permissionBoundaryPolicies ?? []),
    ...(simulation.sessionPolicy ? [{ policy: simulation.sessionPolicy }] : []),
  ];
  const statements = (policy: { Statement?: unknown }) => [policy.Statement ?? []].flat() as Record<string, unknown>[];
  const entries = new Set(
    simulation.identityPolicies
      .flatMap(({ policy }) => statements(policy))
      .filter((s) => s.Effect === 'Allow')
      .flatMap((s) => ('Resource' in s ? [s.Resource].flat() : ['*'])),
  );
  const count = documents.reduce((sum, { policy }) => sum + statements(policy).length, 0);
  return count * (1 + (expands ? entries.size : 0));
}

vi.mock('@cloud-copilot/iam-simulate', async (importOriginal) => {
  const real = await importOriginal<typeof IamSimulate>();
  return {
    ...real,
    runSimulation: async (simulation: Simulation, options: Parameters<typeof real.runSimulation>[1]) => {
      const [service = '', action = ''] = simulation.request.action.split(':');
      const expands = simulation.request.resource.resource.includes('*') && !(await real.isWildcardOnlyAction(service, action));
      const cost = costOf(simulation, expands);
      work.calls += 1;
      work.steps += cost;
      if (cost > work.perCallLimit) throw new Error(`one call would cost ${cost} statement evaluations`);
      return real.runSimulation(simulation, options);
    },
  };
});

const doc = (name: string, Statement: unknown[]) => ({ name, text: JSON.stringify({ Version: '2012-10-17', Statement }) });
const bucket = (i: number) => `arn:aws:s3:::bucket-${i}/*`;
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

beforeEach(() => {
  Object.assign(work, { calls: 0, steps: 0, perCallLimit: Number.POSITIVE_INFINITY });
});

describe('policy check on policies far larger than IAM allows', () => {
  it('checks 10,000 statements, each on its own bucket, with work that grows with the statements, not their square', async () => {
    const statements = [
      { Sid: 'Read', Effect: 'Allow', Action: ['ec2:Describe*', 'ecr:GetAuthorizationToken'], Resource: '*' },
      ...Array.from({ length: 10_000 }, (_, i) => ({ Effect: 'Allow', Action: 's3:GetObject', Resource: bucket(i) })),
      { Sid: 'NotBucket2000', Effect: 'Deny', Action: 's3:GetObject', Resource: bucket(2000) },
    ];
    work.perCallLimit = 4 * statements.length;
    const result = await checkPolicies({ identity: [doc('generated', statements)], actions: DOZEN });

    expect(result.lint.filter((l) => l.severity === 'error')).toEqual([]);
    const verdict = (action: string) => result.results.find((r) => r.action === action);
    expect(verdict('s3:GetObject')).toMatchObject({ decision: 'explicit_deny', statement: 'NotBucket2000', resource: bucket(2000) });
    expect(verdict('ec2:DescribeRegions')).toMatchObject({ decision: 'allowed', statement: 'Read' });
    expect(verdict('s3:PutObject')?.decision).toBe('implicit_deny');
    expect(result.results).toHaveLength(DOZEN.length);
    // One call per bucket up to the refused one, a few per action besides; each a handful of statements.
    expect(work.calls).toBeLessThanOrEqual(2001 + 5 * DOZEN.length);
    expect(work.steps).toBeLessThanOrEqual(10 * statements.length);
  });

  it('gives every action a verdict when 10,000 Allows differ only in their bucket, each shape of call evaluated once', async () => {
    const statements = [
      { Sid: 'Read', Effect: 'Allow', Action: ['ec2:Describe*', 'ecr:GetAuthorizationToken'], Resource: '*' },
      ...Array.from({ length: 10_000 }, (_, i) => ({
        Sid: `Bucket${i}`,
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject'],
        Resource: bucket(i),
      })),
      { Sid: 'NoPut7000', Effect: 'Deny', Action: 's3:PutObject', Resource: bucket(7000) },
    ];
    // Two documents, as each may hold 1 MB of text.
    const halves = [doc('generated-1', statements.slice(0, 5_000)), doc('generated-2', statements.slice(5_000))];
    const result = await checkPolicies({ identity: halves, actions: DOZEN });

    expect(result.lint.filter((l) => l.severity === 'error')).toEqual([]);
    expect(result.summary.skipped).toBe(0);
    expect(result.results).toHaveLength(DOZEN.length);
    const verdict = (action: string) => result.results.find((r) => r.action === action);
    expect(verdict('s3:GetObject')).toMatchObject({ decision: 'allowed' });
    expect(verdict('s3:GetObject')?.statement).toMatch(/^Bucket\d+$/);
    expect(verdict('s3:PutObject')).toMatchObject({ decision: 'explicit_deny', statement: 'NoPut7000', resource: bucket(7000) });
    expect(work.calls).toBeLessThanOrEqual(10 * DOZEN.length);
  });

  it('still refuses a policy whose statements differ in more than their resource, once the check runs out of budget', async () => {
    const statements = Array.from({ length: 12_000 }, (_, i) => ({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: bucket(i),
      // Every statement allows the caller (team-1), each in words of its own.
      Condition: { StringEquals: { 'aws:PrincipalTag/team': ['team-1', `team-${i}`] } },
    }));
    const result = await checkPolicies({
      identity: [0, 1, 2].map((i) => doc(`varied-${i}`, statements.slice(i * 4_000, (i + 1) * 4_000))),
      actions: ['s3:GetObject'],
      context: { 'aws:PrincipalTag/team': 'team-1' },
    });

    const tooLarge = result.lint.find((l) => l.severity === 'error');
    expect(tooLarge?.message).toContain('too large to check s3:GetObject');
    expect(result.summary.skipped).toBe(1);
  });

  it('names the document, the limit and what to do when an action has more resource patterns than a check may evaluate', async () => {
    const patterns = Math.ceil(POLICY_LIMITS.maxEvaluationSteps / 25) + 1;
    const wide = { Effect: 'Allow', Action: 's3:GetObject', Resource: Array.from({ length: patterns }, (_, i) => bucket(i)) };
    const read = { Effect: 'Allow', Action: 'ec2:DescribeRegions', Resource: '*' };
    const result = await checkPolicies({ identity: [doc('wide', [wide, read])], actions: ['s3:GetObject'] });

    const tooLarge = result.lint.find((l) => l.severity === 'error');
    expect(tooLarge?.path).toBe('identity[wide]');
    expect(tooLarge?.message).toContain(`names ${patterns.toLocaleString('en-US')} resource patterns`);
    expect(tooLarge?.message).toContain(`at most ${POLICY_LIMITS.maxEvaluationSteps.toLocaleString('en-US')} evaluation steps`);
    expect(tooLarge?.message).toMatch(/Give the resource to check/);
    expect(result.results.map((r) => r.action)).toEqual(['ec2:DescribeRegions']);
    expect(result.summary.skipped).toBe(1);
    // Refused before any pattern was evaluated: the request on every resource, and the one for DescribeRegions.
    expect(work.calls).toBeLessThanOrEqual(3);
  });

  it('refuses to read more statements than a check may, naming the document that crosses the limit', async () => {
    const half = Math.floor(POLICY_LIMITS.maxStatements / 2) + 1;
    const many = (name: string) =>
      doc(
        name,
        Array.from({ length: half }, () => ({ Effect: 'Allow', Action: '*', Resource: '*' })),
      );
    const result = await checkPolicies({ identity: [many('first'), many('second')] });

    expect(result.lint).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        path: 'identity[second]',
        message: expect.stringContaining(`at most ${POLICY_LIMITS.maxStatements.toLocaleString('en-US')} statements`),
      }),
    );
    expect(result.results).toEqual([]);
    expect(work.calls).toBe(0);
  });
});
