import { describe, expect, it } from 'vitest';
import { USE_CASES, USE_CASE_IDS, checkActionsFor, withAlwaysNeeded } from '../../../shared/iam/use-cases';

/** IAM action patterns: `*` matches any run of characters, case-insensitively. */
function matches(pattern: string, action: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
  return regex.test(action);
}

describe('Harness use-case catalog', () => {
  it("every action a policy check evaluates is granted by that use case's own preset", () => {
    for (const id of USE_CASE_IDS) {
      const granted = USE_CASES[id].grants.flatMap((g) => g.actions);
      for (const action of USE_CASES[id].checkActions) {
        expect(
          granted.some((pattern) => matches(pattern, action)),
          `${id}: ${action}`,
        ).toBe(true);
      }
    }
  });

  it('action names are service:Action with no blanks', () => {
    for (const id of USE_CASE_IDS) {
      for (const action of [...USE_CASES[id].grants.flatMap((g) => g.actions), ...USE_CASES[id].checkActions]) {
        expect(action, id).toMatch(/^[a-z0-9-]+:[A-Za-z0-9*]+$/);
      }
    }
  });

  it('always includes ec2:DescribeRegions, once', () => {
    expect(withAlwaysNeeded(['ecr-pull', 'ecr-pull'])).toEqual(['describe-regions', 'ecr-pull']);
    const actions = checkActionsFor(['cloudformation-eks']);
    expect(actions[0]).toBe('ec2:DescribeRegions');
    expect(actions.filter((a) => a === 'ec2:DescribeRegions')).toHaveLength(1);
  });
});
