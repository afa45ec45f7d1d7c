import { USE_CASES, renderResource, withAlwaysNeeded, type UseCaseId } from '../../../../shared/iam/use-cases';

function sidOf(id: string, index: number): string {
  const words = id.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return `Harness${words.join('')}${index > 0 ? index + 1 : ''}`;
}

/** IAM accepts a string or a list; a single value is written as a string, as people write it. */
function oneOrMany(values: readonly string[]): string | string[] {
  return values.length === 1 ? (values[0] as string) : [...values];
}

/** The identity policy for the chosen Harness use cases; `ec2:DescribeRegions` is always in it. */
export function permissionPolicy(useCases: readonly UseCaseId[], context: { partition: string; bucket?: string | undefined }) {
  const Statement = withAlwaysNeeded(useCases).flatMap((id) =>
    USE_CASES[id].grants.map((grant, index) => ({
      Sid: sidOf(id, index),
      Effect: 'Allow',
      Action: oneOrMany(grant.actions),
      Resource: oneOrMany(grant.resources.map((r) => renderResource(r, context))),
      ...(grant.condition ? { Condition: grant.condition } : {}),
    })),
  );
  return { Version: '2012-10-17', Statement };
}
