import { USE_CASES, checkActionsFor, withAlwaysNeeded } from '../../../shared/iam/use-cases';
import { partitionOfRegion } from '../../../shared/regions';
import {
  POLICY_LIMITS,
  type Lint,
  type ParsedPolicyCheckRequest,
  type PolicyCheckResult,
  type Verdict,
} from '../../../shared/policy/schema';
import { checkAction } from './actions';
import { PolicyLinter, parseDocument, statementsOf, type PolicyDocument, type StatementAllowance } from './documents';
import { ACCOUNT, PolicyEvaluator } from './evaluate';
import { analyzeTrustPolicy, subjectAdmits } from './trust';

const FULL_AWS_ACCESS = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

/** The SCP AWS attaches by default; SCPs that allow nothing themselves filter what it allows. */
const FULL_AWS_ACCESS_DOCUMENT: PolicyDocument = {
  kind: 'scp',
  name: 'FullAWSAccess',
  label: 'scp[FullAWSAccess]',
  policy: FULL_AWS_ACCESS,
  statements: statementsOf(FULL_AWS_ACCESS),
};

function hasAllow(document: PolicyDocument): boolean {
  return document.statements.some(({ statement }) => statement.Effect === 'Allow');
}

/** Which chosen use cases list an action, so a denied action says what it breaks. */
function useCasesNeeding(action: string, chosen: readonly string[]): string[] {
  return withAlwaysNeeded(chosen as never).filter((id) => USE_CASES[id].checkActions.includes(action));
}

function trustLint(request: ParsedPolicyCheckRequest, lint: Lint[], allowance: StatementAllowance): void {
  if (!request.trust) return;
  const document = parseDocument('trust', request.trust, lint, allowance);
  if (!document) return;
  const analysis = analyzeTrustPolicy(document.policy);
  for (const problem of analysis.problems)
    lint.push({ severity: problem.severity, path: `trust.${problem.path}`, message: problem.message });
  const regionPartition = partitionOfRegion(request.region);
  for (const statement of analysis.webIdentity) {
    if (statement.providerPartition && regionPartition && statement.providerPartition !== regionPartition) {
      lint.push({
        severity: 'error',
        path: `trust.${statement.path}.Principal.Federated`,
        message: `The OIDC provider is in ${statement.providerPartition} but the region ${request.region} is in ${regionPartition}.`,
      });
    }
    const sa = request.serviceAccount;
    if (sa && statement.subjects.length > 0 && !subjectAdmits(statement.subjects, sa.namespace, sa.name)) {
      lint.push({
        severity: 'error',
        path: `trust.${statement.path}.Condition`,
        message: `The :sub condition (${statement.subjects.map((s) => s.value).join(', ')}) does not admit system:serviceaccount:${sa.namespace}:${sa.name}; STS will refuse AssumeRoleWithWebIdentity for the delegate.`,
      });
    }
  }
}

/** How verdicts name each document: `identity policy harness`, `SCP region-guard`, `permissions boundary no-ec2`. */
function labeller(documents: readonly PolicyDocument[]): (kind: string, id: string | undefined) => string {
  const words = {
    identity: 'identity policy',
    boundary: 'permissions boundary',
    scp: 'SCP',
    session: 'session policy',
    trust: 'trust policy',
  };
  const labels = new Map(documents.map((d) => [`${d.kind === 'boundary' ? 'pb' : d.kind}:${d.name}`, `${words[d.kind]} ${d.name}`]));
  const only = (kind: PolicyDocument['kind']) => documents.find((d) => d.kind === kind);
  return (kind, id) => {
    const single = kind === 'pb' ? only('boundary') : kind === 'session' ? only('session') : undefined;
    return labels.get(`${kind}:${id ?? ''}`) ?? (single ? `${words[single.kind]} ${single.name}` : `${kind} policy${id ? ` ${id}` : ''}`);
  };
}

/**
 * Takes the request as its caller's schema check left it (the IPC router, the CLI's flags).
 * Evaluates every requested action against the identity policies, the permissions boundary, the
 * SCPs and the session policy with iam-simulate, and lints the documents. Bad input (malformed JSON,
 * unknown actions, a policy too large to check) is reported in `lint`, never thrown.
 */
export async function checkPolicies(request: ParsedPolicyCheckRequest): Promise<PolicyCheckResult> {
  const lint: Lint[] = [];
  const allowance: StatementAllowance = { remaining: POLICY_LIMITS.maxStatements };
  const parse = (kind: PolicyDocument['kind'], input: { name: string; text: string }) => parseDocument(kind, input, lint, allowance);
  const identity = request.identity.map((input) => parse('identity', input)).filter((d): d is PolicyDocument => d !== null);
  const boundary = request.boundary ? parse('boundary', request.boundary) : null;
  const scps = request.scps.map((input) => parse('scp', input)).filter((d): d is PolicyDocument => d !== null);
  const session = request.session ? parse('session', request.session) : null;
  const documents = [...identity, ...(boundary ? [boundary] : []), ...scps, ...(session ? [session] : [])];
  const linter = new PolicyLinter(request.region, lint);
  for (const document of documents) await linter.check(document);
  trustLint(request, lint, allowance);
  if (request.identity.length === 0)
    lint.push({
      severity: 'error',
      path: 'identity',
      message: 'Give at least one identity policy: the permissions of the role or user the connector uses.',
    });

  const wanted = [...new Set([...checkActionsFor(request.useCases), ...request.actions.map((a) => a.trim()).filter(Boolean)])];
  const actions: string[] = [];
  for (const action of wanted) {
    const check = await checkAction(action);
    if (check.ok) actions.push(check.canonical);
    else lint.push({ severity: 'error', path: `action ${action}`, message: check.message });
  }

  const broken = lint.some((l) => l.severity === 'error' && !l.path.startsWith('action') && !l.path.startsWith('trust'));
  const results: Verdict[] = [];
  if (!broken && identity.length > 0) {
    const partition = partitionOfRegion(request.region) ?? 'aws';
    const evaluator = new PolicyEvaluator({
      documents: scps.length > 0 && !scps.some(hasAllow) ? [FULL_AWS_ACCESS_DOCUMENT, ...documents] : documents,
      principal: request.principal ?? `arn:${partition}:iam::${ACCOUNT}:role/HarnessConnectorRole`,
      context: { 'aws:RequestedRegion': request.region, ...request.context },
      region: request.region,
      partition,
      resource: request.resource,
      label: labeller(documents),
    });
    for (const action of actions) {
      const outcome = await evaluator.evaluate(action);
      if (outcome.kind === 'too-large') lint.push(outcome.lint);
      else if (outcome.kind === 'error') lint.push({ severity: 'error', path: `action ${action}`, message: outcome.message });
      else
        results.push({ action, resource: outcome.resource, ...outcome.explanation, useCases: useCasesNeeding(action, request.useCases) });
    }
  }
  const denied = results.filter((r) => r.decision !== 'allowed').length;
  return { results, lint, summary: { allowed: results.length - denied, denied, skipped: wanted.length - results.length } };
}
