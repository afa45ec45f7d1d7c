import { runSimulation, type RequestAnalysis, type Simulation } from '@cloud-copilot/iam-simulate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleResource } from '../../../electron/services/policy/actions';
import { checkPolicies } from '../../helpers/parsed-calls';

const ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 'ec2:TerminateInstances'];
const DECISIONS = { Allowed: 'allowed', ExplicitlyDenied: 'explicit_deny', ImplicitlyDenied: 'implicit_deny' } as const;
const FULL_AWS_ACCESS = {
  name: 'FullAWSAccess',
  policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
};

type Policy = { Version: string; Statement: Record<string, unknown>[] };

/**
 * iam-simulate asked about any resource with every statement at once, as the check used to ask it (too
 * slow for large policies, fine for these): the first refused resource pattern decides, and when no
 * pattern applies, one concrete resource of the action.
 */
async function reference(identity: Policy[], boundary: Policy | undefined, scps: Policy[], action: string): Promise<string> {
  const named = (policy: Policy, i: number) => ({ name: `p${i}`, policy });
  const scpAllows = scps.some((p) => p.Statement.some((s) => s.Effect === 'Allow'));
  const simulation = (resource: string): Simulation => ({
    request: {
      principal: 'arn:aws:iam::123456789012:role/HarnessConnectorRole',
      action,
      resource: { resource, accountId: '123456789012' },
      contextVariables: { 'aws:RequestedRegion': 'us-east-1' },
    },
    identityPolicies: identity.map(named),
    serviceControlPolicies:
      scps.length > 0 ? [{ orgIdentifier: 'organization', policies: [...(scpAllows ? [] : [FULL_AWS_ACCESS]), ...scps.map(named)] }] : [],
    resourceControlPolicies: [],
    permissionBoundaryPolicies: boundary ? [named(boundary, 0)] : undefined,
  });
  let outcome = await runSimulation(simulation('*'), {});
  if (outcome.resultType === 'wildcard' && outcome.results.length === 0) {
    const [service = '', name = ''] = action.split(':');
    const example = await exampleResource(service, name, 'aws', 'us-east-1', '123456789012');
    if (example) outcome = await runSimulation(simulation(example), {});
  }
  if (outcome.resultType === 'error') return 'error';
  const analyses: RequestAnalysis[] = outcome.resultType === 'single' ? [outcome.result.analysis] : outcome.results.map((r) => r.analysis);
  const shown = analyses.find((a) => a.result !== 'Allowed') ?? analyses[0];
  return shown ? DECISIONS[shown.result] : 'implicit_deny';
}

// Patterns that overlap, nest, differ in case, use variables and short ARNs: the cases a cut-down evaluation could get wrong.
const resources = [
  '*',
  'arn:aws:s3:::b1/*',
  'arn:aws:s3:::b1/x',
  'arn:aws:s3:::b*',
  'arn:aws:s3:::*',
  'arn:aws:s3:::b1',
  'arn:aws:s3:::B1/*',
  'arn:aws:s3:::b1/${aws:username}/*',
  'arn:aws:s3',
  'arn:aws:ec2:us-east-1:123456789012:instance/*',
  'arn:aws:ec2:*:*:instance/i-1',
];
const some = <T>(values: readonly T[]) =>
  fc.oneof(fc.constantFrom(...values), fc.array(fc.constantFrom(...values), { minLength: 1, maxLength: 3 }));
const statement = fc
  .record({
    Sid: fc.constantFrom(undefined, 'A', 'B'),
    Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
    actionKey: fc.constantFrom('Action', 'Action', 'NotAction'),
    actions: some(['s3:GetObject', 's3:*', 's3:Get*', 's3:ListBucket', 'ec2:TerminateInstances', 'ec2:*', '*']),
    resourceKey: fc.constantFrom('Resource', 'Resource', 'NotResource'),
    resources: some(resources),
    Condition: fc.constantFrom(
      undefined,
      { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } },
      { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
      { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    ),
  })
  .map(({ Sid, Effect, actionKey, actions, resourceKey, resources: entries, Condition }) => ({
    ...(Sid ? { Sid } : {}),
    Effect,
    [actionKey]: actions,
    [resourceKey]: entries,
    ...(Condition ? { Condition } : {}),
  }));
const policy = fc.array(statement, { minLength: 1, maxLength: 5 }).map((Statement): Policy => ({ Version: '2012-10-17', Statement }));

describe('the bounded evaluation decides as iam-simulate given every statement', () => {
  it('on random identity policies, boundaries and SCPs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(policy, { minLength: 1, maxLength: 2 }),
        fc.option(policy, { nil: undefined }),
        fc.array(policy, { maxLength: 1 }),
        async (identity, boundary, scps) => {
          const text = (p: Policy, i: number) => ({ name: `p${i}`, text: JSON.stringify(p) });
          const result = await checkPolicies({
            identity: identity.map(text),
            boundary: boundary && text(boundary, 0),
            scps: scps.map(text),
            actions: ACTIONS,
          });
          const decided = Object.fromEntries(result.results.map((r) => [r.action, r.decision]));
          for (const action of ACTIONS) expect(decided[action]).toBe(await reference(identity, boundary, scps, action));
        },
      ),
      { numRuns: 150 },
    );
  });
});
