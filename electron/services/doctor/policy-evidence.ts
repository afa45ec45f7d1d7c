import { testRegionOf } from '../../../shared/connector';
import type { ConfigFacts } from './crosscheck';
import type { ReadInput } from './detect';
import { evidenceOf, type Draft } from './draft';
import { findAll } from './scan';

const TEXT_KINDS = new Set(['error_message', 'log', 'awb_report']);
const ACTION_IN_ERROR = /not authorized to perform:? ([a-z0-9-]{2,40}:[A-Za-z0-9]{2,80})/g;

/**
 * When the customer sent identity policies, evaluates what the failure needs against them with the
 * real IAM evaluator: ec2:DescribeRegions (the connector test) and every action an error names.
 */
export async function policyDrafts(inputs: readonly ReadInput[], facts: ConfigFacts): Promise<Draft[]> {
  const policies = inputs.filter((input) => input.kind === 'iam_policy');
  if (policies.length === 0) return [];
  const actions = new Set(['ec2:DescribeRegions']);
  for (const input of inputs) {
    if (!TEXT_KINDS.has(input.kind)) continue;
    for (const hit of findAll(input.text, ACTION_IN_ERROR, 10)) if (hit.groups[0]) actions.add(hit.groups[0]);
  }
  const connector = facts.connectors[0]?.document.connector;
  const region = connector ? testRegionOf(connector) : 'us-east-1';
  // The IAM evaluator and its data load only when a policy was given: most diagnoses never need them.
  const { checkPolicies } = await import('../policy/check');
  const result = await checkPolicies({
    identity: policies.map((input) => ({ name: input.name.slice(0, 200) || 'policy', text: input.text })),
    scps: [],
    useCases: [],
    actions: [...actions],
    region,
    context: {},
  });
  const byName = new Map(policies.map((input) => [input.name.slice(0, 200) || 'policy', input]));
  return result.results
    .filter((verdict) => verdict.decision !== 'allowed')
    .map((verdict): Draft => {
      const policyName = verdict.policy?.replace(/^identity policy /, '') ?? '';
      const input = byName.get(policyName) ?? policies[0];
      const evidence = input
        ? [
            ...(verdict.statement && !verdict.statement.startsWith('#') ? evidenceOf(input, `"${verdict.statement}"`) : []),
            ...evidenceOf(input, `"Statement"`),
          ].slice(0, 1)
        : [];
      return {
        class: verdict.decision === 'explicit_deny' ? 'explicit_deny' : 'permission_denied',
        severity: 'error',
        title: `The policies sent do not allow ${verdict.action}`,
        explanation: `Evaluated with the policies sent, in ${region}: ${verdict.reason}`,
        evidence,
        fix: [
          `Allow ${verdict.action} in the connector identity's policy${verdict.decision === 'explicit_deny' ? ', and remove or narrow the Deny that blocks it' : ''}; check with the Policy view or awb policy.`,
        ],
        confidence: 0.75,
      };
    });
}
