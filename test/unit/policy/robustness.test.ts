import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkPolicies } from '../../helpers/parsed-calls';
import { policyCheckResultSchema } from '../../../shared/policy/schema';

const statement = fc.record(
  {
    Sid: fc.string({ maxLength: 8 }),
    Effect: fc.constantFrom('Allow', 'Deny', 'Alow', 3),
    Action: fc.oneof(
      fc.constantFrom('ec2:*', 'ec2:DescribeRegions', '*', 's3:Get*', 'nope'),
      fc.string({ maxLength: 12 }),
      fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
    ),
    Resource: fc.oneof(fc.constant('*'), fc.string({ maxLength: 20 })),
    Condition: fc.jsonValue({ maxDepth: 3 }),
  },
  { requiredKeys: [] },
);
const policyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
  fc.array(statement, { maxLength: 3 }).map((Statement) => JSON.stringify({ Version: '2012-10-17', Statement })),
);

describe('policy check never throws on what it is given', () => {
  it('returns a schema-valid result for arbitrary policy text and action names', async () => {
    await fc.assert(
      fc.asyncProperty(
        policyText,
        fc.option(policyText, { nil: undefined }),
        fc.array(fc.string({ maxLength: 30 }), { maxLength: 3 }),
        async (identity, scp, actions) => {
          const result = await checkPolicies({
            identity: [{ name: 'p', text: identity }],
            scps: scp === undefined ? [] : [{ name: 's', text: scp }],
            actions,
          });
          expect(policyCheckResultSchema.safeParse(result).success).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
