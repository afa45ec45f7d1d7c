import { getDenialReasons, getGrantReasons, type RequestAnalysis } from '@cloud-copilot/iam-simulate';
import type { Decision } from '../../../shared/policy/schema';

type StatementAnalysis = NonNullable<RequestAnalysis['identityAnalysis']>['denyStatements'][number];
type ConditionExplain = NonNullable<StatementAnalysis['explain']['conditions']>[number];

export interface Explanation {
  readonly decision: Decision;
  readonly reason: string;
  readonly policy: string | null;
  readonly statement: string | null;
}

/** How each policy type is named to the user, and which label identifies its documents. */
const KIND_WORDS: Readonly<Record<string, string>> = {
  identity: 'identity policy',
  pb: 'permissions boundary',
  scp: 'service control policy',
  session: 'session policy',
  resource: 'resource policy',
  rcp: 'resource control policy',
  vpce: 'VPC endpoint policy',
};

/** How a verdict names what decided it; the evaluator may see only some statements of a document, renumbered. */
export interface Naming {
  /** `identity policy harness`, `SCP region-guard`, `permissions boundary no-ec2`. */
  policy(kind: string, id: string | undefined): string;
  /** The statement's Sid, or `#n` with n its 1-based place in the document as written. */
  statement(kind: string, id: string | undefined, sid: string | undefined, index: number): string;
}

function values(condition: ConditionExplain): string {
  const list = Array.isArray(condition.values) ? condition.values : [condition.values];
  return list.map((v) => v.value).join(', ');
}

/** "aws:RequestedRegion is us-east-1; StringNotEquals us-gov-west-1" in words a support engineer reads aloud. */
function describeConditions(analysis: StatementAnalysis, wantMatch: boolean): string {
  const conditions = (analysis.explain.conditions ?? []).filter((c) => c.matches === wantMatch);
  return conditions
    .map((c) => {
      const actual =
        c.resolvedConditionKeyValue === undefined
          ? `${c.conditionKeyValue} is not in the request`
          : `${c.conditionKeyValue} is ${c.resolvedConditionKeyValue}`;
      return `${actual} (${c.operator} ${values(c)})`;
    })
    .join('; ');
}

/** The statements of one kind (allowing, denying, not matching) in every policy layer, with the layer they are in. */
export function layeredStatements(
  analysis: RequestAnalysis,
  pick: 'denyStatements' | 'allowStatements' | 'unmatchedStatements',
): { kind: string; statement: StatementAnalysis }[] {
  const layer = (kind: string, list: readonly StatementAnalysis[] | undefined) => (list ?? []).map((statement) => ({ kind, statement }));
  return [
    ...layer('identity', analysis.identityAnalysis?.[pick]),
    ...layer('pb', analysis.permissionBoundaryAnalysis?.[pick]),
    ...layer('session', analysis.sessionAnalysis?.[pick]),
    ...layer(
      'scp',
      analysis.scpAnalysis?.ouAnalysis.flatMap((ou) => ou[pick]),
    ),
  ];
}

function allStatements(analysis: RequestAnalysis, pick: 'denyStatements' | 'allowStatements' | 'unmatchedStatements'): StatementAnalysis[] {
  return layeredStatements(analysis, pick).map((s) => s.statement);
}

function findStatement(
  list: readonly StatementAnalysis[],
  policyId: string | undefined,
  sid: string | undefined,
  index: number,
): StatementAnalysis | undefined {
  return list.find(
    (s) => (policyId === undefined || s.policyId === policyId) && (sid ? s.statement.sid() === sid : s.statement.index() === index),
  );
}

/**
 * Turns iam-simulate's analysis into one verdict: allowed by which statement, explicitly denied by
 * which policy and statement (with the condition that made it apply), or implicitly denied because
 * nothing allowed it, a boundary or SCP did not allow it, or an Allow's condition was not met.
 */
export function explain(action: string, analysis: RequestAnalysis, naming: Naming): Explanation {
  if (analysis.result === 'Allowed') {
    const grant = getGrantReasons(analysis).find((g) => g.policyType === 'identity') ?? getGrantReasons(analysis)[0];
    const id = grant && 'policyIdentifier' in grant ? grant.policyIdentifier : undefined;
    const policy = grant && 'policyIdentifier' in grant ? naming.policy(grant.policyType, id) : null;
    const statement = grant ? naming.statement(grant.policyType, id, grant.statementId, grant.statementIndex) : null;
    return {
      decision: 'allowed',
      reason: `Allowed by ${policy ?? 'the policies'}${statement ? `, statement ${statement}` : ''}.`,
      policy,
      statement,
    };
  }
  const denials = getDenialReasons(analysis);
  const explicit = denials.find((d) => d.denialType === 'Explicit');
  if (explicit && explicit.denialType === 'Explicit') {
    const policy = naming.policy(explicit.policyType, explicit.policyIdentifier);
    const statement = naming.statement(explicit.policyType, explicit.policyIdentifier, explicit.statementId, explicit.statementIndex);
    const analysisOf = findStatement(
      allStatements(analysis, 'denyStatements'),
      explicit.policyIdentifier,
      explicit.statementId,
      explicit.statementIndex,
    );
    const why = analysisOf ? describeConditions(analysisOf, true) : '';
    return {
      decision: 'explicit_deny',
      reason: `Explicitly denied by ${policy}, statement ${statement}${why ? `: ${why}` : ''}. An explicit Deny wins over every Allow.`,
      policy,
      statement,
    };
  }
  const implicit = denials[0];
  const kind = implicit?.policyType ?? 'identity';
  const found = layeredStatements(analysis, 'unmatchedStatements').find(
    ({ statement: s }) => s.statement.isAllow() && s.actionMatch && s.resourceMatch && s.conditionMatch === 'NoMatch',
  );
  const implicitId = implicit && 'identifier' in implicit ? implicit.identifier : undefined;
  if (found && (kind === 'identity' || found.statement.policyId === implicitId || kind === 'pb')) {
    const unmet = found.statement;
    const policy = naming.policy(kind === 'pb' ? 'pb' : 'identity', unmet.policyId);
    const statement = naming.statement(found.kind, unmet.policyId, unmet.statement.sid(), unmet.statement.index());
    return {
      decision: 'implicit_deny',
      reason: `Not allowed: ${policy}, statement ${statement} would allow ${action}, but its condition is not met: ${describeConditions(unmet, false)}.`,
      policy,
      statement,
    };
  }
  const where = KIND_WORDS[kind] ?? kind;
  const reason =
    kind === 'identity'
      ? `Not allowed: no statement in the identity policies allows ${action} on this resource (implicit deny).`
      : `Not allowed: the ${where} does not allow ${action} (implicit deny), even though the identity policies may.`;
  return {
    decision: 'implicit_deny',
    reason,
    policy: kind === 'identity' ? null : naming.policy(kind, implicitId),
    statement: null,
  };
}
